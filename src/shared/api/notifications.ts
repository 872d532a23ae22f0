// The local API's notification routes (DESIGN.md §8): the business's rules and the owner's
// approval of an admin's proposal, the owner's history, "notify me on this computer", and the
// desktop notifications this desk has to show. Carried to the relay with the signed-in person's
// PIN where the relay wants one; the desk adds names, the relay only knows ids.
import { Type, type Static } from '@sinclair/typebox'
import { NotificationRulesSchema } from '../notifications/rules-schema'
import type { NotificationRules } from '../notifications/rules'

const literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] })

/** The relay's rules schema, typed as the document it describes. */
const Rules = Type.Unsafe<NotificationRules>(NotificationRulesSchema)

const ActorPin = Type.String({
  pattern: '^[0-9]{4,12}$',
  description: 'The signed-in person’s own PIN: the relay checks it',
})

/** Someone the rules may notify: an active owner or admin of the business. */
export const NotifiablePerson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: literals(['owner', 'admin'] as const),
  /** Channel ids of the branches an admin works at (empty for owners). */
  branches: Type.Array(Type.String()),
})
export type NotifiablePerson = Static<typeof NotifiablePerson>

/** `GET /api/notifications/rules`: the current document, with who can be named in it. */
export const RulesView = Type.Object({
  /** 0 while the business keeps §8's defaults. */
  version: Type.Integer(),
  rules: Rules,
  /** False when the relay has no SMTP server: email notifications are off. */
  emailEnabled: Type.Boolean(),
  pendingProposals: Type.Integer(),
  people: Type.Array(NotifiablePerson),
  /** The business's branches (relay channel ids), this desk's first. */
  branches: Type.Array(Type.String()),
  newerKinds: Type.Array(Type.String(), {
    description:
      'Kinds a newer relay has rules for that this desk does not know: not in `rules`, kept as they are when the rules change',
  }),
})
export type RulesView = Static<typeof RulesView>

export const PutRulesBody = Type.Object(
  {
    pin: ActorPin,
    baseVersion: Type.Integer({ minimum: 0, description: 'The version the change was made on' }),
    rules: Rules,
    reason: Type.Optional(
      Type.String({ maxLength: 500, description: 'Why, shown to the owner with a proposal' }),
    ),
  },
  { additionalProperties: false },
)
export type PutRulesBody = Static<typeof PutRulesBody>

/** An owner's change applied (`applied: true`), or an admin's proposal waiting for the owner. */
export const PutRulesResult = Type.Object({
  applied: Type.Boolean(),
  version: Type.Integer({ description: 'The rules’ version now (unchanged by a proposal)' }),
  proposalId: Type.Union([Type.String(), Type.Null()]),
})
export type PutRulesResult = Static<typeof PutRulesResult>

export const RulesChangeView = Type.Object({
  path: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
})

export const ProposalView = Type.Object({
  id: Type.String(),
  baseVersion: Type.Integer(),
  rules: Rules,
  changes: Type.Array(RulesChangeView),
  proposedBy: Type.Object({ id: Type.String(), name: Type.String() }),
  reason: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  state: literals(['pending', 'approved', 'rejected', 'superseded'] as const),
  decidedBy: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})
export type ProposalView = Static<typeof ProposalView>

export const ProposalList = Type.Object({ proposals: Type.Array(ProposalView) })
export type ProposalList = Static<typeof ProposalList>

export const ProposalParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) })

export const DecideBody = Type.Object({ pin: ActorPin }, { additionalProperties: false })
export type DecideBody = Static<typeof DecideBody>

export const DecideResult = Type.Object({
  state: literals(['pending', 'approved', 'rejected', 'superseded'] as const),
  version: Type.Integer(),
})
export type DecideResult = Static<typeof DecideResult>

export const HISTORY_STATUSES = [
  'pending',
  'held',
  'sending',
  'sent',
  'coalesced',
  'suppressed',
  'failed',
  'uncertain',
] as const

export const HistoryEntryView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  person: Type.Object({ id: Type.String(), name: Type.String() }),
  channel: literals(['desktop', 'email'] as const),
  status: literals(HISTORY_STATUSES),
  /** `calcom_emails`, `email_off`, `quiet_hours`, or the mail server's words when it failed. */
  reason: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Integer(),
  title: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})
export type HistoryEntryView = Static<typeof HistoryEntryView>

export const HistoryList = Type.Object({ entries: Type.Array(HistoryEntryView) })
export type HistoryList = Static<typeof HistoryList>

/** `GET/PUT /api/notifications/desktop`: "notify me on this computer" for the signed-in person. */
export const DesktopOptIn = Type.Object({
  enabled: Type.Boolean(),
  /** The Electron app shows OS notifications itself; a browser desk asks the browser. */
  shownBy: literals(['app', 'browser'] as const),
})
export type DesktopOptIn = Static<typeof DesktopOptIn>

export const DesktopOptInBody = Type.Object(
  { pin: ActorPin, enabled: Type.Boolean() },
  { additionalProperties: false },
)
export type DesktopOptInBody = Static<typeof DesktopOptInBody>

export const DesktopNotificationView = Type.Object({
  /** The relay's sequence number: one notification, shown once at this desk. */
  id: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  /** The desk address a click opens (`/appointment/UID`), when it is about one appointment. */
  href: Type.Union([Type.String(), Type.Null()]),
  count: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
})
export type DesktopNotificationView = Static<typeof DesktopNotificationView>

/** `GET /api/notifications/desktop/pending`: what this desk has still to show. */
export const PendingDesktop = Type.Object({
  /** True when the Electron app shows them: the page then shows none itself. */
  shownByApp: Type.Boolean(),
  notifications: Type.Array(DesktopNotificationView),
})
export type PendingDesktop = Static<typeof PendingDesktop>

export const ShownParams = Type.Object({ id: Type.Integer({ minimum: 1 }) })
/** `POST /api/notifications/desktop/:id/shown`: only the first caller shows it. */
export const ShownResult = Type.Object({ first: Type.Boolean() })
export type ShownResult = Static<typeof ShownResult>

/** `GET/PUT /api/settings/computer`: how the app behaves on this computer. */
export const ComputerSettings = Type.Object(
  {
    startAtLogin: Type.Boolean({ description: 'Start Frontdesk when someone logs in (the app)' }),
  },
  { additionalProperties: false },
)
export type ComputerSettings = Static<typeof ComputerSettings>

export const ComputerSettingsView = Type.Object({
  startAtLogin: Type.Boolean(),
  /** False on the headless desk: there is no app to start. */
  appManaged: Type.Boolean(),
})
export type ComputerSettingsView = Static<typeof ComputerSettingsView>
