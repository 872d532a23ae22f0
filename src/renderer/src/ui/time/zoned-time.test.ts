import { afterEach, describe, expect, it } from 'vitest'
import {
  addDays,
  calendarDateInZone,
  formatCalendarDate,
  formatTimeRange,
  isCalendarDate,
  todayInZone,
} from './zoned-time'

// Renderer code has no Node types; the test runs under Node, whose TZ sets the "machine" zone.
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } })
  .process.env
const machineZone = env.TZ

afterEach(() => {
  if (machineZone === undefined) delete env.TZ
  else env.TZ = machineZone
})

describe('formatTimeRange', () => {
  it('shows times in the branch zone, not UTC', () => {
    expect(
      formatTimeRange('2026-07-01T08:00:00Z', '2026-07-01T08:30:00Z', 'Europe/Lisbon', 'en-GB'),
    ).toBe('09:00–09:30')
    expect(
      formatTimeRange('2026-07-01T08:00:00Z', '2026-07-01T08:30:00Z', 'America/New_York', 'en-GB'),
    ).toBe('04:00–04:30')
  })

  it('spans the spring-forward gap: one real hour reads as two on the clock', () => {
    // Lisbon jumps from 01:00 to 02:00 at 01:00 UTC on 29 March 2026.
    expect(
      formatTimeRange('2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', 'Europe/Lisbon', 'en-GB'),
    ).toBe('00:30–02:30')
  })

  it('tells apart the two 01:30s of the autumn fall-back hour', () => {
    // Lisbon repeats 01:00–02:00 on 25 October 2026 (01:00 UTC+1, then 01:00 UTC+0).
    const first = formatTimeRange(
      '2026-10-25T00:30:00Z',
      '2026-10-25T00:45:00Z',
      'Europe/Lisbon',
      'en-GB',
    )
    const second = formatTimeRange(
      '2026-10-25T01:30:00Z',
      '2026-10-25T01:45:00Z',
      'Europe/Lisbon',
      'en-GB',
    )
    expect(first).toBe('01:30–01:45')
    expect(second).toBe('01:30–01:45')
  })

  it('uses the 24-hour clock whatever the locale', () => {
    expect(
      formatTimeRange('2026-07-01T13:15:00Z', '2026-07-01T14:00:00Z', 'Europe/Lisbon', 'en-US'),
    ).toMatch(/^14:15\s*–\s*15:00$/)
  })

  it('reads as Intl reads it on any day, remembered or not, and past midnight', () => {
    const intl = (start: string, end: string) =>
      new Intl.DateTimeFormat('es', {
        timeZone: 'Europe/Lisbon',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).formatRange(new Date(start), new Date(end))
    for (const [start, end] of [
      ['2026-07-01T08:00:00Z', '2026-07-01T08:30:00Z'],
      ['2026-07-02T08:00:00Z', '2026-07-02T08:30:00Z'],
      ['2026-07-02T08:00:00Z', '2026-07-02T08:00:00Z'],
      ['2026-07-02T22:30:00Z', '2026-07-02T23:30:00Z'],
      ['2026-07-02T08:00:00Z', '2026-07-03T08:30:00Z'],
    ] as const) {
      expect(formatTimeRange(start, end, 'Europe/Lisbon', 'es')).toBe(intl(start, end))
    }
  })

  it('ignores the machine time zone', () => {
    env.TZ = 'Pacific/Kiritimati'
    expect(
      formatTimeRange('2026-01-15T14:00:00Z', '2026-01-15T15:00:00Z', 'Europe/Lisbon', 'en-GB'),
    ).toBe('14:00–15:00')
  })
})

describe('todayInZone', () => {
  const lateSaturdayUtc = new Date('2026-03-28T23:30:00Z')

  it('is the branch day, which can differ from the UTC day', () => {
    expect(todayInZone('Europe/Lisbon', lateSaturdayUtc)).toBe('2026-03-28')
    expect(todayInZone('Asia/Tokyo', lateSaturdayUtc)).toBe('2026-03-29')
    expect(todayInZone('America/Los_Angeles', lateSaturdayUtc)).toBe('2026-03-28')
  })

  it('does not follow the machine zone', () => {
    env.TZ = 'Pacific/Kiritimati' // UTC+14: already Sunday there
    expect(todayInZone('Europe/Lisbon', lateSaturdayUtc)).toBe('2026-03-28')
  })

  it('switches day at local midnight on a DST day', () => {
    // New York springs forward on 8 March 2026; midnight there is 05:00 UTC.
    expect(calendarDateInZone(new Date('2026-03-08T04:59:00Z'), 'America/New_York')).toBe(
      '2026-03-07',
    )
    expect(calendarDateInZone(new Date('2026-03-08T05:00:00Z'), 'America/New_York')).toBe(
      '2026-03-08',
    )
  })
})

describe('calendar days', () => {
  it('steps across month, year and DST boundaries by whole days', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29')
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
  })

  it('rejects what is not a calendar day', () => {
    expect(isCalendarDate('2026-02-30')).toBe(false)
    expect(isCalendarDate('2026-2-3')).toBe(false)
    expect(isCalendarDate('2026-02-28')).toBe(true)
    expect(() => addDays('tomorrow', 1)).toThrow(/Not a calendar date/)
  })

  it('names the day without shifting it', () => {
    env.TZ = 'America/Los_Angeles'
    expect(formatCalendarDate('2026-03-29', 'en-GB')).toBe('Sunday, 29 March 2026')
  })
})
