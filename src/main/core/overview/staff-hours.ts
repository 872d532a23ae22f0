// Scheduled time of a staff member, from the account's cached Cal.com schedules: the
// denominator of utilisation. Which schedule is whose:
// 1. a schedule owned by the staff member's own Cal.com user (Cal.com proper: everyone keeps
//    their own; their default one wins);
// 2. else a schedule of the account named after them ("Ana — working hours": how an account that
//    books for its staff keeps their hours, as the sandbox does);
// 3. else the account's default schedule: the branch's opening hours.
// A date override replaces that day's weekly hours; 00:00–00:00 is a day off.
import { DateTime } from 'luxon'
import type { Schedule } from '../calcom/response-schemas'

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

export interface StaffMember {
  name: string
  calcomHostId: number | null
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim()

export function scheduleForStaff(
  schedules: readonly Schedule[],
  member: StaffMember,
): Schedule | undefined {
  const own = schedules.filter(
    (s) => member.calcomHostId !== null && s.ownerId === member.calcomHostId,
  )
  if (own.length > 0) return own.find((s) => s.isDefault) ?? own[0]
  const name = fold(member.name)
  const named = schedules.find((s) => !s.isDefault && name !== '' && fold(s.name).startsWith(name))
  return named ?? schedules.find((s) => s.isDefault)
}

function minuteOf(time: string): number {
  const [h, m] = time.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/** Minutes the schedule holds on each of `dates` (YYYY-MM-DD), added up. */
export function scheduledMinutes(schedule: Schedule, dates: readonly string[]): number {
  let total = 0
  for (const date of dates) {
    const weekday = WEEKDAYS[DateTime.fromISO(date).weekday - 1]
    const overrides = (schedule.overrides ?? []).filter((o) => o.date === date)
    const intervals =
      overrides.length > 0
        ? overrides
        : schedule.availability.filter((a) => weekday !== undefined && a.days.includes(weekday))
    for (const interval of intervals) {
      const start = minuteOf(interval.startTime)
      let end = minuteOf(interval.endTime)
      if (end === 0 && start > 0) end = 1440
      if (end > start) total += end - start
    }
  }
  return total
}

/** Every active staff member's scheduled minutes over `dates`. */
export function staffScheduledMinutes(
  schedules: readonly Schedule[],
  staff: readonly StaffMember[],
  dates: readonly string[],
): number {
  let total = 0
  for (const member of staff) {
    const schedule = scheduleForStaff(schedules, member)
    if (schedule) total += scheduledMinutes(schedule, dates)
  }
  return total
}
