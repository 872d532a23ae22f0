import { expect, it } from 'vitest'
import { BookingList, EventType, Me, successEnvelope } from './response-schemas'
import { shapeProblem } from './response-validation'

it('wraps each answer shape in one envelope, so its validator is compiled once, not per call', () => {
  const first = successEnvelope(Me)
  expect(successEnvelope(Me)).toBe(first)
  expect(shapeProblem(first, { status: 'success', data: {} })).toMatch(/^data /)
  expect(shapeProblem(first, { status: 'error', data: {} })).toBeDefined()
})

it('refuses a booking whose start or end is not an instant, naming it, before it is mapped', () => {
  const booking = {
    id: 1,
    uid: 'b1',
    title: 'Haircut',
    status: 'accepted',
    start: '2026-03-11T15:00:00.000Z',
    end: '2026-03-11T15:45:00.000Z',
    hosts: [],
    attendees: [],
  }
  const list = (b: object) => ({ status: 'success', data: [booking, b] })
  expect(shapeProblem(BookingList, list(booking))).toBeUndefined()
  // Mapping it threw "RangeError: Invalid time value", failing the whole sync page.
  expect(shapeProblem(BookingList, list({ ...booking, start: 'next Tuesday' }))).toBe(
    'data.1.start must be an instant (RFC 3339)',
  )
  expect(shapeProblem(BookingList, list({ ...booking, end: '' }))).toBe(
    'data.1.end must be an instant (RFC 3339)',
  )
})

it('reads every way Cal.com writes an instant, and refuses a date or time that does not exist', () => {
  const at = (start: string) =>
    shapeProblem(BookingList, {
      status: 'success',
      data: [
        {
          id: 1,
          uid: 'b1',
          title: 'Haircut',
          status: 'accepted',
          start,
          end: start,
          hosts: [],
          attendees: [],
        },
      ],
    })
  // As the API, its OpenAPI examples and the webhook fixtures write them.
  for (const start of [
    '2026-03-11T15:00:00Z',
    '2026-03-11T15:00:00.000Z',
    '2026-03-11T15:00:00+00:00',
    '2026-03-11T16:00:00.123+01:00',
  ])
    expect(at(start), start).toBeUndefined()
  // Date.parse took these, rolling Feb 30 over to March 2: the booking on another day.
  expect(at('2026-02-30T10:00:00Z')).toBe('data.0.start must be an instant (RFC 3339)')
  expect(at('2026-03-11T24:00:00Z')).toBe('data.0.start must be an instant (RFC 3339)')
  // Without an offset the moment depends on the reader's zone.
  expect(at('2026-03-11T15:00:00')).toBe('data.0.start must be an instant (RFC 3339)')
})

it("keeps an event type's minimum booking notice in minutes, absent or null when Cal.com has none, and refuses one that is no count of minutes", () => {
  const eventType = { id: 7, title: 'Bridal hair trial', slug: 'bridal-trial', lengthInMinutes: 90 }
  const withNotice = (minimumBookingNotice: unknown) => ({ ...eventType, minimumBookingNotice })
  expect(shapeProblem(EventType, eventType)).toBeUndefined()
  expect(shapeProblem(EventType, withNotice(null))).toBeUndefined()
  expect(shapeProblem(EventType, withNotice(0))).toBeUndefined()
  expect(shapeProblem(EventType, withNotice(48 * 60))).toBeUndefined()
  // The walk-in would read a string as no notice and offer a time Cal.com then refuses.
  expect(shapeProblem(EventType, withNotice('2880'))).toBe('minimumBookingNotice must be number')
  expect(shapeProblem(EventType, withNotice(-60))).toBe('minimumBookingNotice must be >= 0')
})
