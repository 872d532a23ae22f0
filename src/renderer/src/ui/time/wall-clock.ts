// Where an instant falls on the branch's wall clock. Laying out a day reads two instants per
// card, and cards start and end on the same quarter hours all day: the answers are remembered,
// which saves most of the Intl calls.
import { dateTimeFormat } from './date-time-format'

const minutesOf = new Map<string, number>()
const MINUTES_REMEMBERED = 10_000

/** Minutes after midnight on the wall clock of `timeZone` (what the day grid's axis reads). */
export function minuteOfDay(iso: string, timeZone: string): number {
  const key = `${timeZone} ${iso}`
  let minute = minutesOf.get(key)
  if (minute === undefined) {
    if (minutesOf.size >= MINUTES_REMEMBERED) minutesOf.clear()
    const parts = dateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(iso))
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
    minute = part('hour') * 60 + part('minute')
    minutesOf.set(key, minute)
  }
  return minute
}
