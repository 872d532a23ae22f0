// The hours a branch day covers, from the account's cached Cal.com schedules: the earliest
// opening and the latest closing of any schedule that day (a date override replaces that
// schedule's weekly hours; 00:00–00:00 is a day off), read on the branch's wall clock.
import { DateTime } from 'luxon'
import type { Schedule } from '../calcom/response-schemas'

export interface DayHours {
  opensAtMinute: number | null
  closesAtMinute: number | null
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/**
 * The branch's wall-clock minute on `date` (what the day grid's axis reads) of a schedule's
 * wall-clock time in its own zone: 0 or 1440 when it falls on the day before or after. Both are
 * read off the clocks, not counted from midnight, which a change of summer time moves by an hour.
 */
function onBranchClock(date: string, minute: number, scheduleZone: string, branchZone: string) {
  const midnight = DateTime.fromISO(date, { zone: scheduleZone })
  const local =
    minute >= 1440
      ? midnight.plus({ days: 1 })
      : midnight.set({ hour: Math.floor(minute / 60), minute: minute % 60 })
  if (!local.isValid) return null
  const there = local.setZone(branchZone)
  if (!there.isValid) return null
  const day = there.toISODate()!
  if (day < date) return 0
  if (day > date) return 1440
  return there.hour * 60 + there.minute
}

export function openingHoursOn(schedules: Schedule[], date: string, branchZone: string): DayHours {
  const weekday = WEEKDAYS[DateTime.fromISO(date, { zone: branchZone }).weekday - 1]
  let opens: number | null = null
  let closes: number | null = null
  for (const schedule of schedules) {
    const overrides = (schedule.overrides ?? []).filter((o) => o.date === date)
    const intervals =
      overrides.length > 0
        ? overrides
        : schedule.availability.filter((a) => weekday !== undefined && a.days.includes(weekday))
    for (const interval of intervals) {
      const start = minutes(interval.startTime)
      let end = minutes(interval.endTime)
      if (end === 0 && start > 0) end = 1440
      if (end <= start) continue
      const from = onBranchClock(date, start, schedule.timeZone, branchZone)
      const to = onBranchClock(date, end, schedule.timeZone, branchZone)
      if (from === null || to === null || to <= from) continue
      opens = opens === null ? from : Math.min(opens, from)
      closes = closes === null ? to : Math.max(closes, to)
    }
  }
  return { opensAtMinute: opens, closesAtMinute: closes }
}
