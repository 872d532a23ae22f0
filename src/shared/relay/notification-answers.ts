// The relay's answers about notifications and the owner's approval (DESIGN.md §8), as the desk
// checks them. The rules document is the schema the relay checks a PUT with; extra fields are
// allowed elsewhere (a newer relay may add some).
import { Type, type Static } from '@sinclair/typebox'
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from '../notifications/kinds.js'
import type { NotificationRules } from '../notifications/rules.js'
import { NotificationRulesSchema } from '../notifications/rules-schema.js'
import { Count, Id, Instant, Seq, oneOf, type Agrees } from './answer-parts.js'
import type {
  DecideProposalResponse,
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

const Rules = Type.Unsafe<NotificationRules>(NotificationRulesSchema)
const ProposalState = oneOf(['pending', 'approved', 'rejected', 'superseded'] as const)
const MessageKind = oneOf([...NOTIFICATION_KINDS, 'rules.proposal'] as const)
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
  proposedBy: Type.String(),
  deviceId: Type.String(),
  reason: Type.String(),
  createdAt: Instant,
  state: ProposalState,
  decidedBy: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Instant, Type.Null()]),
})

/** `GET /v1/business/notification-rules/proposals` 200. */
export const ProposalsResponseSchema = Type.Object({ proposals: Type.Array(RulesProposalSchema) })

/** `POST …/proposals/:id/approve` and `…/reject` 200. */
export const DecideProposalResponseSchema = Type.Object({ state: ProposalState, version: Count })

export const NotificationHistoryEntrySchema = Type.Object({
  id: Id,
  kind: MessageKind,
  personId: Type.String(),
  channel: Channel,
  branchId: Type.Union([Type.String(), Type.Null()]),
  status: NotificationStatus,
  reason: Type.Union([Type.String(), Type.Null()]),
  attempts: Count,
  title: Type.String(),
  createdAt: Instant,
  sentAt: Type.Union([Instant, Type.Null()]),
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
  personId: Type.String(),
  kind: MessageKind,
  branchId: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  body: Type.String(),
  bookingUid: Type.Union([Type.String(), Type.Null()]),
  count: Type.Integer({ minimum: 1 }),
  createdAt: Instant,
})

/** `GET /v1/notifications` 200. */
export const NotificationsResponseSchema = Type.Object({
  notifications: Type.Array(DesktopNotificationSchema),
  nextAfter: Count,
})

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
] = [true, true, true, true, true, true, true, true, true, true]
