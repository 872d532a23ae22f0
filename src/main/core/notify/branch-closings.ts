// When the branch closes on the coming days, for the relay's summary.daily at closing (DESIGN.md
// §8): read from the cached Cal.com schedules the same way the day grid reads its hours
// (opening-hours.ts: the latest end of any schedule that day, date overrides included), on the
// branch's wall clock. Only the desk holds the Cal.com credential, so only it can tell the relay.
import { DateTime } from 'luxon'
import type { BranchHoursRequest } from '../../../shared/relay/relay-contract'
import { openingHoursOn } from '../branch/opening-hours'
import type { Schedule } from '../calcom/response-schemas'

/** Days reported ahead: two weeks, so a desk offline for days still leaves the relay its hours. */
export const CLOSING_DAYS_AHEAD = 14

/** The branch's closings from `now`'s local day on; undefined while no schedule is known. */
export function branchClosings(
  schedules: Schedule[],
  zone: string,
  now: Date,
  days = CLOSING_DAYS_AHEAD,
): BranchHoursRequest | undefined {
  if (schedules.length === 0) return undefined
  const today = DateTime.fromJSDate(now, { zone }).startOf('day')
  return {
    zone,
    days: Array.from({ length: days }, (_, i) => {
      const date = today.plus({ days: i }).toISODate() as string
      // The grid's closing minute is the wall-clock time (20:00 → 1200) for a schedule in the
      // branch's zone, on the days the clocks change too: what the relay's contract wants.
      const { closesAtMinute } = openingHoursOn(schedules, date, zone)
      return {
        date,
        closesAtMinute: closesAtMinute === null || closesAtMinute < 1 ? null : closesAtMinute,
      }
    }),
  }
}
