// The notification rules of a business (DESIGN.md §8): one versioned document, read by the relay
// when it dispatches and by the desk's settings screens. Types and defaults only.
import type { CancellationPolicy } from '../cancellation/late-cancellation.js'
import type { NotificationChannel, NotificationKind, NotifiedRole } from './kinds.js'

export type { CancellationPolicy }

export interface KindRule {
  enabled: boolean
  /** Everyone of these roles (admins only for their own branches), plus these people by id. */
  recipients: { roles: NotifiedRole[]; people: string[] }
  channels: NotificationChannel[]
  /** `all`, or the channel ids of the branches whose events count. */
  branches: 'all' | string[]
  /** Cal.com already emails the organizer about this kind: no email from us, desktop only. */
  calcomEmails: boolean
  /** Held during the business's quiet hours and sent in the morning digest. */
  quietHours: boolean
  /** Events of this kind within this many minutes become one message (0: each on its own). */
  coalesceMinutes: number
}

/** Local times `HH:MM` in each branch's zone; `start` after `end` spans midnight. */
export interface QuietHours {
  start: string
  end: string
}

export interface NotificationRules {
  kinds: Record<NotificationKind, KindRule>
  quietHours: QuietHours | null
  /**
   * The business's cancellation policies, as set with `PUT /v1/business/cancellation-policies/…`
   * (they live with the business, so every desk's copy has them). Read-only here: a rules change
   * may leave it out, and one that sends it must send it unchanged.
   */
  cancellationPolicies: CancellationPolicy[]
  /** How messages name each branch (channel id → name); unnamed ones read "Branch 1", "Branch 2". */
  branchNames: Record<string, string>
}

const rule = (channels: NotificationChannel[], more: Partial<KindRule> = {}): KindRule => ({
  enabled: true,
  recipients: { roles: ['owner'], people: [] },
  channels,
  branches: 'all',
  calcomEmails: false,
  quietHours: true,
  coalesceMinutes: 0,
  ...more,
})

const BOTH: NotificationChannel[] = ['desktop', 'email']
const DESKTOP: NotificationChannel[] = ['desktop']

/**
 * §8's defaults: the owner hears of requests, late cancellations, no-shows, desk problems and the
 * daily summary by email and desktop; of plain bookings, reschedules and cancellations on desktop
 * only, since Cal.com already emails those (their email is on but suppressed, so the history says
 * why, and turning "Cal.com already emails this" off sends it). Booking kinds coalesce over 5 minutes.
 */
export function defaultRules(): NotificationRules {
  const burst = { coalesceMinutes: 5 }
  const kinds: Record<NotificationKind, KindRule> = {
    'booking.created': rule(BOTH, { calcomEmails: true, ...burst }),
    'booking.requested': rule(BOTH, burst),
    'booking.rescheduled': rule(BOTH, { calcomEmails: true, ...burst }),
    'booking.cancelled': rule(BOTH, { calcomEmails: true, ...burst }),
    'booking.late_cancellation': rule(BOTH, burst),
    'booking.no_show': rule(BOTH, burst),
    'booking.paid': rule(DESKTOP, { enabled: false, ...burst }),
    'booking.rejected': rule(DESKTOP, { enabled: false, ...burst }),
    'desk.needs_attention': rule(BOTH, { coalesceMinutes: 10 }),
    'desk.reconnect_needed': rule(BOTH, { coalesceMinutes: 10 }),
    'relay.delivery_problem': rule(BOTH, { coalesceMinutes: 30 }),
    'summary.daily': rule(BOTH, { quietHours: false }),
  }
  return {
    kinds,
    quietHours: { start: '21:00', end: '08:00' },
    cancellationPolicies: [],
    branchNames: {},
  }
}
