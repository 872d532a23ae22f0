import { describe, expect, it } from 'vitest'
import { isLateCancellation, policyFor } from './late-cancellation.js'

describe('whether a cancellation is late', () => {
  const startsAt = '2026-03-10T15:00:00Z'
  const late = (cancelledAt: string, windowHours = 24) =>
    isLateCancellation({ startsAt, cancelledAt, windowHours })

  it('is late inside the window and on time before it; exactly the window ahead is on time', () => {
    expect(late('2026-03-10T09:00:00Z')).toBe(true)
    expect(late('2026-03-09T15:00:01Z')).toBe(true)
    expect(late('2026-03-09T15:00:00Z')).toBe(false)
    expect(late('2026-03-08T10:00:00Z')).toBe(false)
  })

  it('a cancellation after the start is late, whatever the window', () => {
    expect(late('2026-03-10T15:30:00Z', 0)).toBe(true)
    expect(late('2026-03-10T14:59:00Z', 0)).toBe(false)
  })

  it('takes Dates and epoch milliseconds alike, and an unreadable time is never late', () => {
    const start = new Date(startsAt)
    expect(
      isLateCancellation({
        startsAt: start,
        cancelledAt: start.getTime() - 3_600_000,
        windowHours: 2,
      }),
    ).toBe(true)
    expect(isLateCancellation({ startsAt: 'soon', cancelledAt: start, windowHours: 24 })).toBe(
      false,
    )
  })

  it('finds the policy of one service at one branch only', () => {
    const policies = [
      { branchId: 'ch_a', eventTypeId: 1, windowHours: 24, text: 'A' },
      { branchId: 'ch_b', eventTypeId: 1, windowHours: 48, text: 'B' },
    ]
    expect(policyFor(policies, 'ch_b', 1)?.text).toBe('B')
    expect(policyFor(policies, 'ch_a', 2)).toBeUndefined()
  })
})
