import { describe, expect, it } from 'vitest'
import {
  nextFreeSlot,
  refreshWhileStale,
  slotFreshness,
  STALE_SLOTS_REFRESH_MS,
  upcomingSlots,
} from './slot-choice'

const now = new Date('2026-03-10T14:07:00Z')

describe('the walk-in slot', () => {
  it('is the first slot that has not begun, whatever order the answer came in', () => {
    const slots = ['2026-03-10T15:00:00Z', '2026-03-10T14:00:00Z', '2026-03-10T14:30:00Z']
    expect(nextFreeSlot(slots, now)).toBe('2026-03-10T14:30:00Z')
    expect(upcomingSlots(slots, now)).toEqual(['2026-03-10T15:00:00Z', '2026-03-10T14:30:00Z'])
  })

  it('is the first time the phone booking offers from the same answer', () => {
    const slots = ['2026-03-10T14:00:00Z', '2026-03-10T14:30:00Z', '2026-03-10T15:00:00Z']
    expect(nextFreeSlot(slots, now)).toBe(upcomingSlots(slots, now)[0])
  })

  it('is none when the day is full or over', () => {
    expect(nextFreeSlot(['2026-03-10T09:00:00Z'], now)).toBeNull()
    expect(nextFreeSlot([], now)).toBeNull()
  })
})

describe('how old offline slots are', () => {
  it('says nothing for a fresh answer', () => {
    expect(slotFreshness({ stale: false, ageSeconds: 40 })).toEqual({ stale: false })
  })

  it('counts minutes (at least one), then hours past two hours', () => {
    expect(slotFreshness({ stale: true, ageSeconds: 10 })).toEqual({
      stale: true,
      minutes: 1,
      hours: 0,
    })
    expect(slotFreshness({ stale: true, ageSeconds: 25 * 60 })).toEqual({
      stale: true,
      minutes: 25,
      hours: 0,
    })
    expect(slotFreshness({ stale: true, ageSeconds: 187 * 60 })).toEqual({
      stale: true,
      minutes: 0,
      hours: 3,
    })
  })
})

describe('offline free times', () => {
  it('are asked again every minute while stale, so the desk can leave out what has passed', () => {
    expect(refreshWhileStale({ stale: true })).toBe(STALE_SLOTS_REFRESH_MS)
    expect(refreshWhileStale({ stale: false })).toBe(false)
    expect(refreshWhileStale(undefined)).toBe(false)
  })
})
