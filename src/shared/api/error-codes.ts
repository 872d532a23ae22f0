// The codes a desk refusal carries on the wire (`{error:{code,message,field?,uid?,params?}}`).
// The renderer says them from its catalogs; `message` stays as English for other API users.
// Only the local API's error handler decides each code's HTTP status.

export interface DeskErrorParams {
  VALIDATION: Record<string, never>
  NOT_FOUND: Record<string, never>
  NOT_ALLOWED: Record<string, never>
  NOT_CONNECTED: Record<string, never>
  UNKNOWN_DESK_USER: Record<string, never>
  STAFF_UNAVAILABLE: Record<string, never>
  SLOT_UNAVAILABLE: Record<string, never>
  DUPLICATE_BOOKING: Record<string, never>
  IDEMPOTENCY_KEY_REUSED: Record<string, never>
  SLOTS_UNAVAILABLE: Record<string, never>
  /** The caller hung up before the answer was ready. */
  CLIENT_LEFT: Record<string, never>
  INVALID_API_KEY: Record<string, never>
  OAUTH_NOT_CONFIGURED: Record<string, never>
  OAUTH_PORT_BUSY: Record<string, never>
  /** Cal.com refused; its own words are the message. */
  CALCOM_REFUSED: Record<string, never>
  CALCOM_UNAVAILABLE: Record<string, never>
  CREDENTIAL_STORE_UNAVAILABLE: Record<string, never>
}

export type DeskErrorCode = keyof DeskErrorParams
