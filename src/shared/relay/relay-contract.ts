// Wire types of the relay routes desks call (DESIGN.md §4.1). The relay and the desk's relay client
// both import them from here, so this file holds types only: no runtime code, no Node imports.
import type { CancellationPolicy } from '../cancellation/late-cancellation.js'
import type { Role } from '../people/roles.js'
import type {
  DeskReportKind,
  MessageKind,
  NotificationChannel,
  WebhookFinding,
} from '../notifications/kinds.js'
import type { NotificationRules } from '../notifications/rules.js'
import type { RulesChange } from '../notifications/rules-diff.js'

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
  | 'NO_BUSINESS'
  | 'BUSINESS_EXISTS'
  | 'JOIN_CODE_INVALID'
  | 'PIN_REFUSED'
  | 'PIN_LOCKED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'PROPOSAL_SUPERSEDED'
  | 'PROPOSAL_DECIDED'

/**
 * `GET /v1/stream` (SSE): each event is sent as `id: <seq>`, `event: delivery`,
 * `data: <JSON of RelayEvent>`; a `: heartbeat` comment every 15 s; `event: resync` with a
 * RelayError as data when the cursor is older than retention (the stream then ends).
 * Resume with the `Last-Event-ID` header (or `?after=`).
 */
export type StreamEventName = 'delivery' | 'resync'

// ——— The business and its people (DESIGN.md §7). Every route below takes the Bearer device
// token; the business is always the one the device's channel belongs to, whatever ids are sent.

/**
 * A business change, written to the channel log of every branch of the business. Its
 * `RelayEvent.contentType` is `application/vnd.frontdesk.business+json` and its body this JSON;
 * a desk reads `GET /v1/business` for the new state (the event carries no people).
 */
export interface BusinessChangedEvent {
  triggerEvent: 'FRONTDESK_BUSINESS_CHANGED'
  /** ISO 8601, UTC. */
  createdAt: string
  payload: { businessId: string; version: number }
}

/**
 * The person acting on a sensitive route (people, join codes), proven by their PIN, which the
 * relay checks itself: 5 wrong in a row lock that person for 5 minutes (`PIN_LOCKED`, 423).
 */
export interface Actor {
  personId: string
  pin: string
}

/** Name 1–100 visible characters; email; language a BCP 47 tag (`en`, `es-MX`); PIN 4–12 digits. */
export interface NewPerson {
  name: string
  email: string
  language: string
  pin: string
}

/** `POST /v1/business`: the enrolled desk's channel becomes the business's first branch. */
export interface CreateBusinessRequest {
  name: string
  owner: NewPerson
}

export interface PersonSnapshot {
  id: string
  name: string
  email: string
  language: string
  role: Role
  /** Channel ids of the branches an admin or receptionist works at (empty for owners). */
  branches: string[]
  /** argon2id PHC string, for signing in offline at a desk. */
  pinHash: string
  active: boolean
}

/** `GET /v1/business` 200 (and the answer of create and join). 404 `NO_BUSINESS` when none. */
export interface BusinessSnapshot {
  businessId: string
  name: string
  /** Goes up by one with every change; a desk's copy is current when it matches. */
  version: number
  /** In the order they joined; `name` is what the business calls the branch (null until named, absent from relays before names). */
  branches: { channelId: string; name?: string | null }[]
  people: PersonSnapshot[]
  /** The cancellation policy of each service that has one (absent from relays before them). */
  cancellationPolicies?: CancellationPolicy[]
}

/**
 * `PUT /v1/business/cancellation-policies/:branchId/:eventTypeId`: an owner (any branch) or an
 * admin (their branches) sets one service's policy; it applies at once as a new business version,
 * audited and announced to every branch. 200 `CancellationPolicyResponse`.
 */
export interface SetCancellationPolicyRequest {
  actor: Actor
  /** 0–720. */
  windowHours: number
  /** 1–2000 characters, something visible. */
  text: string
}
/** `DELETE /v1/business/cancellation-policies/:branchId/:eventTypeId` (same people): the service has none. */
export interface RemoveCancellationPolicyRequest {
  actor: Actor
}
export interface CancellationPolicyResponse {
  /** The policy now in force; null after a removal. */
  policy: CancellationPolicy | null
  /** The business version that holds it. */
  version: number
}

/**
 * `PUT /v1/business/branches/:channelId`: an owner (any branch) or an admin (their branches) names
 * one branch of the business, as messages and screens call it; a new business version, audited
 * and announced to every branch. 200 `RenameBranchResponse`.
 */
export interface RenameBranchRequest {
  actor: Actor
  /** 1–100 characters, something visible. */
  name: string
}
export interface RenameBranchResponse {
  channelId: string
  name: string
  /** The business version that holds it. */
  version: number
}

/** `POST /v1/business` 201 response. */
export interface CreateBusinessResponse extends BusinessSnapshot {
  ownerId: string
}

/** `POST /v1/business/join-codes` (owner only) request and 201 response. */
export interface JoinCodeRequest {
  actor: Actor
}
export interface JoinCodeResponse {
  /** 16 characters of Crockford base32 (80 bits) in groups of four; single use. */
  code: string
  /** ISO 8601: 24 h after it was made. */
  expiresAt: string
}

/** `POST /v1/business/join`: the enrolled desk's channel joins the code's business. 200: snapshot. */
export interface JoinBusinessRequest {
  code: string
}

/** `POST /v1/business/people` request; 201 `PersonChangeResponse`. */
export interface AddPersonRequest {
  actor: Actor
  person: NewPerson & { role: Role; branches: string[] }
}

/** `PATCH /v1/business/people/:personId` request; 200 `PersonChangeResponse`. */
export interface UpdatePersonRequest {
  actor: Actor
  changes: Partial<NewPerson & { role: Role; branches: string[]; active: boolean }>
}

export interface PersonChangeResponse {
  person: Omit<PersonSnapshot, 'pinHash'>
  version: number
}

// ——— Notifications and the owner's approval (DESIGN.md §8).

/** `GET /v1/business/notification-rules` 200. Version 0 means the defaults were never changed. */
export interface NotificationRulesResponse {
  version: number
  rules: NotificationRules
  /** False when the relay has no SMTP server configured: email notifications are off. */
  email: { enabled: boolean }
  pendingProposals: number
}

/**
 * `PUT /v1/business/notification-rules`. An owner's change applies at once (200
 * `RulesAppliedResponse`); an admin's becomes a proposal for the owner (202 `RulesProposal`);
 * a receptionist gets 403 `FORBIDDEN`. `baseVersion` must be the current version (409 `CONFLICT`).
 */
export interface PutNotificationRulesRequest {
  actor: Actor
  baseVersion: number
  rules: NotificationRules
  /** Why (shown to the owner with a proposal), up to 500 characters. */
  reason?: string
}
export interface RulesAppliedResponse {
  applied: true
  version: number
}

export type ProposalState = 'pending' | 'approved' | 'rejected' | 'superseded'

export interface RulesProposal {
  applied: false
  id: string
  baseVersion: number
  rules: NotificationRules
  /** What it changes against its base version (describeChange renders a line). */
  changes: RulesChange[]
  proposedBy: string
  deviceId: string
  reason: string
  /** ISO 8601. */
  createdAt: string
  state: ProposalState
  decidedBy: string | null
  decidedAt: string | null
}

/** `GET /v1/business/notification-rules/proposals` 200: newest first. */
export interface ProposalsResponse {
  proposals: RulesProposal[]
}

/**
 * `POST …/proposals/:id/approve` and `…/reject` (owner, with the PIN). Approval applies only if
 * the base version is still current: otherwise 409 `PROPOSAL_SUPERSEDED` (and the proposal is
 * marked so); a decided proposal answers 409 `PROPOSAL_DECIDED`.
 */
export interface DecideProposalRequest {
  actor: Actor
}
export interface DecideProposalResponse {
  state: ProposalState
  /** The rules' version after the decision. */
  version: number
}

/** `POST /v1/reports` (Bearer device token): a desk-side problem for the notification rules. */
export interface DeskReportRequest {
  /** The desk's own idempotency key: the same key twice is one report. */
  key: string
  kind: DeskReportKind
  /** One sentence for the owner (the action refused, the branch to reconnect). */
  summary: string
  bookingUid?: string
  /**
   * `webhook_disabled` only (required there): what the desk found, and whether it turned the
   * webhook back on itself (it can re-activate one Cal.com turned off, not re-create one deleted:
   * only the relay knows the secret).
   */
  webhook?: { finding: WebhookFinding; reenabled: boolean }
}
export interface DeskReportResponse {
  ok: true
  duplicate: boolean
}

/**
 * `PUT /v1/branch-hours` (Bearer device token): when the desk's branch closes on the coming days,
 * from its Cal.com schedules, on the branch's wall clock. The relay sends the branch's
 * summary.daily after each day's closing; a day listed as closed (`closesAtMinute: null`) has
 * none (its changes are in the next open day's summary).
 */
export interface BranchHoursRequest {
  /** The branch's IANA time zone. */
  zone: string
  /** 1–31 distinct days, `YYYY-MM-DD` in `zone`. */
  days: BranchClosing[]
}
export interface BranchClosing {
  date: string
  /**
   * When the branch's last schedule ends, as a wall-clock time in minutes (20:00 is 1200, also
   * on the days the clocks change; 1440: midnight at the day's end); null: closed that day.
   */
  closesAtMinute: number | null
}
export interface BranchHoursResponse {
  ok: true
}

/** `PUT /v1/notifications/desktop`: "notify me on this computer" for the actor, on this device. */
export interface DesktopSubscriptionRequest {
  actor: Actor
  enabled: boolean
}
export interface DesktopSubscriptionResponse {
  personId: string
  enabled: boolean
}

/** One desktop notification (coalesced ones carry their count; a digest lists what it holds). */
export interface DesktopNotification {
  /** The cursor: ask for `after` the last one seen. */
  seq: number
  personId: string
  kind: MessageKind
  branchId: string | null
  title: string
  body: string
  /** The appointment to open on click, when there is one. */
  bookingUid: string | null
  /** How many events this one stands for (a burst or a digest). */
  count: number
  /** ISO 8601. */
  createdAt: string
}

/**
 * `GET /v1/notifications?after=SEQ&limit=N&wait=S`: for the people who turned it on at this
 * device. `wait` (0–25 s) holds the request until one arrives, like `/v1/events`.
 */
export interface NotificationsResponse {
  notifications: DesktopNotification[]
  nextAfter: number
}

/**
 * `sending`: an email handed to the mail server, its answer not yet recorded. `uncertain`: the
 * relay stopped during that hand-over, so whether it arrived is unknown; it is never sent twice.
 */
export type NotificationStatus =
  'pending' | 'held' | 'sending' | 'sent' | 'coalesced' | 'suppressed' | 'failed' | 'uncertain'

/** One row of `GET /v1/business/notifications/history`: what happened to each notification and why. */
export interface NotificationHistoryEntry {
  id: string
  kind: MessageKind
  personId: string
  channel: NotificationChannel
  branchId: string | null
  status: NotificationStatus
  /** Why it was coalesced, suppressed, held or failed (`calcom_emails`, `quiet_hours`, an SMTP reply). */
  reason: string | null
  attempts: number
  title: string
  /** ISO 8601. */
  createdAt: string
  sentAt: string | null
}
export interface NotificationHistoryResponse {
  entries: NotificationHistoryEntry[]
}
