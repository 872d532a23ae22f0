import { describe, expect, it } from 'vitest'
import { weekDays } from './week-days'

describe('weekDays', () => {
  it('is Monday to Sunday around a midweek day', () => {
    // 2026-12-09 is a Wednesday.
    expect(weekDays('2026-12-09')).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-12',
      '2026-12-13',
    ])
  })

  it('puts a Sunday at the end of its week and a Monday at the start', () => {
    expect(weekDays('2026-12-13')[0]).toBe('2026-12-07')
    expect(weekDays('2026-12-07')[6]).toBe('2026-12-13')
  })

  it('crosses months and years', () => {
    expect(weekDays('2027-01-01')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ])
  })

  it('refuses what is not a calendar day', () => {
    expect(() => weekDays('2026-02-30')).toThrow(RangeError)
  })
})
