import { describe, expect, it } from 'vitest'
import type { Schedule } from '../calcom/response-schemas'
import { rangeDays } from './overview-range'
import { scheduleForStaff, scheduledMinutes, staffScheduledMinutes } from './staff-hours'

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']
const opening: Schedule = {
  id: 1,
  ownerId: 10,
  name: 'Opening hours',
  timeZone: 'America/Toronto',
  isDefault: true,
  availability: [{ days: [...weekdays, 'Saturday'], startTime: '09:00', endTime: '18:00' }],
}
const ana: Schedule = {
  id: 2,
  ownerId: 10,
  name: 'Ana Ruiz — working hours',
  timeZone: 'America/Toronto',
  isDefault: false,
  availability: [
    { days: weekdays, startTime: '09:00', endTime: '13:00' },
    { days: weekdays, startTime: '14:00', endTime: '17:00' },
  ],
  // 2026-03-10 is a Tuesday: a short day.
  overrides: [{ date: '2026-03-10', startTime: '10:00', endTime: '12:00' }],
}
const liamOwn: Schedule = {
  id: 3,
  ownerId: 42,
  name: 'Working hours',
  timeZone: 'America/Toronto',
  isDefault: true,
  availability: [{ days: ['Monday'], startTime: '12:00', endTime: '00:00' }],
}

describe("a staff member's scheduled time", () => {
  it('comes from their own schedule, then one named after them, then the opening hours', () => {
    const all = [opening, ana, liamOwn]
    expect(scheduleForStaff(all, { name: 'Liam', calcomHostId: 42 })?.id).toBe(3)
    expect(scheduleForStaff(all, { name: 'Ana Ruiz', calcomHostId: 7 })?.id).toBe(2)
    expect(scheduleForStaff(all, { name: 'Zoë', calcomHostId: null })?.id).toBe(1)
    expect(scheduleForStaff([], { name: 'Zoë', calcomHostId: null })).toBeUndefined()
  })

  it('adds the weekly hours of each day, an override replacing that day', () => {
    expect(scheduledMinutes(ana, ['2026-03-09'])).toBe(420)
    expect(scheduledMinutes(ana, ['2026-03-10'])).toBe(120)
    expect(scheduledMinutes(ana, ['2026-03-14'])).toBe(0)
    // Until midnight ("00:00" at the end) is the rest of the day.
    expect(scheduledMinutes(liamOwn, ['2026-03-09'])).toBe(720)
  })

  it('over a week of the branch, for every staff member', () => {
    const week = rangeDays('week', Date.parse('2026-03-11T15:00:00Z'), 'America/Toronto')
    expect(week.from).toBe('2026-03-09')
    expect(week.to).toBe('2026-03-15')
    const total = staffScheduledMinutes(
      [opening, ana, liamOwn],
      [
        { name: 'Ana Ruiz', calcomHostId: null },
        { name: 'Liam', calcomHostId: 42 },
      ],
      week.dates,
    )
    expect(total).toBe(420 * 4 + 120 + 720)
  })
})

describe('the days of a range', () => {
  it("are the branch's own today, on its clock", () => {
    // 03:00 UTC on the 11th is still the 10th in Toronto.
    const today = rangeDays('today', Date.parse('2026-03-11T03:00:00Z'), 'America/Toronto')
    expect(today.dates).toEqual(['2026-03-10'])
    expect(new Date(today.startMs).toISOString()).toBe('2026-03-10T04:00:00.000Z')
    expect(today.endMs - today.startMs).toBe(86_400_000)
    const madrid = rangeDays('today', Date.parse('2026-03-11T03:00:00Z'), 'Europe/Madrid')
    expect(madrid.dates).toEqual(['2026-03-11'])
  })

  it('move on when the day or the week is over, and go back to an earlier one', () => {
    const monday = Date.parse('2026-03-09T12:00:00Z')
    const week = rangeDays('week', monday, 'Europe/Madrid')
    expect(rangeDays('week', monday + 86_400_000, 'Europe/Madrid')).toEqual(week)
    expect(rangeDays('week', week.endMs, 'Europe/Madrid').from).toBe('2026-03-16')
    expect(rangeDays('today', monday, 'Europe/Madrid').from).toBe('2026-03-09')
    expect(rangeDays('today', monday + 86_400_000, 'Europe/Madrid').from).toBe('2026-03-10')
    expect(rangeDays('today', monday - 86_400_000, 'Europe/Madrid').from).toBe('2026-03-08')
    // The night the clocks go forward in Madrid (29 March 2026) makes a 23-hour day.
    const short = rangeDays('today', Date.parse('2026-03-29T12:00:00Z'), 'Europe/Madrid')
    expect(short.endMs - short.startMs).toBe(23 * 3_600_000)
    expect(rangeDays('week', Date.parse('2026-03-29T12:00:00Z'), 'Europe/Madrid').dates).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ])
  })
})
