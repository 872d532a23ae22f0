// Which days "today" and "this week" are for one branch: on its own clock, so an owner at 09:00
// in Madrid sees Toronto's today, not Madrid's. A week runs Monday to Sunday (ISO).
import { DateTime } from 'luxon'
import type { OverviewRange } from '../../../shared/api/overview'

export interface RangeDays {
  /** The first and the last day, YYYY-MM-DD in the branch's zone. */
  from: string
  to: string
  dates: string[]
  startMs: number
  endMs: number
}

export function rangeDays(range: OverviewRange, nowMs: number, zone: string): RangeDays {
  const today = DateTime.fromMillis(nowMs, { zone }).startOf('day')
  const first = range === 'today' ? today : today.startOf('week')
  const days = range === 'today' ? 1 : 7
  const dates: string[] = []
  for (let i = 0; i < days; i++) dates.push(first.plus({ days: i }).toISODate()!)
  return {
    from: dates[0]!,
    to: dates[dates.length - 1]!,
    dates,
    startMs: first.toMillis(),
    endMs: first.plus({ days }).toMillis(),
  }
}
