import { describe, expect, it } from 'vitest'
import { isRealInstant } from './real-instant'

describe('a real instant', () => {
  it.each([
    '2026-03-10T10:02:00.000Z',
    '2026-03-10T10:02:00Z',
    '2024-02-29T23:59:59.999Z',
    '2026-03-10T10:02:00+05:30',
    '0050-01-01T00:00:00Z',
  ])('%s is one', (text) => expect(isRealInstant(text)).toBe(true))

  it.each([
    ['a month 13', '2026-13-01T10:00:00Z'],
    ['a month 0', '2026-00-10T10:00:00Z'],
    ['February 30', '2026-02-30T10:00:00Z'],
    ['February 29 of a common year', '2026-02-29T10:00:00Z'],
    ['April 31', '2026-04-31T10:00:00Z'],
    ['a day 0', '2026-04-00T10:00:00Z'],
    ['hour 24', '2026-06-30T24:00:00Z'],
    ['minute 60', '2026-06-30T10:60:00Z'],
    ['a leap second JavaScript cannot read', '2026-06-30T23:59:60Z'],
    ['an offset of 24 hours', '2026-06-30T10:00:00+24:00'],
    ['no zone', '2026-06-30T10:00:00'],
    ['a day alone', '2026-06-30'],
    ['words', 'yesterday'],
  ])('%s is not one', (_what, text) => expect(isRealInstant(text)).toBe(false))
})
