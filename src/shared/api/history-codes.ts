// What happened to an appointment, as a code and its parameters: the desk stores these, never
// sentences, and the renderer says them in the reader's language.
import type { OutboxReason } from './outbox-reasons'

export interface HistoryParams {
  /** Cal.com created the booking (or the desk first saw it). */
  created: { status?: string; start?: string | number; end?: string | number }
  updated: { status?: string; start?: string | number; end?: string | number }
  /** Cal.com changed a booking the desk had; every part is optional, at least one is set. */
  calcom_changed: {
    status?: string
    start?: string
    end?: string
    statusFrom?: string
    statusTo?: string
    moved?: boolean
    paid?: boolean
    rescheduledTo?: string
    fields?: string[]
    /** A cancellation inside the service's cancellation window (`windowHours`). */
    late?: boolean
    windowHours?: number
  }
  guest_no_show_updated: { attendees?: unknown }
  booked_at_desk: { walkIn?: boolean }
  visit_changed: { state: 'NONE' | 'ARRIVED' | 'IN_SERVICE' | 'DONE' }
  desk_notes_changed: Record<string, never>
  rescheduled_at_desk: { op?: string }
  /** `late`: inside the service's cancellation window (`windowHours`) when cancelled. */
  cancelled_at_desk: { op?: string; late?: boolean; windowHours?: number }
  confirmed_at_desk: { op?: string }
  declined_at_desk: { op?: string }
  no_show_marked_at_desk: { op?: string }
  no_show_unmarked_at_desk: { op?: string }
  needs_attention: { op?: string; reason?: OutboxReason }
  booked_in_calcom: { status?: string; updatedAt?: string }
  found_in_calcom: { status?: string; updatedAt?: string }
  rescheduled_in_calcom: { status?: string; updatedAt?: string; to?: string }
  /** The new booking a reschedule made, pointing back at the one it replaced. */
  rescheduled_here_from: { from: string }
  /** Cal.com took the desk's change (`op`) and answered with its state. */
  synced_in_calcom: { op: string; status?: string; updatedAt?: string }
  retry_asked_at_desk: { status?: string; updatedAt?: string }
  booking_discarded_at_desk: { outboxId?: number }
  change_discarded_at_desk: { op: string; outboxId?: number; kept?: string }
  /** A refused new booking or reschedule (`op`) sent again for another time, chosen at the desk. */
  another_time_at_desk: { op: string; outboxId?: number }
  /** A history line stored before history was codes, kept as it was written. */
  unrecognised: { text: string; detail?: unknown }
}

export type HistoryCode = keyof HistoryParams

/** One history entry as stored: a code and the parameters that code takes. */
export type HistoryChange = {
  [C in HistoryCode]: { code: C; params: HistoryParams[C] }
}[HistoryCode]

export const HISTORY_CODES = [
  'created',
  'updated',
  'calcom_changed',
  'guest_no_show_updated',
  'booked_at_desk',
  'visit_changed',
  'desk_notes_changed',
  'rescheduled_at_desk',
  'cancelled_at_desk',
  'confirmed_at_desk',
  'declined_at_desk',
  'no_show_marked_at_desk',
  'no_show_unmarked_at_desk',
  'needs_attention',
  'booked_in_calcom',
  'found_in_calcom',
  'rescheduled_in_calcom',
  'rescheduled_here_from',
  'synced_in_calcom',
  'retry_asked_at_desk',
  'booking_discarded_at_desk',
  'change_discarded_at_desk',
  'another_time_at_desk',
  'unrecognised',
] as const satisfies readonly HistoryCode[]

// Fails typecheck when a code is added to HistoryParams but not listed above.
type Missing = Exclude<HistoryCode, (typeof HISTORY_CODES)[number]>
const everyCodeListed: Missing extends never ? true : never = true
void everyCodeListed
