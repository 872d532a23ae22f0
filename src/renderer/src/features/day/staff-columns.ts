// How a day is laid out on screen: one column per staff member, in the API's staff order.
import type { Appointment, DayView, Staff } from '../../../../shared/api/schemas'

export interface StaffColumn {
  /** The staff id, or null for the "Unassigned" column. */
  staffId: number | null
  name: string
  colour: string | null
  appointments: Appointment[]
}

/**
 * Active staff always get a column (an empty column says "free all day"); inactive staff only
 * when they still have appointments that day. "Unassigned" appears only when needed, last.
 * Appointments keep the API's order (by start, then staff). None is ever dropped: an appointment
 * whose staff member is not in the list still gets a column of its own.
 */
export interface ColumnWords {
  unassigned: string
  unknownStaff(id: number): string
}

const ENGLISH: ColumnWords = {
  unassigned: 'Unassigned',
  unknownStaff: (id) => `Staff member #${id}`,
}

export function groupIntoColumns(
  day: Pick<DayView, 'staff' | 'appointments'>,
  words: ColumnWords = ENGLISH,
): StaffColumn[] {
  const byStaff = new Map<number, Appointment[]>()
  const unassigned: Appointment[] = []
  for (const appointment of day.appointments) {
    if (appointment.staffId === null) unassigned.push(appointment)
    else
      byStaff.set(appointment.staffId, [...(byStaff.get(appointment.staffId) ?? []), appointment])
  }

  const known = new Set(day.staff.map((s) => s.id))
  const columns: StaffColumn[] = day.staff
    .filter((s) => s.active || byStaff.has(s.id))
    .map((s: Staff) => ({
      staffId: s.id,
      name: s.name,
      colour: s.colour,
      appointments: byStaff.get(s.id) ?? [],
    }))
  for (const [staffId, appointments] of byStaff) {
    if (!known.has(staffId)) {
      columns.push({ staffId, name: words.unknownStaff(staffId), colour: null, appointments })
    }
  }
  if (unassigned.length > 0) {
    columns.push({ staffId: null, name: words.unassigned, colour: null, appointments: unassigned })
  }
  return columns
}
