// The relay's answers about notifications and the owner's approval (DESIGN.md §8), as the desk
// checks them. The rules document is the schema the relay checks a PUT with, but for the kinds a
// newer relay added; extra fields are allowed elsewhere (a newer relay may add some).
//
// Kinds are added over time (kinds.ts), and a relay is upgraded before its desks: what a desk
// does not know of must not make a whole answer unreadable. A desktop notification of a kind it
// does not know is skipped (the poll moves past it); a rule of one is kept aside as it came and
// sent back unchanged (notify/newer-kinds.ts); a history entry of one is listed by its name.
// Everything of a known kind is checked as strictly as before.
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type MessageKind as MessageKindName,
} from '../notifications/kinds.js'
import type { NotificationRules } from '../notifications/rules.js'
import { KindRuleSchema, NotificationRulesSchema } from '../notifications/rules-schema.js'
import { Count, Id, Instant, Nullable, PersonRef, Seq, oneOf, type Agrees } from './answer-parts.js'
import type {
  BranchHoursResponse,
  DecideProposalResponse,
  DeskReportResponse,
  DesktopNotification,
  DesktopSubscriptionResponse,
  NotificationHistoryEntry,
  NotificationHistoryResponse,
  NotificationRulesResponse,
  NotificationsResponse,
  ProposalsResponse,
  RulesAppliedResponse,
  RulesProposal,
} from './relay-contract.js'

/** Every kind this desk can show a notification of. */
export const MESSAGE_KINDS = [...NOTIFICATION_KINDS, 'rules.proposal'] as const

const knownKindRules: Record<string, TSchema> = {}
for (const kind of NOTIFICATION_KINDS) knownKindRules[kind] = KindRuleSchema

/**
 * The rules document as a relay of this version or a newer one sends it: every kind this desk
 * knows, checked as the relay checks a PUT, and besides them rules of kinds a newer relay added,
 * taken as they come (objects, never read here). Typed as the document this desk knows; the desk
 * splits the newer kinds off before anything else sees it (notify/newer-kinds.ts).
 */
const Rules = Type.Unsafe<NotificationRules>(
  Type.Object(
    {
      ...NotificationRulesSchema.properties,
      kinds: Type.Object(knownKindRules, { additionalProperties: Type.Object({}) }),
    },
    { additionalProperties: false },
  ),
)
const ProposalState = oneOf(['pending', 'approved', 'rejected', 'superseded'] as const)
const MessageKind = oneOf(MESSAGE_KINDS)
/**
 * A kind in the owner's history: one this desk knows, or a newer relay's, which the history
 * lists by its name. Typed as the kinds this desk knows; the history only passes it on as text.
 */
const HistoryKind = Type.Unsafe<MessageKindName>(Type.String({ minLength: 1 }))
const Channel = oneOf(NOTIFICATION_CHANNELS)
const NotificationStatus = oneOf([
  'pending',
  'held',
  'sending',
  'sent',
  'coalesced',
  'suppressed',
  'failed',
  'uncertain',
] as const)

/** `GET /v1/business/notification-rules` 200. */
export const NotificationRulesResponseSchema = Type.Object({
  version: Count,
  rules: Rules,
  email: Type.Object({ enabled: Type.Boolean() }),
  pendingProposals: Count,
})

/** `PUT /v1/business/notification-rules` 200: an owner's change, applied. */
export const RulesAppliedResponseSchema = Type.Object({
  applied: Type.Literal(true),
  version: Count,
})

/** `PUT /v1/business/notification-rules` 202: an admin's change, a proposal. */
export const RulesProposalSchema = Type.Object({
  applied: Type.Literal(false),
  id: Id,
  baseVersion: Count,
  rules: Rules,
  changes: Type.Array(
    Type.Object({ path: Type.String(), before: Type.Unknown(), after: Type.Unknown() }),
  ),
  proposedBy: PersonRef,
  deviceId: Type.String(),
  reason: Type.String(),
  createdAt: Instant,
  state: ProposalState,
  decidedBy: Nullable(PersonRef),
  decidedAt: Nullable(Instant),
})

/** `GET /v1/business/notification-rules/proposals` 200. */
export const ProposalsResponseSchema = Type.Object({ proposals: Type.Array(RulesProposalSchema) })

/** `POST …/proposals/:id/approve` and `…/reject` 200. */
export const DecideProposalResponseSchema = Type.Object({ state: ProposalState, version: Count })

export const NotificationHistoryEntrySchema = Type.Object({
  id: Id,
  kind: HistoryKind,
  personId: PersonRef,
  channel: Channel,
  branchId: Nullable(Type.String()),
  status: NotificationStatus,
  reason: Nullable(Type.String()),
  attempts: Count,
  title: Type.String(),
  createdAt: Instant,
  sentAt: Nullable(Instant),
})

/** `GET /v1/business/notifications/history` 200. */
export const NotificationHistoryResponseSchema = Type.Object({
  entries: Type.Array(NotificationHistoryEntrySchema),
})

/** `PUT /v1/notifications/desktop` 200. */
export const DesktopSubscriptionResponseSchema = Type.Object({
  personId: Id,
  enabled: Type.Boolean(),
})

export const DesktopNotificationSchema = Type.Object({
  seq: Seq,
  personId: PersonRef,
  kind: MessageKind,
  branchId: Nullable(Type.String()),
  title: Type.String(),
  body: Type.String(),
  bookingUid: Nullable(Type.String()),
  count: Type.Integer({ minimum: 1 }),
  createdAt: Instant,
})

/** `GET /v1/notifications` 200, every notification of a kind this desk knows. */
export const NotificationsResponseSchema = Type.Object({
  notifications: Type.Array(DesktopNotificationSchema),
  nextAfter: Count,
})

/**
 * `GET /v1/notifications` 200 as the desk's poll checks it: the envelope and the cursor strictly,
 * each notification of a kind this desk knows strictly, and one of a kind it does not know only
 * as an object naming its kind, so a newer relay's kinds are skipped and the poll moves past
 * them (notify/newer-kinds.ts).
 */
export interface DesktopPollAnswer {
  /** A newer relay's kinds are `{ kind }` here, whatever else they hold. */
  notifications: Array<DesktopNotification | { kind: string }>
  nextAfter: number
}

export const DesktopPollAnswerSchema = Type.Unsafe<DesktopPollAnswer>(
  Type.Object({
    notifications: Type.Array(
      Type.Unsafe({
        if: Type.Object({ kind: MessageKind }),
        then: DesktopNotificationSchema,
        else: Type.Object({ kind: Type.String({ minLength: 1 }) }),
      }),
    ),
    nextAfter: Count,
  }),
)

/** `POST /v1/reports` 202: taken, or the same key was taken before. */
export const DeskReportResponseSchema = Type.Object({
  ok: Type.Literal(true),
  duplicate: Type.Boolean(),
})

/** `PUT /v1/branch-hours` 200. */
export const BranchHoursResponseSchema = Type.Object({ ok: Type.Literal(true) })

export const notificationAnswersAgree: [
  Agrees<Static<typeof NotificationRulesResponseSchema>, NotificationRulesResponse>,
  Agrees<Static<typeof RulesAppliedResponseSchema>, RulesAppliedResponse>,
  Agrees<Static<typeof RulesProposalSchema>, RulesProposal>,
  Agrees<Static<typeof ProposalsResponseSchema>, ProposalsResponse>,
  Agrees<Static<typeof DecideProposalResponseSchema>, DecideProposalResponse>,
  Agrees<Static<typeof NotificationHistoryEntrySchema>, NotificationHistoryEntry>,
  Agrees<Static<typeof NotificationHistoryResponseSchema>, NotificationHistoryResponse>,
  Agrees<Static<typeof DesktopSubscriptionResponseSchema>, DesktopSubscriptionResponse>,
  Agrees<Static<typeof DesktopNotificationSchema>, DesktopNotification>,
  Agrees<Static<typeof NotificationsResponseSchema>, NotificationsResponse>,
  Agrees<Static<typeof DeskReportResponseSchema>, DeskReportResponse>,
  Agrees<Static<typeof BranchHoursResponseSchema>, BranchHoursResponse>,
] = [true, true, true, true, true, true, true, true, true, true, true, true]
