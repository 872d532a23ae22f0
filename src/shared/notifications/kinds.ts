// The notification kinds (DESIGN.md §8). Stable names: rules, stored notifications and the desk's
// screens all key on them, so a kind is added here and never renamed.

export const NOTIFICATION_KINDS = [
  'booking.created',
  'booking.requested',
  'booking.rescheduled',
  'booking.cancelled',
  'booking.late_cancellation',
  'booking.no_show',
  'booking.paid',
  'booking.rejected',
  'desk.needs_attention',
  'desk.reconnect_needed',
  'relay.delivery_problem',
  'summary.daily',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/**
 * What a notification can be about: a kind the rules govern, or a proposed change of the rules,
 * which always goes to the owners (by email and desktop), whatever the rules say.
 */
export type MessageKind = NotificationKind | 'rules.proposal'

/**
 * The problems a desk reports itself (`POST /v1/reports`); the others come from Cal.com or the
 * relay. `webhook_disabled`: the desk found the branch's Cal.com webhook to the relay turned off
 * or gone (the relay holds no Cal.com credential, so only a desk can look); the relay tells the
 * owners of it as a `relay.delivery_problem`, once per branch and day.
 */
export const DESK_REPORT_KINDS = [
  'desk.needs_attention',
  'desk.reconnect_needed',
  'webhook_disabled',
] as const
export type DeskReportKind = (typeof DESK_REPORT_KINDS)[number]

/**
 * What a desk found of the branch's Cal.com webhook: `inactive` (Cal.com turned it off, as it
 * does after failed deliveries) or `missing` (deleted in Cal.com).
 */
export const WEBHOOK_FINDINGS = ['inactive', 'missing'] as const
export type WebhookFinding = (typeof WEBHOOK_FINDINGS)[number]

export const NOTIFICATION_CHANNELS = ['desktop', 'email'] as const
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number]

/** Only owners and admins are notified; receptionists work from the screen. */
export const NOTIFIED_ROLES = ['owner', 'admin'] as const
export type NotifiedRole = (typeof NOTIFIED_ROLES)[number]

export const isNotificationKind = (value: unknown): value is NotificationKind =>
  typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value)
