// The printed day sheet (Vagaro's "Daily Plan"): one sheet per staff member with the day's
// appointments in time order. Cancelled, declined and moved-away bookings are not on anyone's
// day, so they are left off; appointments with no staff member get a sheet of their own.
import type { Appointment, DayView, Staff } from '../../../../shared/api/schemas'

const OFF_THE_DAY: ReadonlySet<Appointment['status']> = new Set([
  'CANCELLED',
  'REJECTED',
  'RESCHEDULED',
])

export interface StaffSheet {
  /** null: appointments no staff member holds. */
  staff: Staff | null
  appointments: Appointment[]
}

export function isOnTheDay(appointment: Appointment): boolean {
  return !OFF_THE_DAY.has(appointment.status)
}

export function daySheets(day: DayView): StaffSheet[] {
  const byStart = (a: Appointment, b: Appointment) =>
    a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid)
  const onDay = day.appointments.filter(isOnTheDay).sort(byStart)
  const known = new Set(day.staff.map((s) => s.id))
  const sheets: StaffSheet[] = day.staff.map((staff) => ({
    staff,
    appointments: onDay.filter((a) => a.staffId === staff.id),
  }))
  const unassigned = onDay.filter((a) => a.staffId === null || !known.has(a.staffId))
  if (unassigned.length > 0) sheets.push({ staff: null, appointments: unassigned })
  return sheets
}
