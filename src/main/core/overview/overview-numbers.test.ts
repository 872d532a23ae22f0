import { describe, expect, it } from 'vitest'
import { overviewNumbers, totalNumbers, type AppointmentFact } from './overview-numbers'

const H = 3_600_000
const range = { startMs: 0, endMs: 24 * H }

const fact = (over: Partial<AppointmentFact>): AppointmentFact => ({
  status: 'SCHEDULED',
  visitState: 'NONE',
  paid: false,
  price: 0,
  currency: null,
  staffId: 1,
  startsAt: 10 * H,
  endsAt: 11 * H,
  late: false,
  ...over,
})

describe('the overview numbers of one branch', () => {
  it('counts each booking of the range once by status, and the marks the owner looks for', () => {
    const n = overviewNumbers(
      [
        fact({ visitState: 'ARRIVED' }),
        fact({ status: 'COMPLETED', visitState: 'DONE' }),
        fact({ status: 'NO_SHOW' }),
        fact({ status: 'PENDING' }),
        fact({ status: 'CANCELLED', late: true }),
        fact({ status: 'CANCELLED', late: false }),
        // Outside the range: tomorrow, and the day before.
        fact({ startsAt: 24 * H, endsAt: 25 * H }),
        fact({ startsAt: -H, endsAt: 0 }),
      ],
      range,
      480,
    )
    expect(n.appointments).toBe(6)
    expect(n.byStatus).toMatchObject({ SCHEDULED: 1, COMPLETED: 1, NO_SHOW: 1, PENDING: 1 })
    expect(n.byStatus.CANCELLED).toBe(2)
    expect(n.arrivals).toBe(2)
    expect(n.noShows).toBe(1)
    expect(n.pendingConfirmations).toBe(1)
    expect(n.lateCancellations).toBe(1)
  })

  it('adds paid revenue per currency, leaving out free, unpaid, cancelled and moved bookings', () => {
    const n = overviewNumbers(
      [
        fact({ paid: true, price: 4500, currency: 'cad' }),
        fact({ paid: true, price: 3000, currency: 'CAD', status: 'COMPLETED' }),
        fact({ paid: true, price: 2000, currency: 'EUR' }),
        fact({ paid: false, price: 9900, currency: 'CAD' }),
        fact({ paid: true, price: 0, currency: 'CAD' }),
        fact({ paid: true, price: 5000, currency: 'CAD', status: 'CANCELLED' }),
        fact({ paid: true, price: 5000, currency: 'CAD', status: 'RESCHEDULED' }),
      ],
      range,
      0,
    )
    expect(n.revenue).toEqual([
      { currency: 'CAD', amount: 7500 },
      { currency: 'EUR', amount: 2000 },
    ])
  })

  it('puts booked staff time over scheduled time, clipped to the range', () => {
    const n = overviewNumbers(
      [
        fact({}), // 60 min
        fact({ status: 'NO_SHOW', startsAt: 12 * H, endsAt: 12.5 * H }), // 30 min
        fact({ status: 'CANCELLED' }), // frees the time
        fact({ staffId: null }), // nobody's time
        fact({ startsAt: 23 * H, endsAt: 26 * H }), // 60 min inside today
      ],
      range,
      600,
    )
    expect(n.bookedMinutes).toBe(150)
    expect(n.scheduledMinutes).toBe(600)
    expect(n.utilisation).toBeCloseTo(0.25)
  })

  it('has no utilisation when no one was scheduled', () => {
    expect(overviewNumbers([fact({})], range, 0).utilisation).toBeNull()
  })
})

describe('the business total', () => {
  it('adds the branches, keeps currencies apart and weighs utilisation by scheduled time', () => {
    const a = overviewNumbers(
      [fact({ paid: true, price: 1000, currency: 'CAD' }), fact({ status: 'NO_SHOW' })],
      range,
      120,
    )
    const b = overviewNumbers([fact({ paid: true, price: 500, currency: 'EUR' })], range, 480)
    const total = totalNumbers([a, b])
    expect(total.appointments).toBe(3)
    expect(total.noShows).toBe(1)
    expect(total.byStatus.SCHEDULED).toBe(2)
    expect(total.revenue).toEqual([
      { currency: 'CAD', amount: 1000 },
      { currency: 'EUR', amount: 500 },
    ])
    expect(total.bookedMinutes).toBe(180)
    expect(total.utilisation).toBeCloseTo(180 / 600)
  })

  it('of no branches is all zero', () => {
    expect(totalNumbers([])).toMatchObject({ appointments: 0, revenue: [], utilisation: null })
  })
})
