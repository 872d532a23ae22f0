// What the sync health page tells a person about a recent sync error (GET /api/sync
// `recentErrors`). The core records codes from several places — the relay client, reconcile,
// the inbox's notices, the Cal.com client — and this folds them into the few problems a
// receptionist or owner can act on; the renderer's catalogs say each one and what to do.

/** The relay refused a desk event for good (400): the change stays at the desk that made it. */
export const DESK_EVENT_REFUSED = 'DESK_EVENT_REFUSED'
/** A relay too old to keep desk state: a resync cannot give back what its pruned log held. */
export const DESK_STATE_UNAVAILABLE = 'DESK_STATE_UNAVAILABLE'
/**
 * A change another desk of the branch shared (through the relay: a desk event or a desk state
 * entry) that this desk cannot read, as when that desk runs a newer Frontdesk. Not Cal.com's news.
 */
export const DESK_EVENT_UNREADABLE = 'DESK_EVENT_UNREADABLE'
/**
 * A refresh of services, staff and opening hours (connect/reference-refresh.ts) that Cal.com
 * answered for another account than the branch's: nothing was written.
 */
export const REFERENCE_ACCOUNT_MISMATCH = 'REFERENCE_ACCOUNT_MISMATCH'
/** A refresh of services, staff and opening hours read but not kept (its write rolled back). */
export const REFERENCE_NOT_APPLIED = 'REFERENCE_NOT_APPLIED'

export const SYNC_PROBLEMS = [
  'RELAY_UNREACHABLE',
  'RELAY_REFUSED',
  'RELAY_NOT_UNDERSTOOD',
  'RELAY_RESYNC',
  'CALCOM_SIGN_IN',
  'CALCOM_UNREACHABLE',
  'CALCOM_BUSY',
  'CALCOM_REFUSED',
  'NOT_CONNECTED',
  'UNKNOWN_CALCOM_NEWS',
  'WEBHOOK_REENABLED',
  'WEBHOOK_OFF',
  'WEBHOOK_GONE',
  'DESK_EVENT_REFUSED',
  'DESK_STATE_UNAVAILABLE',
  'DESK_EVENT_UNREADABLE',
  'REFERENCE_ACCOUNT_MISMATCH',
  'REFERENCE_NOT_APPLIED',
  'OTHER',
] as const
export type SyncProblem = (typeof SYNC_PROBLEMS)[number]

/** What the desk records about the relay: its client's codes, enrollment's and the desk state's. */
const RELAY_CODES: Record<string, SyncProblem> = {
  // relay-client.ts
  RELAY_UNREACHABLE: 'RELAY_UNREACHABLE',
  RELAY_SILENT: 'RELAY_UNREACHABLE',
  RELAY_ERROR: 'RELAY_UNREACHABLE',
  // relay-answer.ts: an answer that does not fit its schema (another version, a proxy's page)
  RELAY_BAD_ANSWER: 'RELAY_NOT_UNDERSTOOD',
  RESYNC_REQUIRED: 'RELAY_RESYNC',
  RESYNC_FAILED: 'RELAY_RESYNC',
  // relay-enrollment.ts (enrolling needs the branch's Cal.com sign-in)
  NOT_CONNECTED: 'NOT_CONNECTED',
  CALCOM_AUTH: 'CALCOM_SIGN_IN',
  // inbound/sync-engine.ts: a desk state entry it could not read
  DESK_EVENT_UNREADABLE: 'DESK_EVENT_UNREADABLE',
  // outbound/desk-event-sender.ts
  DESK_EVENT_REFUSED: 'DESK_EVENT_REFUSED',
  // inbound/sync-engine.ts (a resync through a relay without GET /v1/desk-state)
  DESK_STATE_UNAVAILABLE: 'DESK_STATE_UNAVAILABLE',
}

/** What the desk records about Cal.com and its news (every source but the relay). */
const CALCOM_CODES: Record<string, SyncProblem> = {
  // reconcile.ts
  NOT_CONNECTED: 'NOT_CONNECTED',
  CALCOM_AUTH: 'CALCOM_SIGN_IN',
  // calcom-errors.ts
  UNAUTHORIZED: 'CALCOM_SIGN_IN',
  INVALID_GRANT: 'CALCOM_SIGN_IN',
  NETWORK: 'CALCOM_UNREACHABLE',
  TIMEOUT: 'CALCOM_UNREACHABLE',
  SERVER_ERROR: 'CALCOM_BUSY',
  RATE_LIMITED: 'CALCOM_BUSY',
  REJECTED: 'CALCOM_REFUSED',
  NOT_FOUND: 'CALCOM_REFUSED',
  UNEXPECTED_RESPONSE: 'CALCOM_REFUSED',
  // booking-mapping.ts notices, reconcile's unknown statuses
  UNKNOWN_TRIGGER: 'UNKNOWN_CALCOM_NEWS',
  UNKNOWN_STATUS: 'UNKNOWN_CALCOM_NEWS',
  MALFORMED_EVENT: 'UNKNOWN_CALCOM_NEWS',
  // inbound/apply-event.ts: a desk event from the relay it could not read
  DESK_EVENT_UNREADABLE: 'DESK_EVENT_UNREADABLE',
  // connect/reference-refresh.ts
  REFERENCE_ACCOUNT_MISMATCH: 'REFERENCE_ACCOUNT_MISMATCH',
  REFERENCE_NOT_APPLIED: 'REFERENCE_NOT_APPLIED',
  // webhook-watch.ts
  WEBHOOK_REENABLED: 'WEBHOOK_REENABLED',
  WEBHOOK_DISABLED: 'WEBHOOK_OFF',
  WEBHOOK_MISSING: 'WEBHOOK_GONE',
}

/**
 * The problem behind a recorded error. The relay answers with codes of its own (`NOT_FOUND`,
 * `RATE_LIMITED`, `HTTP_…`), some spelled like Cal.com's: from the relay, any code the desk has
 * no name for is the relay refusing, never Cal.com.
 */
export function syncProblemOf(source: string, code: string): SyncProblem {
  if (source === 'relay') return RELAY_CODES[code] ?? 'RELAY_REFUSED'
  return CALCOM_CODES[code] ?? 'OTHER'
}
