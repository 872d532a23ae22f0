// Cal.com's answer to one of our calls (the API v2 booking that create / reschedule / cancel /
// confirm / decline / mark-absent return), as appointment fields. It reads the booking with the
// inbox's own mapping (../inbound/booking-mapping.ts, DESIGN.md §3) and lays statuses the way the
// inbox's merge does, so the outbox and the inbox never disagree about the same booking.
import { and, eq } from 'drizzle-orm'
import type { AppointmentPatch, AppointmentRow } from '../appointments/appointment-store'
import type { Booking } from '../calcom/response-schemas'
import { eventTypes, staff } from '../db/schema'
import { apiVersion, mapApiBooking } from '../inbound/booking-mapping'
import { baseOf, withNoShow } from '../inbound/booking-merge'
import type { DeskTx } from './outbox-store'

/**
 * The fields of `row` Cal.com's booking decides. Older news never overwrites newer: when the
 * desk already holds a later Cal.com state (the inbox got there first), only the uid link stays.
 */
export function patchFromBooking(
  tx: DeskTx,
  b: Booking,
  row:
    | Pick<AppointmentRow, 'branchId' | 'status' | 'statusBeforeNoShow' | 'calcomUpdatedAt'>
    | undefined,
  branchId: number,
): AppointmentPatch {
  const updatedAt = apiVersion(b)
  if (row?.calcomUpdatedAt && updatedAt !== null && updatedAt < row.calcomUpdatedAt) {
    return { calcomId: b.id }
  }
  const state = mapApiBooking(b)
  const eventTypeId =
    state.calcomEventTypeId === null
      ? undefined
      : tx
          .select({ id: eventTypes.id })
          .from(eventTypes)
          .where(
            and(
              eq(eventTypes.branchId, branchId),
              eq(eventTypes.calcomId, state.calcomEventTypeId),
            ),
          )
          .get()?.id
  const hostId = state.host?.id
  const staffId =
    hostId == null
      ? undefined
      : tx
          .select({ id: staff.id })
          .from(staff)
          .where(and(eq(staff.branchId, branchId), eq(staff.calcomHostId, hostId)))
          .get()?.id
  // As the inbox merges: an unknown Cal.com status keeps the desk's, and Cal.com has no
  // "completed", so an accepted booking the desk saw end stays completed.
  const held = row ? baseOf(row) : null
  let base = state.status ?? held ?? 'SCHEDULED'
  if (base === 'SCHEDULED' && held === 'COMPLETED') base = 'COMPLETED'
  const attendee = b.attendees[0]
  return {
    calcomId: b.id,
    title: b.title,
    startsAt: Date.parse(state.start),
    endsAt: Date.parse(state.end),
    ...withNoShow(base, state.noShow ?? row?.status === 'NO_SHOW'),
    ...(eventTypeId !== undefined ? { eventTypeId } : {}),
    ...(staffId !== undefined ? { staffId } : {}),
    ...(attendee
      ? {
          attendeeName: state.attendee.name,
          attendeeEmail: state.attendee.email,
          attendeeTimeZone: state.attendee.timeZone,
          ...(state.attendee.phone ? { attendeePhone: state.attendee.phone } : {}),
        }
      : {}),
    rescheduledFromUid: state.rescheduledFromUid ?? null,
    rescheduledToUid: state.rescheduledToUid ?? null,
    cancellationReason: state.cancellationReason ?? null,
    metadata: state.metadata ?? {},
    calcomUpdatedAt: updatedAt,
  }
}
