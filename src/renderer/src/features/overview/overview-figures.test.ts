import { describe, expect, it } from 'vitest'
import { freshness, majorAmount, statusesSeen } from './overview-figures'

const NOW = Date.parse('2026-03-10T15:00:00Z')

describe("the overview's money", () => {
  it('turns minor units into the currency’s own unit', () => {
    expect(majorAmount({ currency: 'CAD', amount: 4550 })).toBe(45.5)
    expect(majorAmount({ currency: 'JPY', amount: 4550 })).toBe(4550)
    expect(majorAmount({ currency: 'KWD', amount: 4550 })).toBe(4.55)
  })
})

describe('the statuses a row lists', () => {
  it('are those that happened, in the order a day runs', () => {
    expect(
      statusesSeen({
        SCHEDULED: 3,
        PENDING: 0,
        RESCHEDULED: 0,
        CANCELLED: 1,
        REJECTED: 0,
        NO_SHOW: 2,
        COMPLETED: 4,
      }),
    ).toEqual([
      { status: 'SCHEDULED', count: 3 },
      { status: 'CANCELLED', count: 1 },
      { status: 'NO_SHOW', count: 2 },
      { status: 'COMPLETED', count: 4 },
    ])
  })
})

describe("how fresh a branch's numbers are", () => {
  it('counts whole minutes since its last sync', () => {
    expect(freshness('2026-03-10T14:57:30Z', false, NOW)).toEqual({
      kind: 'synced',
      minutesAgo: 2,
    })
  })

  it('says a branch cut off is offline, with how old its numbers are', () => {
    expect(freshness('2026-03-10T13:00:00Z', true, NOW)).toEqual({
      kind: 'offline',
      minutesAgo: 120,
    })
    expect(freshness(null, true, NOW)).toEqual({ kind: 'offline', minutesAgo: null })
  })

  it('says a branch that never synced has no numbers from Cal.com yet', () => {
    expect(freshness(null, false, NOW)).toEqual({ kind: 'never' })
  })
})
