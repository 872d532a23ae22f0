/** Why a connect attempt did not connect; `code` is stable for the UI, `field` names bad input. */
export class ConnectError extends Error {
  override readonly name = 'ConnectError'
  constructor(
    readonly code:
      | 'INVALID_API_KEY'
      | 'CALCOM_UNAVAILABLE'
      | 'CALCOM_REFUSED'
      | 'OAUTH_NOT_CONFIGURED'
      | 'OAUTH_PORT_BUSY'
      | 'CREDENTIAL_STORE_UNAVAILABLE',
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }

  get httpStatus(): number {
    switch (this.code) {
      case 'INVALID_API_KEY':
      case 'OAUTH_NOT_CONFIGURED':
        return 400
      case 'OAUTH_PORT_BUSY':
        return 409
      case 'CALCOM_REFUSED':
        return 502
      case 'CALCOM_UNAVAILABLE':
      case 'CREDENTIAL_STORE_UNAVAILABLE':
        return 503
    }
  }
}
