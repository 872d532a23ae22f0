// One changed appointment laid into a cached day answer, so a live change does not refetch and
// re-render a whole day: the result is what the desk would now answer for that day as far as this
// appointment goes. Every other row keeps its identity, so only the changed card re-renders.
import type { Appointment, DayView } from '../../../../shared/api/schemas'

/** The day view holds the appointments that start within the day (in the branch zone). */
function startsWithin(appointment: Appointment, day: DayView): boolean {
  const start = Date.parse(appointment.start)
  return start >= Date.parse(day.startsAt) && start < Date.parse(day.endsAt)
}

/** The desk's order: by start, then staff name (none first), then uid. */
function serverOrder(day: DayView): (a: Appointment, b: Appointment) => number {
  const names = new Map(day.staff.map((s) => [s.id, s.name]))
  const nameOf = (a: Appointment) => (a.staffId === null ? '' : (names.get(a.staffId) ?? ''))
  const compareText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
  return (a, b) =>
    Date.parse(a.start) - Date.parse(b.start) ||
    compareText(nameOf(a), nameOf(b)) ||
    compareText(a.uid, b.uid)
}

/**
 * `day` with the appointment `uid` as it now is: replaced, moved in or out (a reschedule to or
 * from this day), or removed when `appointment` is null (it no longer exists). The same object
 * when the day is not concerned.
 */
export function withAppointment(
  day: DayView,
  uid: string,
  appointment: Appointment | null,
): DayView {
  const at = day.appointments.findIndex((a) => a.uid === uid)
  const belongs = appointment !== null && startsWithin(appointment, day)
  if (at === -1 && !belongs) return day
  const others = at === -1 ? day.appointments : day.appointments.filter((_, i) => i !== at)
  if (!belongs) return { ...day, appointments: others }
  const order = serverOrder(day)
  const before = others.findIndex((a) => order(appointment, a) < 0)
  const index = before === -1 ? others.length : before
  return {
    ...day,
    appointments: [...others.slice(0, index), appointment, ...others.slice(index)],
  }
}
