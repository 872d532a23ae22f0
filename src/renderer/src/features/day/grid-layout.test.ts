import { describe, expect, it } from 'vitest'
import { gridWindow, minuteOfDay, placeInLanes, spanOf, type Span } from './grid-layout'

const s = (start: string, end: string): Span & { id: string } => {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3))
  return { id: `${start}-${end}`, startMinute: m(start), endMinute: m(end) }
}
const lanes = (items: ReturnType<typeof s>[]) =>
  placeInLanes(items, (i) => i).map((p) => `${p.item.id} ${p.lane}/${p.lanes}`)

describe('placeInLanes', () => {
  it('gives appointments that do not overlap the whole column width', () => {
    expect(lanes([s('09:00', '10:00'), s('10:00', '11:00')])).toEqual([
      '09:00-10:00 0/1',
      '10:00-11:00 0/1',
    ])
  })

  it('puts overlapping appointments side by side, equally wide', () => {
    expect(lanes([s('09:30', '10:30'), s('09:00', '10:00')])).toEqual([
      '09:00-10:00 0/2',
      '09:30-10:30 1/2',
    ])
  })

  it('reuses a lane freed inside a group, and the whole group shares its width', () => {
    // 09–12 overlaps all; 09:30–10 ends before 10:30 starts, so 10:30 takes lane 1 again.
    expect(lanes([s('09:00', '12:00'), s('09:30', '10:00'), s('10:30', '11:00')])).toEqual([
      '09:00-12:00 0/2',
      '09:30-10:00 1/2',
      '10:30-11:00 1/2',
    ])
  })

  it('counts lanes per group: a later, separate group is full width again', () => {
    expect(
      lanes([s('09:00', '10:00'), s('09:00', '10:00'), s('09:15', '09:45'), s('14:00', '15:00')]),
    ).toEqual(['09:00-10:00 0/3', '09:00-10:00 1/3', '09:15-09:45 2/3', '14:00-15:00 0/1'])
  })
})

describe('gridWindow', () => {
  it('covers the opening hours, widened to whole hours', () => {
    expect(gridWindow({ opensAtMinute: 9 * 60 + 30, closesAtMinute: 17 * 60 + 15 }, [])).toEqual({
      startMinute: 9 * 60,
      endMinute: 18 * 60,
    })
  })

  it('widens to an appointment outside the opening hours, so none is off the grid', () => {
    expect(
      gridWindow({ opensAtMinute: 9 * 60, closesAtMinute: 17 * 60 }, [s('07:45', '08:30')]),
    ).toEqual({ startMinute: 7 * 60, endMinute: 17 * 60 })
    expect(
      gridWindow({ opensAtMinute: 9 * 60, closesAtMinute: 17 * 60 }, [s('22:00', '23:59')]),
    ).toEqual({ startMinute: 9 * 60, endMinute: 24 * 60 })
  })

  it('shows 09:00–18:00 when the branch has no hours that day', () => {
    expect(gridWindow({ opensAtMinute: null, closesAtMinute: null }, [])).toEqual({
      startMinute: 9 * 60,
      endMinute: 18 * 60,
    })
    expect(gridWindow(undefined, [])).toEqual({ startMinute: 540, endMinute: 1080 })
  })
})

describe('minuteOfDay and spanOf', () => {
  it('read instants on the branch wall clock', () => {
    expect(minuteOfDay('2026-07-01T08:00:00Z', 'Europe/Lisbon')).toBe(9 * 60)
    expect(minuteOfDay('2026-01-15T08:00:00Z', 'Europe/Lisbon')).toBe(8 * 60)
    expect(minuteOfDay('2026-07-01T08:00:00Z', 'America/New_York')).toBe(4 * 60)
  })

  it('cuts an appointment running past midnight at the end of the day', () => {
    const day = { startsAt: '2026-07-01T23:00:00Z', endsAt: '2026-07-02T23:00:00Z' }
    expect(
      spanOf({ start: '2026-07-02T22:00:00Z', end: '2026-07-03T00:30:00Z' }, day, 'Europe/Lisbon'),
    ).toEqual({ startMinute: 23 * 60, endMinute: 1440 })
  })
})
