// Scheduled time of a staff member, from the account's cached Cal.com schedules: the
// denominator of utilisation. Which schedule is whose:
// 1. a schedule owned by the staff member's own Cal.com user (Cal.com proper: everyone keeps
//    their own; their default one wins);
// 2. else a schedule of the account named after them ("Ana — working hours": how an account that
//    books for its staff keeps their hours, as the sandbox does);
// 3. else the account's default schedule: the branch's opening hours.
// A date override replaces that day's weekly hours; 00:00–00:00 is a day off.
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

/**
 * The weekday of a calendar date (YYYY-MM-DD), by the proleptic Gregorian calendar. Plain date
 * arithmetic, not a zoned parse: the overview asks it for every staff member and day of 50
 * branches, and a parse each was most of the overview's time.
 */
export function weekdayOf(date: string): string | undefined {
  const [y, m, d] = date.split('-').map(Number)
  const sundayFirst = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay()
  return WEEKDAYS[(sundayFirst + 6) % 7]
}

/** Minutes the schedule holds on each of `dates` (YYYY-MM-DD), added up. */
export function scheduledMinutes(schedule: Schedule, dates: readonly string[]): number {
  let total = 0
  for (const date of dates) {
    const weekday = weekdayOf(date)
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
  // Staff who keep the opening hours share one schedule: count its days once.
  const bySchedule = new Map<Schedule, number>()
  let total = 0
  for (const member of staff) {
    const schedule = scheduleForStaff(schedules, member)
    if (!schedule) continue
    let minutes = bySchedule.get(schedule)
    if (minutes === undefined) {
      minutes = scheduledMinutes(schedule, dates)
      bySchedule.set(schedule, minutes)
    }
    total += minutes
  }
  return total
}
