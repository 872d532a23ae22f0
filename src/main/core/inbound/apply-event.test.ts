// Applying Cal.com webhooks to a real desk (real SQLite file, real local API): the status
// mapping of DESIGN.md §3, redelivery, reordering, the outbox's pending rows, desk-owned fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import type { AppointmentDetail, LiveEvent } from '../../../shared/api/schemas'
import type { InboundApplier } from './apply-event'
import { mapWebhookBody } from '../appointments/booking-mapping'
import { example, stamped } from '../appointments/webhook-examples.test-support'

let desk: TempDesk
let applier: InboundApplier
const events: LiveEvent[] = []

beforeAll(async () => {
  desk = await startTempDesk()
  applier = desk.services.sync.applier
  desk.services.bus.subscribe((e) => events.push(e))
})
afterAll(() => desk?.dispose())

const apply = (body: string) =>
  applier.applyChanges(mapWebhookBody(body).changes, {
    source: 'calcom',
    key: mapWebhookBody(body).key,
  })
const row = (uid: string) => desk.services.appointments.rowByUid(uid)
const historyOf = (uid: string) => desk.services.appointments.history(uid)
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString()

const created = (uid: string, t: string) => stamped('booking_created.json', t, { uid })
const noShow = (uid: string, t: string, mark: boolean) =>
  stamped(mark ? 'booking_no_show_updated.json' : 'booking_no_show_updated_unmarked.json', t, {
    bookingUid: uid,
    attendees: [{ email: 'guest@example.com', noShow: mark }],
  })

describe('DESIGN §3 status mapping, applied', () => {
  it('BOOKING_CREATED → SCHEDULED, with history and a live event for its day', async () => {
    events.length = 0
    const r = apply(created('m-a', at(0)))
    expect(r.changed).toEqual(['m-a'])
    expect(row('m-a')).toMatchObject({
      status: 'SCHEDULED',
      attendeeName: 'Guest User',
      startsAt: Date.parse('2024-01-01T10:00:00Z'),
      calcomUpdatedAt: Date.parse(at(0)),
      syncState: 'synced',
    })
    expect(events).toContainEqual(expect.objectContaining({ type: 'appointments', uids: ['m-a'] }))
    const detail = (await (
      await deskFetch(desk, '/api/appointments/m-a')
    ).json()) as AppointmentDetail
    expect(detail.appointment).toMatchObject({ uid: 'm-a', status: 'SCHEDULED' })
    expect(detail.history.map((h) => [h.source, h.code])).toEqual([['calcom', 'created']])
    expect((await deskFetch(desk, '/api/appointments/nope')).status).toBe(404)
  })

  it('BOOKING_RESCHEDULED → new uid SCHEDULED with rescheduledFrom, old uid RESCHEDULED with rescheduledTo', () => {
    apply(stamped('booking_rescheduled.json', at(1), { uid: 'm-b', rescheduleUid: 'm-a' }))
    expect(row('m-b')).toMatchObject({ status: 'SCHEDULED', rescheduledFromUid: 'm-a' })
    expect(row('m-a')).toMatchObject({ status: 'RESCHEDULED', rescheduledToUid: 'm-b' })
  })

  it('a reschedule of a booking the desk never saw still records the old half', () => {
    apply(stamped('booking_rescheduled.json', at(1), { uid: 'm-b2', rescheduleUid: 'm-never' }))
    expect(row('m-never')).toMatchObject({
      status: 'RESCHEDULED',
      rescheduledToUid: 'm-b2',
      startsAt: Date.parse('2024-01-05T14:30:00Z'),
    })
  })

  it('NO_SHOW true → NO_SHOW; false → back to the prior status (SCHEDULED, or COMPLETED after MEETING_ENDED)', () => {
    apply(noShow('m-b', at(2), true))
    expect(row('m-b')).toMatchObject({ status: 'NO_SHOW', statusBeforeNoShow: 'SCHEDULED' })
    apply(noShow('m-b', at(3), false))
    expect(row('m-b')).toMatchObject({ status: 'SCHEDULED', statusBeforeNoShow: null })

    const ended = JSON.parse(example('meeting_ended.json'))
    Object.assign(ended, { uid: 'm-b', updatedAt: at(4), idempotencyKey: 'k-m-b' })
    apply(JSON.stringify(ended))
    expect(row('m-b')?.status).toBe('COMPLETED')

    apply(noShow('m-b', at(5), true))
    expect(row('m-b')).toMatchObject({ status: 'NO_SHOW', statusBeforeNoShow: 'COMPLETED' })
    apply(noShow('m-b', at(6), false))
    expect(row('m-b')?.status).toBe('COMPLETED')
  })

  it('BOOKING_PAID → paid, without undoing what the desk knows', () => {
    apply(stamped('booking_paid.json', at(7), { uid: 'm-b' }))
    expect(row('m-b')).toMatchObject({ paid: true, status: 'COMPLETED' })
  })

  it('CANCELLED (reason, request-reschedule), REJECTED (reason), REQUESTED → PENDING', () => {
    apply(stamped('booking_cancelled.json', at(1), { uid: 'm-c' }))
    expect(row('m-c')).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'I am no longer able to attend this session.',
      requestReschedule: false,
    })
    apply(stamped('booking_cancelled_request_reschedule.ASSEMBLED.json', at(2), { uid: 'm-c' }))
    expect(row('m-c')).toMatchObject({ status: 'CANCELLED', requestReschedule: true })
    apply(stamped('booking_rejected.json', at(1), { uid: 'm-d' }))
    expect(row('m-d')).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'The organizer is no longer available at this time.',
    })
    apply(stamped('booking_requested.json', at(1), { uid: 'm-e' }))
    expect(row('m-e')?.status).toBe('PENDING')
  })
})

describe('redelivery and reordering', () => {
  it('the same event delivered again changes nothing', () => {
    const body = created('r-a', at(10))
    expect(apply(body).changed).toEqual(['r-a'])
    events.length = 0
    const again = apply(body)
    expect(again).toMatchObject({ duplicate: true, changed: [] })
    expect(historyOf('r-a')).toHaveLength(1)
    expect(events).toEqual([])
  })

  it('older news arriving after newer ends in the newest state', () => {
    apply(stamped('booking_cancelled.json', at(12), { uid: 'r-b' }))
    const late = apply(created('r-b', at(11)))
    expect(late.outcomes[0]?.action).toBe('stale')
    expect(row('r-b')?.status).toBe('CANCELLED')

    apply(stamped('booking_rescheduled.json', at(14), { uid: 'r-c2', rescheduleUid: 'r-c' }))
    apply(created('r-c', at(13)))
    expect(row('r-c')).toMatchObject({ status: 'RESCHEDULED', rescheduledToUid: 'r-c2' })

    apply(created('r-d', at(10)))
    apply(noShow('r-d', at(16), false))
    apply(noShow('r-d', at(15), true))
    expect(row('r-d')?.status).toBe('SCHEDULED')
  })

  it('a webhook as old as the state held but saying otherwise, or a no-show for an unknown booking, asks for a fetch', () => {
    apply(created('r-e', at(20)))
    const tie = apply(stamped('booking_cancelled.json', at(20), { uid: 'r-e' }))
    expect(tie.doubts).toEqual(['r-e'])
    expect(row('r-e')?.status).toBe('SCHEDULED')
    expect(apply(noShow('r-unknown', at(21), true)).doubts).toEqual(['r-unknown'])
  })

  it('API state wins at an equal version and is ignored when older', () => {
    apply(created('r-f', at(30)))
    const api = (status: string, updatedAt: string) => ({
      id: 1,
      uid: 'r-f',
      title: 'Haircut',
      status,
      start: '2024-01-01T10:00:00Z',
      end: '2024-01-01T10:15:00Z',
      hosts: [],
      attendees: [{ name: 'Guest User', email: 'guest@example.com' }],
      updatedAt,
    })
    applier.applyApiBookings([api('cancelled', at(29))], 'reconcile')
    expect(row('r-f')?.status).toBe('SCHEDULED')
    applier.applyApiBookings([api('cancelled', at(30))], 'reconcile')
    expect(row('r-f')?.status).toBe('CANCELLED')
    expect(historyOf('r-f').at(-1)).toMatchObject({ source: 'reconcile' })
  })
})

describe('what the desk owns', () => {
  it('inbound news for a row the outbox owns (pending) is held, not applied; payment still lands', () => {
    apply(created('o-a', at(40)))
    const { appointments, db } = desk.services
    appointments.patchInTx(db, 'o-a', {
      syncState: 'pending',
      startsAt: Date.parse('2024-01-01T12:00:00Z'),
    })
    const r = apply(stamped('booking_cancelled.json', at(41), { uid: 'o-a' }))
    expect(r.outcomes[0]?.action).toBe('held')
    expect(row('o-a')).toMatchObject({ status: 'SCHEDULED', syncState: 'pending' })
    expect(applier.heldUids()).toContain('o-a')
    apply(stamped('booking_paid.json', at(42), { uid: 'o-a' }))
    expect(row('o-a')).toMatchObject({ paid: true, startsAt: Date.parse('2024-01-01T12:00:00Z') })
  })

  it('visit state, walk-in and desk notes survive Cal.com updates', () => {
    apply(created('o-b', at(50)))
    const { appointments, db } = desk.services
    appointments.patchInTx(db, 'o-b', {
      visitState: 'ARRIVED',
      walkIn: true,
      deskNotes: 'prefers Ana',
    })
    apply(stamped('booking_cancelled.json', at(51), { uid: 'o-b' }))
    expect(row('o-b')).toMatchObject({
      status: 'CANCELLED',
      visitState: 'ARRIVED',
      walkIn: true,
      deskNotes: 'prefers Ana',
    })
  })
})

describe('a reschedule keeps the payment', () => {
  // Found by the convergence test: the desk showed a paid client's moved booking as unpaid.
  const rescheduled = (from: string, to: string, t: string) =>
    stamped('booking_rescheduled.json', t, { uid: to, rescheduleUid: from })
  const paid = (uid: string, t: string) => stamped('booking_paid.json', t, { uid })

  it('the new booking of a paid one is paid', () => {
    apply(created('pay-a', at(0)))
    apply(paid('pay-a', at(1)))
    apply(rescheduled('pay-a', 'pay-b', at(2)))
    expect(row('pay-b')).toMatchObject({ paid: true, rescheduledFromUid: 'pay-a' })
  })

  it('a payment heard after the reschedule reaches the new booking too', () => {
    apply(created('pay-c', at(0)))
    apply(rescheduled('pay-c', 'pay-d', at(2)))
    expect(row('pay-d')?.paid).toBe(false)
    apply(paid('pay-c', at(1)))
    expect(row('pay-c')).toMatchObject({ paid: true, status: 'RESCHEDULED' })
    expect(row('pay-d')?.paid).toBe(true)
  })
})
