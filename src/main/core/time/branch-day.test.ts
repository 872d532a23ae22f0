import { describe, expect, it } from 'vitest'
import { branchDay, InvalidDayError } from './branch-day'

const iso = (ms: number) => new Date(ms).toISOString()
const hours = (r: { startsAt: number; endsAt: number }) => (r.endsAt - r.startsAt) / 3600_000

describe('a branch day', () => {
  it('runs from midnight to midnight in the branch zone, 23 or 25 hours on DST days', () => {
    const spring = branchDay('2026-03-08', 'America/New_York')
    expect([iso(spring.startsAt), iso(spring.endsAt)]).toEqual([
      '2026-03-08T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
    ])
    expect(hours(spring)).toBe(23)
    expect(hours(branchDay('2026-11-01', 'America/New_York'))).toBe(25)
    expect(hours(branchDay('2026-06-15', 'Asia/Tokyo'))).toBe(24)
  })

  it('ends where the next day begins where DST starts at midnight (the day begins at 01:00)', () => {
    // Chile springs forward at 00:00 on 2025-09-07: that day has no midnight.
    const day = branchDay('2025-09-07', 'America/Santiago')
    const next = branchDay('2025-09-08', 'America/Santiago')
    expect(iso(day.startsAt)).toBe('2025-09-07T04:00:00.000Z') // 01:00 -03
    expect(day.endsAt).toBe(next.startsAt)
    expect(iso(next.startsAt)).toBe('2025-09-08T03:00:00.000Z') // 00:00 -03
    expect(hours(day)).toBe(23)
  })

  it('refuses anything that is not a calendar day', () => {
    for (const bad of ['2026-02-30', '2026-3-08', '2026-03-08T00:00', 'tomorrow']) {
      expect(() => branchDay(bad, 'Europe/Lisbon')).toThrow(InvalidDayError)
    }
  })
})
