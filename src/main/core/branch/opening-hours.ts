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

/** Minutes on the branch day of `date` for a wall-clock time in the schedule's zone. */
function onBranchClock(date: string, minute: number, scheduleZone: string, branchZone: string) {
  const local = DateTime.fromISO(date, { zone: scheduleZone }).plus({ minutes: minute })
  const there = local.setZone(branchZone)
  const dayStart = DateTime.fromISO(date, { zone: branchZone })
  if (!local.isValid || !dayStart.isValid) return null
  const offset = there.diff(dayStart, 'minutes').minutes
  return Math.min(1440, Math.max(0, Math.round(offset)))
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
