// Every Cal.com call ends in a value, never a throw: `{ok:true, value}` or `{ok:false, error}`.
// The error's `kind` is what a caller (the outbox above all) decides on (DESIGN.md §2):
//   transient — network, timeout, 5xx, 429: try again later; nothing is wrong with the request
//   permanent — any other 4xx: the request itself cannot succeed; show Cal.com's reason
//   auth      — 401 or a refused refresh (invalid_grant): stop and ask for a reconnect

export type CalcomErrorKind = 'transient' | 'permanent' | 'auth'

export type CalcomErrorCode =
  | 'NETWORK'
  | 'TIMEOUT'
  | 'SERVER_ERROR'
  | 'RATE_LIMITED'
  /** Dropped before it was sent: whoever asked stopped waiting. */
  | 'CANCELLED'
  | 'REJECTED'
  | 'NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'INVALID_GRANT'
  | 'NOT_CONNECTED'
  | 'UNEXPECTED_RESPONSE'

export class CalcomError extends Error {
  override readonly name = 'CalcomError'
  constructor(
    readonly kind: CalcomErrorKind,
    readonly code: CalcomErrorCode,
    message: string,
    readonly details: {
      /** HTTP status, when Cal.com answered. */
      status?: number
      method?: string
      /** The path called, without its query string. */
      path?: string
      /** Cal.com's `error.code` (e.g. BadRequestException) or the OAuth `error`. */
      calcomCode?: string
      /** When a rate-limited call may be tried again (epoch ms). */
      retryAt?: number
    } = {},
  ) {
    super(message)
  }

  get status(): number | undefined {
    return this.details.status
  }

  get retryable(): boolean {
    return this.kind === 'transient'
  }
}

export type CalcomResult<T> = { ok: true; value: T } | { ok: false; error: CalcomError }

export const ok = <T>(value: T): CalcomResult<T> => ({ ok: true, value })
export const fail = <T = never>(error: CalcomError): CalcomResult<T> => ({ ok: false, error })

/** The kind of a non-2xx answer, by status alone. */
export function kindOfStatus(status: number): CalcomErrorKind {
  if (status === 401) return 'auth'
  if (status === 429 || status >= 500 || status === 408) return 'transient'
  return 'permanent'
}

export function codeOfStatus(status: number): CalcomErrorCode {
  if (status === 401) return 'UNAUTHORIZED'
  if (status === 429) return 'RATE_LIMITED'
  if (status === 404) return 'NOT_FOUND'
  if (status >= 500 || status === 408) return 'SERVER_ERROR'
  return 'REJECTED'
}
