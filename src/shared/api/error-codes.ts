// The codes a desk refusal carries on the wire (`{error:{code,message,field?,uid?,params?}}`).
// The renderer says them from its catalogs; `message` stays as English for other API users.
// Only the local API's error handler decides each code's HTTP status.
import type { ValidationParams } from './validation-reasons'

export interface DeskErrorParams {
  /** An input was refused; the error's `reason` (validation-reasons.ts) says why, these its numbers. */
  VALIDATION: ValidationParams
  NOT_FOUND: Record<string, never>
  NOT_ALLOWED: Record<string, never>
  NOT_CONNECTED: Record<string, never>
  UNKNOWN_DESK_USER: Record<string, never>
  /** The chosen staff member has `clash` (ISO instants) over the asked `start`. */
  STAFF_UNAVAILABLE: {
    staff: string
    service: string
    start: string
    clash: string
    clashStart: string
    clashEnd: string
    buffer: boolean
  }
  SLOT_UNAVAILABLE: Record<string, never>
  /**
   * Cal.com cannot be asked for this staff member by name for this service (the desk knows no
   * Cal.com id or username of theirs, or Cal.com has no such service under their username), so
   * the booking would go to whoever Cal.com picks: refused, nothing queued.
   */
  STAFF_NOT_BOOKABLE: { staff: string; service: string }
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
  /** A business exists at this desk and no one is signed in (or the session ended). */
  SIGN_IN_REQUIRED: Record<string, never>
  /** The signed-in person's role may not do this (`can(role, action)`); nothing changed. */
  FORBIDDEN: { action: string; role: string }
  /** The PIN was wrong; after `attemptsLeft` more the person is locked at this desk. */
  PIN_WRONG: { attemptsLeft: number }
  /** Too many wrong PINs: this person cannot sign in at this desk until `until` (ISO 8601). */
  PIN_LOCKED: { until: string }
  /** Setting up a business needs the branch connected and enrolled at the relay first. */
  NOT_ENROLLED: Record<string, never>
  /** This branch already belongs to a business. */
  BUSINESS_EXISTS: Record<string, never>
  /** The join code is unknown, used or expired. */
  JOIN_CODE_INVALID: Record<string, never>
  /** The relay did not accept the signed-in person's PIN for a team change. */
  PIN_REFUSED: Record<string, never>
  /** The relay refused the change for a reason it names (the message says which). */
  RELAY_REFUSED: Record<string, never>
  /** The relay could not be reached or failed; nothing changed. */
  RELAY_UNAVAILABLE: Record<string, never>
  /**
   * The relay answered something this desk could not read (`call`: `GET /v1/business`); the desk
   * kept nothing of it. A change the relay was asked for may have been made there.
   */
  RELAY_NOT_UNDERSTOOD: { call: string }
  /** The notification rules changed since they were read: read them again and redo the change. */
  RULES_CHANGED: Record<string, never>
  /** The rules changed after this proposal was made, so approving it would undo that change. */
  PROPOSAL_SUPERSEDED: Record<string, never>
  /** Someone already approved or rejected this proposal. */
  PROPOSAL_DECIDED: Record<string, never>
  /** This app already holds a branch with that key. */
  BRANCH_EXISTS: Record<string, never>
  /** That branch's desk core is not running (it failed to start, or is stopping). */
  BRANCH_UNAVAILABLE: Record<string, never>
}

export type DeskErrorCode = keyof DeskErrorParams

/** Every code, for the test that each has words in every language the UI speaks. */
export const DESK_ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'NOT_ALLOWED',
  'NOT_CONNECTED',
  'UNKNOWN_DESK_USER',
  'STAFF_UNAVAILABLE',
  'SLOT_UNAVAILABLE',
  'STAFF_NOT_BOOKABLE',
  'DUPLICATE_BOOKING',
  'IDEMPOTENCY_KEY_REUSED',
  'SLOTS_UNAVAILABLE',
  'CLIENT_LEFT',
  'INVALID_API_KEY',
  'OAUTH_NOT_CONFIGURED',
  'OAUTH_PORT_BUSY',
  'CALCOM_REFUSED',
  'CALCOM_UNAVAILABLE',
  'CREDENTIAL_STORE_UNAVAILABLE',
  'SIGN_IN_REQUIRED',
  'FORBIDDEN',
  'PIN_WRONG',
  'PIN_LOCKED',
  'NOT_ENROLLED',
  'BUSINESS_EXISTS',
  'JOIN_CODE_INVALID',
  'PIN_REFUSED',
  'RELAY_REFUSED',
  'RELAY_UNAVAILABLE',
  'RELAY_NOT_UNDERSTOOD',
  'RULES_CHANGED',
  'PROPOSAL_SUPERSEDED',
  'PROPOSAL_DECIDED',
  'BRANCH_EXISTS',
  'BRANCH_UNAVAILABLE',
] as const satisfies readonly DeskErrorCode[]

// A code added to DeskErrorParams but not to the list above fails here.
type Unlisted = Exclude<DeskErrorCode, (typeof DESK_ERROR_CODES)[number]>
export const everyDeskErrorCodeListed: [Unlisted] extends [never] ? true : Unlisted = true
