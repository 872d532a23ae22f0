// A staff column renders again only when something it draws changed (column-equality.ts).
import { describe, expect, it } from 'vitest'
import type { Appointment } from '../../../../shared/api/schemas'
import { sameColumn, type ColumnProps } from './column-equality'
import type { CardPlace } from './day-layout'

const row = (uid: string, name = 'Rita Sousa') => ({ uid, attendee: { name } }) as Appointment
const place = (appointment: Appointment, top = 0): CardPlace => ({
  appointment,
  span: { startMinute: 600, endMinute: 630 },
  top,
  height: 48,
  lane: 0,
  lanes: 1,
  compact: false,
})
const column = (cards: CardPlace[], alerts = new Map<string, string[]>()): ColumnProps => ({
  cards,
  alerts,
  plain: ['Ana', 480, 1200],
})

describe('sameColumn', () => {
  const a = row('a')
  const b = row('b')

  it('skips a column whose rows and places are the ones it drew (another column changed)', () => {
    expect(sameColumn(column([place(a), place(b, 60)]), column([place(a), place(b, 60)]))).toBe(
      true,
    )
  })

  it('renders a column when one of its appointments changed, moved, came or went', () => {
    const before = column([place(a), place(b, 60)])
    expect(sameColumn(before, column([place(a), place(row('b', 'Changed'), 60)]))).toBe(false)
    expect(sameColumn(before, column([place(a), place(b, 90)]))).toBe(false)
    expect(sameColumn(before, column([place(a)]))).toBe(false)
    expect(sameColumn(before, column([place(a), place(b, 60), place(row('c'), 120)]))).toBe(false)
  })

  it('renders a column when its window, height or words changed', () => {
    expect(sameColumn(column([]), { ...column([]), plain: ['Ana', 420, 1200] })).toBe(false)
    expect(sameColumn(column([]), { ...column([]), plain: ['Ana María', 480, 1200] })).toBe(false)
  })

  it("compares a card's alerts by content: read again unchanged, the column is skipped", () => {
    const cards = [place(a), place(b, 60)]
    const alerts = () => new Map([['a', ['Allergic to latex']]])
    expect(sameColumn(column(cards, alerts()), column(cards, alerts()))).toBe(true)
    expect(
      sameColumn(column(cards, alerts()), column(cards, new Map([['a', ['Prefers Liam']]]))),
    ).toBe(false)
    expect(sameColumn(column(cards, alerts()), column(cards))).toBe(false)
  })
})
