// When a branch's day ends, for its summary.daily (DESIGN.md §8: per branch, at closing). The
// branch's desks report its closings for the coming days from its Cal.com schedules
// (PUT /v1/branch-hours); a day they did not cover closes at the configured hour
// (RELAY_DAILY_SUMMARY_HOUR), a day they list as closed has no summary.
import { DateTime } from 'luxon'
import type { BranchHours } from '../storage/notification-types.js'

/** How far back a day's closing may lie and its summary still be made (a closing at midnight, a restart). */
export const LATE_SUMMARY_MS = 6 * 3_600_000
/** How many days back a summary looks for the closing before (a week of closed days at most). */
const MOST_CLOSED_DAYS = 7

/** When the branch closes on `day` (`YYYY-MM-DD` in `zone`); null: closed that day. */
export function closingOn(
  day: string,
  zone: string,
  hours: BranchHours | undefined,
  fallbackHour: number,
): DateTime | null {
  const start = DateTime.fromISO(day, { zone }).startOf('day')
  const reported = hours?.days.find((d) => d.date === day)
  if (!reported) return start.set({ hour: fallbackHour })
  const m = reported.closesAtMinute
  if (m === null) return null
  // A wall-clock time: 20:00 is 20:00 on the days the clocks change too (not 1200 minutes on).
  return m >= 1440
    ? start.plus({ days: 1 }).startOf('day')
    : start.set({ hour: Math.floor(m / 60), minute: m % 60 })
}

/** The closing before `day`'s: the last open day's within a week, else a day before. */
export function closingBefore(
  day: string,
  zone: string,
  hours: BranchHours | undefined,
  fallbackHour: number,
): DateTime {
  const start = DateTime.fromISO(day, { zone }).startOf('day')
  for (let back = 1; back <= MOST_CLOSED_DAYS; back++) {
    const earlier = start.minus({ days: back }).toISODate() as string
    const closing = closingOn(earlier, zone, hours, fallbackHour)
    if (closing) return closing
  }
  return start.minus({ days: 1 }).set({ hour: fallbackHour })
}

/**
 * The branch days whose closing has come by `now` and is recent: today's once it closed, and
 * yesterday's while its closing is under LATE_SUMMARY_MS old (a branch open until midnight is
 * summarised just after, on its next local day; an instance down at closing catches up).
 */
export function closedDays(
  now: Date,
  zone: string,
  hours: BranchHours | undefined,
  fallbackHour: number,
): { day: string; closing: DateTime }[] {
  const today = DateTime.fromJSDate(now, { zone })
  const out: { day: string; closing: DateTime }[] = []
  for (const local of [today.minus({ days: 1 }), today]) {
    const day = local.toISODate() as string
    const closing = closingOn(day, zone, hours, fallbackHour)
    if (!closing || closing.toMillis() > now.getTime()) continue
    if (now.getTime() - closing.toMillis() > LATE_SUMMARY_MS && day !== today.toISODate()) continue
    out.push({ day, closing })
  }
  return out
}
