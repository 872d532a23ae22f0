import type { RelayErrorCode } from './contract.js'

/** An error the client is meant to see: status, stable code, human message. */
export class RelayHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: RelayErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'RelayHttpError'
  }
}
