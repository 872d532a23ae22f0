// Wire types of the relay routes desks call (DESIGN.md §4.1). The relay and the desk's relay client
// both import them from here, so this file holds types only: no runtime code, no Node imports.

/** `POST /v1/enroll` request. `deviceName`: 1–100 characters, some of them visible. */
export interface EnrollRequest {
  calcom: { accessToken: string } | { apiKey: string }
  deviceName: string
  /**
   * The token of a device this desk held before (it is enrolling again): the relay revokes that
   * device and carries its cursor over. A token no longer valid is ignored.
   */
  replacesDeviceToken?: string
}

/** `POST /v1/enroll` 200 response. Keep deviceToken secret: it is shown once and stored hashed. */
export interface EnrollResponse {
  channelId: string
  deviceId: string
  deviceToken: string
}

/** One delivery as Cal.com sent it. `body` is the raw request text, byte for byte. */
export interface RelayEvent {
  seq: number
  /** ISO 8601, UTC. */
  receivedAt: string
  contentType: string
  body: string
}

/** `GET /v1/events?after=SEQ&limit=N&wait=S` 200 response. */
export interface EventsResponse {
  events: RelayEvent[]
  /** The cursor to send as `after` next time (the last seq returned, or `after` when empty). */
  nextAfter: number
}

/** `GET /v1/events` query. `wait` in seconds, 0–25. `limit` 1–500 (default 100). */
export interface EventsQuery {
  after?: number
  limit?: number
  wait?: number
}

/** `POST /v1/device/revoke` (Bearer device token, no body) 200 response: the token stops working. */
export interface RevokeResponse {
  ok: true
}

/** `POST /v1/ack` request and 200 response. */
export interface AckRequest {
  seq: number
}
export interface AckResponse {
  ok: true
  /** The device's stored cursor (acks never move it backwards). */
  cursor: number
}

/**
 * Every error answer of the relay. `RESYNC_REQUIRED` (410) means the cursor is older than what is
 * retained: reconcile from Cal.com, then continue with `after = resumeAfter`.
 */
export interface RelayError {
  code: RelayErrorCode
  message: string
  resumeAfter?: number
  /** VALIDATION_FAILED: the field at fault, as `body/deviceName` or `querystring/after`. */
  field?: string
}

export type RelayErrorCode =
  | 'RESYNC_REQUIRED'
  | 'UNAUTHORIZED'
  | 'BAD_SIGNATURE'
  | 'NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INVALID_BODY'
  | 'VALIDATION_FAILED'
  | 'CALCOM_UNAUTHORIZED'
  | 'CALCOM_UNAVAILABLE'
  | 'ACCOUNT_NOT_ALLOWED'
  | 'RATE_LIMITED'
  | 'SHUTTING_DOWN'
  | 'INTERNAL'

/**
 * `GET /v1/stream` (SSE): each event is sent as `id: <seq>`, `event: delivery`,
 * `data: <JSON of RelayEvent>`; a `: heartbeat` comment every 15 s; `event: resync` with a
 * RelayError as data when the cursor is older than retention (the stream then ends).
 * Resume with the `Last-Event-ID` header (or `?after=`).
 */
export type StreamEventName = 'delivery' | 'resync'
