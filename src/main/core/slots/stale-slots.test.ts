import { describe, expect, it } from 'vitest'
import { stillBookable } from './stale-slots'

const now = Date.parse('2026-03-10T14:07:00Z')
const day = [
  '2026-03-10T13:30:00.000Z',
  '2026-03-10T14:00:00.000Z',
  '2026-03-10T14:30:00.000Z',
  '2026-03-10T15:00:00.000Z',
  '2026-03-10T15:07:00.000Z',
  '2026-03-10T15:30:00.000Z',
]

describe("what is left of Cal.com's last answer", () => {
  it('leaves out the times already begun and those inside the notice, keeping the order', () => {
    expect(stillBookable(day, now, 60)).toEqual([
      '2026-03-10T15:07:00.000Z',
      '2026-03-10T15:30:00.000Z',
    ])
  })

  it('keeps a time exactly at now plus the notice, as Cal.com does', () => {
    expect(stillBookable(['2026-03-10T15:07:00.000Z'], now, 60)).toEqual([
      '2026-03-10T15:07:00.000Z',
    ])
  })

  it('leaves out only what has begun when there is no notice, or the desk does not know it', () => {
    const upcoming = day.slice(2)
    expect(stillBookable(day, now, 0)).toEqual(upcoming)
    expect(stillBookable(day, now, null)).toEqual(upcoming)
  })

  it('leaves nothing of a day whose times all fall inside a long notice', () => {
    expect(stillBookable(day, now, 48 * 60)).toEqual([])
  })
})
