// Cal.com's answer to one of our calls, as appointment fields (DESIGN.md §3). The inbox has its
// own mapping for webhooks and reconcile; this one reads only the API v2 booking object that
// create/reschedule/cancel/confirm/decline/mark-absent return.
import { and, eq } from 'drizzle-orm'
import type { AppointmentStatus } from '../../../shared/domain/appointment-status'
import type { AppointmentPatch, AppointmentRow } from '../appointments/appointment-store'
import type { Booking } from '../calcom/response-schemas'
import { eventTypes, staff } from '../db/schema'
import type { DeskTx } from './outbox-store'

/** The desk status of a Cal.com booking; unknown Cal.com statuses keep what the desk had. */
export function statusOfBooking(
  b: Booking,
  current: AppointmentStatus | null,
): { status: AppointmentStatus; statusBeforeNoShow: AppointmentStatus | null } {
  let base: AppointmentStatus | null
  switch (b.status.toLowerCase()) {
    case 'accepted':
      base = 'SCHEDULED'
      break
    case 'pending':
      base = 'PENDING'
      break
    case 'cancelled':
      base = b.rescheduledToUid ? 'RESCHEDULED' : 'CANCELLED'
      break
    case 'rejected':
      base = 'REJECTED'
      break
    default:
      base = current === 'NO_SHOW' ? null : current
  }
  const absent = b.attendees.some((a) => a.absent === true)
  if (absent && (base === 'SCHEDULED' || base === 'PENDING' || base === null)) {
    return { status: 'NO_SHOW', statusBeforeNoShow: base ?? 'SCHEDULED' }
  }
  return { status: base ?? current ?? 'SCHEDULED', statusBeforeNoShow: null }
}

const ms = (iso: string | null | undefined): number | null => {
  if (!iso) return null
  const t = Date.parse(iso)
  return Number.isNaN(t) ? null : t
}

/**
 * The fields of `row` Cal.com's booking decides. Older news never overwrites newer: when the
 * desk already holds a later Cal.com state (the inbox got there first), only the uid link stays.
 */
export function patchFromBooking(
  tx: DeskTx,
  b: Booking,
  row: Pick<AppointmentRow, 'branchId' | 'status' | 'calcomUpdatedAt'> | undefined,
  branchId: number,
): AppointmentPatch {
  const updatedAt = ms(b.updatedAt)
  if (row?.calcomUpdatedAt && updatedAt !== null && updatedAt < row.calcomUpdatedAt) {
    return { calcomId: b.id }
  }
  const calcomEventTypeId = b.eventType?.id ?? b.eventTypeId ?? null
  const eventTypeId =
    calcomEventTypeId === null
      ? undefined
      : tx
          .select({ id: eventTypes.id })
          .from(eventTypes)
          .where(and(eq(eventTypes.branchId, branchId), eq(eventTypes.calcomId, calcomEventTypeId)))
          .get()?.id
  const hostId = b.hosts[0]?.id
  const staffId =
    hostId === undefined
      ? undefined
      : tx
          .select({ id: staff.id })
          .from(staff)
          .where(and(eq(staff.branchId, branchId), eq(staff.calcomHostId, hostId)))
          .get()?.id
  const attendee = b.attendees[0]
  const metadata = Object.fromEntries(
    Object.entries(b.metadata ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
  )
  const startsAt = ms(b.start)
  const endsAt = ms(b.end)
  return {
    calcomId: b.id,
    title: b.title,
    ...(startsAt !== null && endsAt !== null ? { startsAt, endsAt } : {}),
    ...statusOfBooking(b, row?.status ?? null),
    ...(eventTypeId !== undefined ? { eventTypeId } : {}),
    ...(staffId !== undefined ? { staffId } : {}),
    ...(attendee
      ? {
          attendeeName: attendee.name,
          attendeeEmail: attendee.email ?? null,
          attendeeTimeZone: attendee.timeZone ?? null,
          ...(attendee.phoneNumber ? { attendeePhone: attendee.phoneNumber } : {}),
        }
      : {}),
    rescheduledFromUid: b.rescheduledFromUid ?? null,
    rescheduledToUid: b.rescheduledToUid ?? null,
    cancellationReason: b.cancellationReason ?? null,
    metadata,
    calcomUpdatedAt: updatedAt,
  }
}
