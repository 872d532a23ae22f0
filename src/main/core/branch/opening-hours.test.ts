import { describe, expect, it } from 'vitest'
import type { Schedule } from '../calcom/response-schemas'
import { openingHoursOn } from './opening-hours'

const schedule = (overrides: Partial<Schedule> = {}): Schedule => ({
  id: 1,
  name: 'Working hours',
  timeZone: 'Europe/Lisbon',
  isDefault: true,
  availability: [
    {
      days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
      startTime: '09:00',
      endTime: '18:00',
    },
    { days: ['Saturday'], startTime: '10:00', endTime: '14:00' },
  ],
  ...overrides,
})

const hm = (m: number | null) =>
  m === null
    ? null
    : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
const hours = (schedules: Schedule[], date: string, zone = 'Europe/Lisbon') => {
  const h = openingHoursOn(schedules, date, zone)
  return [hm(h.opensAtMinute), hm(h.closesAtMinute)]
}

describe('openingHoursOn', () => {
  it("reads the weekday's hours: Tuesday 2026-03-10 and Saturday 2026-03-14", () => {
    expect(hours([schedule()], '2026-03-10')).toEqual(['09:00', '18:00'])
    expect(hours([schedule()], '2026-03-14')).toEqual(['10:00', '14:00'])
  })

  it('is closed on a day no schedule covers', () => {
    expect(hours([schedule()], '2026-03-15')).toEqual([null, null])
    expect(hours([], '2026-03-10')).toEqual([null, null])
  })

  it('covers every schedule that day: the earliest opening to the latest closing', () => {
    const late = schedule({
      id: 2,
      availability: [{ days: ['Tuesday'], startTime: '12:00', endTime: '20:30' }],
    })
    expect(hours([schedule(), late], '2026-03-10')).toEqual(['09:00', '20:30'])
  })

  it('lets a date override replace the weekly hours, and 00:00–00:00 mean a day off', () => {
    const short = schedule({
      overrides: [{ date: '2026-03-10', startTime: '12:00', endTime: '15:00' }],
    })
    expect(hours([short], '2026-03-10')).toEqual(['12:00', '15:00'])
    const off = schedule({
      overrides: [{ date: '2026-03-10', startTime: '00:00', endTime: '00:00' }],
    })
    expect(hours([off], '2026-03-10')).toEqual([null, null])
  })

  it("reads a schedule kept in another zone on the branch's clock", () => {
    const ny = schedule({
      timeZone: 'America/New_York',
      availability: [{ days: ['Tuesday'], startTime: '09:00', endTime: '17:00' }],
    })
    // 2026-03-10: New York is on EDT (UTC−4), Lisbon on WET (UTC+0).
    expect(hours([ny], '2026-03-10', 'Europe/Lisbon')).toEqual(['13:00', '21:00'])
  })

  it("keeps a schedule in another zone on the branch's clock on a day summer time starts", () => {
    const sundays = (timeZone: string) =>
      schedule({
        timeZone,
        availability: [{ days: ['Sunday'], startTime: '09:00', endTime: '17:00' }],
      })
    // 2026-03-29: Lisbon goes from WET (UTC+0) to WEST (UTC+1) at 01:00; New York is on EDT.
    // 09:00 EDT is 13:00 UTC, which Lisbon's clock reads as 14:00 that afternoon.
    expect(hours([sundays('America/New_York')], '2026-03-29', 'Europe/Lisbon')).toEqual([
      '14:00',
      '22:00',
    ])
    // 2026-03-08: New York goes from EST to EDT at 02:00; Lisbon stays on WET.
    // 09:00 EDT is 13:00 UTC, 13:00 in Lisbon.
    expect(hours([sundays('America/New_York')], '2026-03-08', 'Europe/Lisbon')).toEqual([
      '13:00',
      '21:00',
    ])
    // In its own zone the day's 09:00 stays 09:00 whatever the change.
    expect(hours([sundays('Europe/Lisbon')], '2026-03-29')).toEqual(['09:00', '17:00'])
    expect(hours([sundays('Europe/Lisbon')], '2026-10-25')).toEqual(['09:00', '17:00'])
  })

  it('cuts hours kept in a far zone at the branch day’s edges', () => {
    const tokyo = schedule({
      timeZone: 'Asia/Tokyo',
      availability: [{ days: ['Tuesday'], startTime: '06:00', endTime: '00:00' }],
    })
    // Tokyo (UTC+9) 06:00–24:00 on Tuesday 2026-03-10 is Monday 21:00 to Tuesday 15:00 in Lisbon.
    expect(hours([tokyo], '2026-03-10', 'Europe/Lisbon')).toEqual(['00:00', '15:00'])
  })
})
