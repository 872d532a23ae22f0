import { describe, expect, it } from 'vitest'
import { MINUTE_PX } from './day-layout'
import { droppedMinute } from './drag-move'

const window = { startMinute: 8 * 60, endMinute: 20 * 60 }
const haircut = { startMinute: 10 * 60, endMinute: 10 * 60 + 30 }

describe('droppedMinute', () => {
  it('moves by the minutes the pointer travelled, on a quarter hour', () => {
    expect(droppedMinute(haircut, 60 * MINUTE_PX, window)).toBe(11 * 60)
    expect(droppedMinute(haircut, -45 * MINUTE_PX, window)).toBe(9 * 60 + 15)
    // 20 minutes down lands on the nearest quarter: 10:15.
    expect(droppedMinute(haircut, 20 * MINUTE_PX, window)).toBe(10 * 60 + 15)
    // 8 minutes is nearer to where it was.
    expect(droppedMinute(haircut, 7 * MINUTE_PX, window)).toBe(10 * 60)
  })

  it('puts a card that started off the quarter hours on them', () => {
    const odd = { startMinute: 10 * 60 + 5, endMinute: 10 * 60 + 35 }
    expect(droppedMinute(odd, 30 * MINUTE_PX, window)).toBe(10 * 60 + 30)
  })

  it('keeps the whole appointment inside the hours the grid shows', () => {
    expect(droppedMinute(haircut, -500 * MINUTE_PX, window)).toBe(8 * 60)
    // A 30-minute haircut dropped past closing ends at 20:00, not after it.
    expect(droppedMinute(haircut, 900 * MINUTE_PX, window)).toBe(19 * 60 + 30)
    const long = { startMinute: 9 * 60, endMinute: 21 * 60 }
    expect(droppedMinute(long, 200, window)).toBe(8 * 60)
  })
})
