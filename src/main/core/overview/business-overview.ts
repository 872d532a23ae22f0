// "All branches" (DESIGN.md §9): each branch's numbers from its own store, on its own clock, and
// the business's total. Reads only local copies, so it answers offline; each branch says when it
// last heard from Cal.com so the owner knows how fresh its numbers are.
import type { Overview, OverviewNumbers, OverviewRange } from '../../../shared/api/overview'
import type { Schedule } from '../calcom/response-schemas'
import { totalNumbers } from './overview-numbers'
import { rangeDays } from './overview-range'
import { staffScheduledMinutes, type StaffMember } from './staff-hours'

/** What the overview reads of one branch. */
export interface BranchSource {
  key: string
  name: string
  timeZone: string
  staff: () => StaffMember[]
  schedules: () => Schedule[]
  /** The numbers of bookings starting in [startMs, endMs) (OverviewStore.numbersIn). */
  numbers: (startMs: number, endMs: number, scheduledMinutes: number) => OverviewNumbers
  lastSyncAt: () => string | null
  offline: () => boolean
}

export function businessOverview(
  sources: readonly BranchSource[],
  range: OverviewRange,
  nowMs: number,
): Overview {
  const branches = sources.map((s) => {
    const days = rangeDays(range, nowMs, s.timeZone)
    const scheduled = staffScheduledMinutes(s.schedules(), s.staff(), days.dates)
    return {
      key: s.key,
      name: s.name,
      timeZone: s.timeZone,
      from: days.from,
      to: days.to,
      lastSyncAt: s.lastSyncAt(),
      offline: s.offline(),
      numbers: s.numbers(days.startMs, days.endMs, scheduled),
    }
  })
  const syncs = branches.map((b) => b.lastSyncAt)
  const oldestSyncAt =
    syncs.length === 0 || syncs.includes(null) ? null : (syncs as string[]).sort()[0]!
  return {
    range,
    computedAt: new Date(nowMs).toISOString(),
    branches,
    total: totalNumbers(branches.map((b) => b.numbers)),
    oldestSyncAt,
  }
}
