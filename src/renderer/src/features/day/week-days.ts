// The week a day belongs to, Monday first (ISO 8601, as the desk's week strip shows it).
import { addDays, isCalendarDate } from '../../ui/time/zoned-time'

/** The seven days, Monday to Sunday, of the week holding `date` (YYYY-MM-DD). */
export function weekDays(date: string): string[] {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`)
  // getUTCDay: Sunday 0 … Saturday 6; Monday is 0 days into the week, Sunday 6.
  const intoWeek = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7
  const monday = addDays(date, -intoWeek)
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i))
}
