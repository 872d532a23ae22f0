// What the desk tells the relay of its branch's closings, and when the relay then takes each day
// to close: the same wall-clock time, including the days the clocks change (a 23- and a 25-hour
// day in Madrid), a date override and a day nobody works. The relay's side is its own
// closing-time.ts, so a drift between the two would send the summary an hour early or late.
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { closingOn } from '../../../../cloud-relay/src/notifications/closing-time'
import type { Schedule } from '../calcom/response-schemas'
import { branchClosings } from './branch-closings'

const MADRID = 'Europe/Madrid'
const schedule: Schedule = {
  id: 1,
  name: 'Opening hours',
  timeZone: MADRID,
  isDefault: true,
  availability: [
    {
      days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
      startTime: '09:00',
      endTime: '20:00',
    },
  ],
  overrides: [{ date: '2026-03-27', startTime: '09:00', endTime: '14:00' }],
}

/** The local closing time the relay derives from what the desk reported, per day. */
function relayClosings(from: string, days: number) {
  const report = branchClosings([schedule], MADRID, new Date(`${from}T10:00:00Z`), days)!
  const hours = { ...report, reportedAt: new Date() }
  return Object.fromEntries(
    report.days.map((d) => {
      const at = closingOn(d.date, MADRID, hours, 20)
      return [d.date, at ? at.setZone(MADRID).toFormat('HH:mm') : 'closed']
    }),
  )
}

describe('the branch’s closings, from the desk’s report to the relay’s clock', () => {
  it('closes at 20:00 local on the days the clocks go forward and back', () => {
    expect(relayClosings('2026-03-26', 5)).toEqual({
      '2026-03-26': '20:00',
      '2026-03-27': '14:00', // a date override: a short Friday
      '2026-03-28': '20:00',
      '2026-03-29': 'closed', // Sunday (and the 23-hour day)
      '2026-03-30': '20:00',
    })
    expect(relayClosings('2026-10-24', 3)).toEqual({
      '2026-10-24': '20:00',
      '2026-10-25': 'closed', // Sunday (the 25-hour day)
      '2026-10-26': '20:00',
    })
  })

  it('the 23- and 25-hour days themselves, when the branch opens on them', () => {
    const everyDay: Schedule = {
      ...schedule,
      overrides: [],
      availability: [
        { ...schedule.availability[0]!, days: [...schedule.availability[0]!.days, 'Sunday'] },
      ],
    }
    for (const day of ['2026-03-29', '2026-10-25']) {
      const report = branchClosings([everyDay], MADRID, new Date(`${day}T10:00:00Z`), 1)!
      const at = closingOn(day, MADRID, { ...report, reportedAt: new Date() }, 20)!
      expect(at.toUTC().toISO(), day).toBe(
        DateTime.fromISO(`${day}T20:00`, { zone: MADRID }).toUTC().toISO(),
      )
    }
  })

  it('reports nothing while no schedule is known (the relay keeps its default hour)', () => {
    expect(branchClosings([], MADRID, new Date())).toBeUndefined()
  })
})
