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

/**
 * The last answer per range and zone: it holds for every instant inside it (today is today until
 * its end; the week likewise), and zoned arithmetic costs about half a millisecond a branch,
 * which over 50 branches was a good part of the overview's time.
 */
const lastAnswer = new Map<string, RangeDays>()

export function rangeDays(range: OverviewRange, nowMs: number, zone: string): RangeDays {
  const key = `${range} ${zone}`
  const last = lastAnswer.get(key)
  if (last && last.startMs <= nowMs && nowMs < last.endMs) return last
  const answer = computeRangeDays(range, nowMs, zone)
  lastAnswer.set(key, answer)
  return answer
}

function computeRangeDays(range: OverviewRange, nowMs: number, zone: string): RangeDays {
  // Zoned arithmetic only where the zone matters (the first day's start, the end after DST);
  // the dates between are calendar dates. The overview asks this of every branch on each read.
  const today = DateTime.fromMillis(nowMs, { zone }).startOf('day')
  const first = range === 'today' ? today : today.startOf('week')
  const days = range === 'today' ? 1 : 7
  const [y, m, d] = [first.year, first.month, first.day]
  const dates: string[] = []
  for (let i = 0; i < days; i++)
    dates.push(new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10))
  return {
    from: dates[0]!,
    to: dates[dates.length - 1]!,
    dates,
    startMs: first.toMillis(),
    endMs: first.plus({ days }).toMillis(),
  }
}
