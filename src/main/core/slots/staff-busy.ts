// When one staff member is busy, as Cal.com decides it for a host (REFERENCE.md §2.2; the
// sandbox's SlotFinder does the same): every booking Cal.com still holds as accepted or pending
// keeps its host busy from its start less its event type's before-buffer to its end plus the
// after-buffer, and a new booking needs its own buffers clear as well.
//
// Cal.com cannot be asked this: /v2/slots answers for an event type (any of its hosts free) or
// for two or more usernames of a dynamic event, never for one host of an event type. So the desk
// judges from its own copy of the branch's appointments, which is what Cal.com holds for them
// plus the desk's own bookings not sent yet. A host's working hours and outside calendars are not
// in that copy: Cal.com alone confirms those, when it takes the booking.
import type { AppointmentStore } from '../appointments/appointment-store'

const MINUTE = 60_000
/** Wider than any buffer, so appointments whose buffers reach into a range are read too. */
const BUFFER_MARGIN_MS = 24 * 60 * MINUTE

export interface BusySpan {
  uid: string
  title: string
  startsAt: number
  endsAt: number
  /** The span with the appointment's buffers, which the host cannot be booked into. */
  from: number
  to: number
}

export interface BookingLength {
  lengthMinutes: number
  beforeBufferMinutes: number
  afterBufferMinutes: number
}

/** The staff member's busy spans that reach into [fromMs, toMs), buffers included. */
export function staffBusy(
  appointments: AppointmentStore,
  branchId: number,
  staffId: number,
  fromMs: number,
  toMs: number,
): BusySpan[] {
  return appointments
    .holdingHost(branchId, staffId, fromMs - BUFFER_MARGIN_MS, toMs + BUFFER_MARGIN_MS)
    .map((r) => ({
      uid: r.uid,
      title: r.title,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      from: r.startsAt - (r.beforeBufferMinutes ?? 0) * MINUTE,
      to: r.endsAt + (r.afterBufferMinutes ?? 0) * MINUTE,
    }))
    .filter((b) => b.from < toMs && fromMs < b.to)
}

/** The span that keeps the host from a booking of `length` at `startMs`, if any. */
export function clashAt(
  busy: readonly BusySpan[],
  length: BookingLength,
  startMs: number,
): BusySpan | undefined {
  const { from, to } = neededSpan(length, startMs)
  return busy.find((b) => b.from < to && from < b.to)
}

/** [from, to) that a booking of `length` at `startMs` needs free, buffers included. */
export function neededSpan(length: BookingLength, startMs: number): { from: number; to: number } {
  return {
    from: startMs - length.beforeBufferMinutes * MINUTE,
    to: startMs + (length.lengthMinutes + length.afterBufferMinutes) * MINUTE,
  }
}
