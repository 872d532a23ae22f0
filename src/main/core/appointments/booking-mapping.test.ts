// Every real Cal.com webhook example (test/fixtures/calcom/webhook-examples) mapped per
// DESIGN.md §3 (docs/ARCHITECTURE.md §5 has the table).
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { mapApiBooking, mapWebhookBody, type BookingChange } from './booking-mapping'
import type { BusinessChangedEvent } from '../../../shared/relay/relay-contract'
import { example, stamped } from './webhook-examples.test-support'

const only = <K extends BookingChange['kind']>(changes: BookingChange[], kind: K) => {
  const found = changes.filter((c) => c.kind === kind)
  expect(found).toHaveLength(1)
  return found[0] as Extract<BookingChange, { kind: K }>
}

describe('webhook examples → desk changes', () => {
  it('BOOKING_CREATED (ACCEPTED) → SCHEDULED, with attendee, host, times and its send time as version', () => {
    const m = mapWebhookBody(example('booking_created.json'))
    expect(m.notices).toEqual([])
    expect(m.key).toBe('BOOKING_CREATED:unique-booking-id:2024-01-01T00:00:00.000Z')
    const c = only(m.changes, 'state')
    expect(c.version).toBe(Date.parse('2024-01-01T00:00:00.000Z'))
    expect(c.booking).toMatchObject({
      uid: 'unique-booking-id',
      calcomId: 100,
      calcomEventTypeId: 123,
      status: 'SCHEDULED',
      start: '2024-01-01T10:00:00.000Z',
      end: '2024-01-01T10:15:00.000Z',
      attendee: { name: 'Guest User', email: 'guest@example.com', timeZone: 'UTC' },
      host: { id: 1, username: 'organizer-handle', name: 'Organizer Name' },
      metadata: {},
    })
  })

  it('BOOKING_REQUESTED (PENDING) → PENDING', () => {
    const c = only(mapWebhookBody(example('booking_requested.json')).changes, 'state')
    expect(c.booking).toMatchObject({ uid: 'unique-booking-id', status: 'PENDING' })
  })

  it('BOOKING_RESCHEDULED → new uid SCHEDULED from the old one; old uid retired to the new', () => {
    const m = mapWebhookBody(example('booking_rescheduled.json'))
    expect(m.changes).toHaveLength(2)
    const fresh = only(m.changes, 'state')
    expect(fresh.booking).toMatchObject({
      uid: 'new-booking-unique-id',
      status: 'SCHEDULED',
      rescheduledFromUid: 'previous-booking-unique-id',
      start: '2024-01-10T14:30:00.000Z',
    })
    const old = only(m.changes, 'retire')
    expect(old).toMatchObject({
      uid: 'previous-booking-unique-id',
      rescheduledToUid: 'new-booking-unique-id',
      fallback: {
        calcomId: 200,
        status: 'RESCHEDULED',
        start: '2024-01-05T14:30:00.000Z',
        end: '2024-01-05T14:45:00.000Z',
      },
    })
  })

  it('BOOKING_REQUESTED carrying a reschedule (it needs confirmation again) → new uid PENDING from the old one; old uid retired', () => {
    // Found by the convergence test: the old booking stayed SCHEDULED at the desk.
    const body = JSON.parse(example('booking_rescheduled.json')) as {
      triggerEvent: string
      payload: Record<string, unknown>
    }
    body.triggerEvent = 'BOOKING_REQUESTED'
    body.payload.status = 'PENDING'
    const m = mapWebhookBody(JSON.stringify(body))
    expect(m.changes).toHaveLength(2)
    const fresh = only(m.changes, 'state')
    expect(fresh.booking).toMatchObject({
      status: 'PENDING',
      rescheduledFromUid: body.payload.rescheduleUid,
    })
    expect(only(m.changes, 'retire')).toMatchObject({
      uid: body.payload.rescheduleUid,
      rescheduledToUid: fresh.booking.uid,
    })
    // A plain request still says nothing of a reschedule.
    expect(mapWebhookBody(example('booking_requested.json')).changes).toHaveLength(1)
  })

  it('BOOKING_CANCELLED → CANCELLED with its reason; organizer "request reschedule" is noted', () => {
    const plain = only(mapWebhookBody(example('booking_cancelled.json')).changes, 'state')
    expect(plain.booking).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'I am no longer able to attend this session.',
      requestReschedule: false,
      start: '2024-01-04T10:00:00.000Z',
    })
    const asked = only(
      mapWebhookBody(example('booking_cancelled_request_reschedule.ASSEMBLED.json')).changes,
      'state',
    )
    expect(asked.booking).toMatchObject({ status: 'CANCELLED', requestReschedule: true })
  })

  it('BOOKING_REJECTED → REJECTED with the reason', () => {
    const c = only(mapWebhookBody(example('booking_rejected.json')).changes, 'state')
    expect(c.booking).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'The organizer is no longer available at this time.',
    })
  })

  it('BOOKING_PAID → the paid flag (payment metadata is not the booking’s)', () => {
    const c = only(mapWebhookBody(example('booking_paid.json')).changes, 'paid')
    expect(c.booking).toMatchObject({ uid: 'unique-booking-uid', paid: true, status: 'SCHEDULED' })
    expect(c.booking.metadata).toBeUndefined()
  })

  it('BOOKING_NO_SHOW_UPDATED (not a booking payload) → no-show marked and unmarked by bookingUid', () => {
    const marked = only(mapWebhookBody(example('booking_no_show_updated.json')).changes, 'noShow')
    expect(marked).toMatchObject({
      uid: '5vQFqxDFMjdgKGMijqtqRw',
      attendees: [{ email: 'test@example.com', noShow: true }],
    })
    const unmarked = only(
      mapWebhookBody(example('booking_no_show_updated_unmarked.json')).changes,
      'noShow',
    )
    expect(unmarked.attendees).toEqual([{ email: 'test@example.com', noShow: false }])
    expect(unmarked.version).toBeGreaterThan(marked.version!)
  })

  it('MEETING_ENDED (flat body) → completed, keyed by its idempotency key, versioned by updatedAt', () => {
    const m = mapWebhookBody(example('meeting_ended.json'))
    expect(m.key).toBe(
      'MEETING_ENDED:unique-booking-identifier:00000000-0000-0000-0000-000000000000',
    )
    const c = only(m.changes, 'completed')
    expect(c.version).toBe(Date.parse('2024-01-01T10:20:00.000Z'))
    expect(c.booking).toMatchObject({
      uid: 'unique-booking-identifier',
      calcomId: 100,
      noShow: false,
      host: { id: 10, name: 'Organizer Name' },
    })
  })

  it('an unknown trigger, an unknown status and a body that is not JSON are kept as notices, never thrown', () => {
    const unknown = mapWebhookBody(
      JSON.stringify({
        triggerEvent: 'WRONG_ASSIGNMENT_REPORT',
        createdAt: '2026-01-01T00:00:00Z',
        payload: {},
      }),
    )
    expect(unknown.changes).toEqual([])
    expect(unknown.notices[0]?.code).toBe('UNKNOWN_TRIGGER')

    const created = JSON.parse(example('booking_created.json'))
    created.payload.status = 'AWAITING_HOST'
    const odd = mapWebhookBody(JSON.stringify(created))
    expect(odd.notices[0]?.code).toBe('UNKNOWN_STATUS')
    expect(only(odd.changes, 'state').booking.status).toBeNull()

    const garbage = mapWebhookBody('name=value&x=1')
    expect(garbage.notices[0]?.code).toBe('MALFORMED_EVENT')
    expect(garbage.key).toMatch(/^body:/)

    const quiet = mapWebhookBody(
      JSON.stringify({ triggerEvent: 'PING', createdAt: 'x', payload: {} }),
    )
    expect(quiet).toMatchObject({ changes: [], notices: [] })

    const business: BusinessChangedEvent = {
      triggerEvent: 'FRONTDESK_BUSINESS_CHANGED',
      createdAt: '2026-03-02T09:00:00.000Z',
      payload: { businessId: 'biz_1', version: 3 },
    }
    expect(mapWebhookBody(JSON.stringify(business))).toMatchObject({ changes: [], notices: [] })
  })
})

describe('webhook times that do not exist', () => {
  it('every real example, in each of its spellings (Z, .000Z, +00:00), is read with no notice', () => {
    const dir = new URL('../../../../test/fixtures/calcom/webhook-examples/', import.meta.url)
    const bodies = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'signatures.json')
    expect(bodies.length).toBeGreaterThan(5)
    for (const name of bodies) expect(mapWebhookBody(example(name)).notices, name).toEqual([])
  })

  it('a start on 30 February is refused, naming the field, not rolled over to 2 March', () => {
    const m = mapWebhookBody(
      stamped('booking_created.json', '2026-02-01T09:00:00.000Z', {
        startTime: '2026-02-30T10:00:00Z',
      }),
    )
    expect(m.changes).toEqual([])
    expect(m.notices).toHaveLength(1)
    expect(m.notices[0]!.code).toBe('MALFORMED_EVENT')
    expect(m.notices[0]!.message).toContain('payload.startTime "2026-02-30T10:00:00Z"')
    // Keyed as any other event: recorded once, never retried forever.
    expect(m.key).toBe('BOOKING_CREATED:unique-booking-id:2026-02-01T09:00:00.000Z')
  })

  it('an end at 24:00 or a reschedule whose old start does not exist is refused too', () => {
    const end = mapWebhookBody(
      stamped('booking_created.json', '2026-02-01T09:00:00.000Z', {
        endTime: '2026-03-01T24:00:00+00:00',
      }),
    )
    expect(end.changes).toEqual([])
    expect(end.notices[0]!.message).toContain('payload.endTime')

    const moved = mapWebhookBody(
      stamped('booking_rescheduled.json', '2026-02-01T09:00:00.000Z', {
        rescheduleStartTime: '2026-13-05T14:30:00Z',
      }),
    )
    expect(moved.changes).toEqual([])
    expect(moved.notices[0]!.message).toContain('payload.rescheduleStartTime')

    const ended = JSON.parse(example('meeting_ended.json')) as Record<string, unknown>
    ended.startTime = '2026-02-29T10:00:00.000Z' // 2026 is no leap year
    const flat = mapWebhookBody(JSON.stringify(ended))
    expect(flat.changes).toEqual([])
    expect(flat.notices[0]!.message).toContain('startTime "2026-02-29T10:00:00.000Z"')
  })

  it('a send time that does not exist gives no version, rather than a later one', () => {
    const m = mapWebhookBody(stamped('booking_created.json', '2026-02-30T09:00:00.000Z'))
    expect(m.notices).toEqual([])
    expect(only(m.changes, 'state').version).toBeNull()
  })
})

describe('API v2 bookings → desk state', () => {
  const booking = {
    id: 7,
    uid: 'b-1',
    title: 'Haircut',
    status: 'accepted',
    start: '2026-03-02T15:00:00.000Z',
    end: '2026-03-02T15:30:00.000Z',
    hosts: [{ id: 3, name: 'Ana', email: 'ana@example.com', username: 'ana' }],
    attendees: [
      { name: 'Zoë', email: 'zoe@example.com', timeZone: 'Europe/Berlin', absent: false },
    ],
    eventType: { id: 11, slug: 'haircut' },
    updatedAt: '2026-03-01T09:00:00.000Z',
  }

  it('maps accepted / pending / cancelled / rejected, and the old half of a reschedule', () => {
    expect(mapApiBooking(booking).status).toBe('SCHEDULED')
    expect(mapApiBooking({ ...booking, status: 'pending' }).status).toBe('PENDING')
    expect(mapApiBooking({ ...booking, status: 'cancelled' }).status).toBe('CANCELLED')
    expect(mapApiBooking({ ...booking, status: 'rejected' }).status).toBe('REJECTED')
    expect(
      mapApiBooking({ ...booking, status: 'cancelled', rescheduledToUid: 'b-2' }),
    ).toMatchObject({ status: 'RESCHEDULED', rescheduledToUid: 'b-2' })
    expect(mapApiBooking({ ...booking, status: 'awaiting_host' }).status).toBeNull()
  })

  it('reads the booker’s absence as a no-show', () => {
    const absent = { ...booking, attendees: [{ ...booking.attendees[0]!, absent: true }] }
    expect(mapApiBooking(absent).noShow).toBe(true)
    expect(mapApiBooking(booking).noShow).toBe(false)
  })
})
