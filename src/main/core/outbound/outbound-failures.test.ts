// The outbox when Cal.com misbehaves: unreachable, refusing a change until asked again, an answer
// lost after Cal.com acted. Nothing is lost, nothing is sent twice. A slot taken meanwhile and a
// 429 storm are in test/processes/outbox-failures.test.ts, against the desk as its own process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deskFetch } from '../../../../test/support/temp-desk'
import { closeLinkedDesk, linkedDesk, type LinkedDesk } from './linked-desk.test-support'
import {
  act,
  appointment,
  book,
  eventTypeOf,
  json,
  openOutbox,
  post,
  slotsOf,
  syncedFrom,
  deskSignals,
} from './outbound.test-support'
import { until } from '../../../../test/support/until'
import { mapWebhookBody } from '../appointments/booking-mapping'

type World = LinkedDesk

const world = linkedDesk
const end = closeLinkedDesk

const bookingsOf = (w: World, mutationId: string) =>
  [...w.sandbox.sandbox.store.bookings.values()].filter(
    (b) => b.metadata?.frontdeskMutationId === mutationId,
  )
const mutationOf = (w: World, outboxId: number) => w.desk.services.outbox.byId(outboxId)!.mutationId

/** The desk's booking once sent, checked to be the one booking Cal.com made for that change. */
async function syncedAsTheOneBooking(w: World, outboxId: number) {
  const a = await syncedFrom(w.desk, outboxId)
  const made = bookingsOf(w, mutationOf(w, outboxId))
  expect(made).toHaveLength(1)
  expect(a.uid).toBe(made[0]!.uid)
  return a
}

describe('Cal.com unreachable, or refusing until asked again', () => {
  let w: World
  beforeAll(async () => (w = await world()))
  afterAll(() => end(w))

  it('books a walk-in offline at once, serves stale slots with their age, and sends it exactly once when Cal.com is back', async () => {
    const haircut = eventTypeOf(w.desk, 'haircut')
    const online = await slotsOf(w.desk, haircut.id)
    expect(online.stale).toBe(false)

    w.link.down()
    const creates = w.link.count('POST', '/v2/bookings')
    const slotAsks = () =>
      w.desk.services.apiLog.recent(500).filter((c) => c.path.startsWith('/v2/slots?')).length
    const asked = slotAsks()
    const walkIn = await book(w.desk, {
      eventTypeId: haircut.id,
      start: online.slots[1],
      attendee: { name: 'Gil Hart' },
      walkIn: true,
    })
    expect(walkIn.appointment).toMatchObject({ syncState: 'pending', walkIn: true })
    // The slot check asked Cal.com once and went ahead: it does not wait out read retries.
    expect(slotAsks() - asked).toBe(1)
    const day = await json<{ appointments: Array<{ uid: string; syncState: string }> }>(
      deskFetch(w.desk, `/api/appointments?date=2026-03-11`),
    )
    expect(day.appointments).toContainEqual(
      expect.objectContaining({ uid: walkIn.appointment.uid, syncState: 'pending' }),
    )

    // The booking made the cached day old; Cal.com cannot be asked, so the last answer is served.
    const offline = await slotsOf(w.desk, haircut.id)
    expect(offline).toMatchObject({ stale: true, slots: online.slots, fetchedAt: online.fetchedAt })
    expect(offline.ageSeconds).toBeGreaterThanOrEqual(0)
    const never = await deskFetch(w.desk, `/api/slots?eventTypeId=${haircut.id}&date=2026-03-20`)
    expect(never.status).toBe(503)

    // It keeps trying (with backoff) and loses nothing.
    await until(
      'a few failed attempts',
      () => (w.desk.services.outbox.byId(walkIn.outboxId!)!.attempts >= 2 ? true : undefined),
      deskSignals(w.desk),
    )
    expect((await openOutbox(w.desk)).find((e) => e.id === walkIn.outboxId)).toMatchObject({
      state: expect.stringMatching(/pending|in_flight/),
    })
    expect(w.link.count('POST', '/v2/bookings')).toBe(creates)

    w.link.up()
    const synced = await syncedFrom(w.desk, walkIn.outboxId!)
    expect(synced.walkIn).toBe(true)
    expect(bookingsOf(w, mutationOf(w, walkIn.outboxId!))).toHaveLength(1)
    expect(w.link.count('POST', '/v2/bookings') - creates).toBe(1)
  })

  it('retries a row that needs attention when asked, and it then succeeds', async () => {
    const haircut = eventTypeOf(w.desk, 'haircut')
    const { slots } = await slotsOf(w.desk, haircut.id, '2026-03-12')
    const booked = await book(w.desk, {
      eventTypeId: haircut.id,
      start: slots[2],
      attendee: { name: 'Jo Kim', email: 'jo@example.com' },
    })
    const a = await syncedFrom(w.desk, booked.outboxId!)
    // Cal.com takes no-shows only after the start: refused, so it needs attention.
    const noShow = await act(w.desk, a.uid, 'no-show')
    await until(
      'the no-show to be refused',
      () => w.desk.services.outbox.byId(noShow.outboxId!)?.state === 'needs_attention',
      deskSignals(w.desk),
    )
    expect(w.desk.services.appointments.byUid(a.uid)).toMatchObject({
      status: 'NO_SHOW',
      syncState: 'needs_attention',
    })

    await fetch(`${w.sandbox.url}/_sandbox/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: new Date(Date.parse(slots[2]!) + 5 * 60_000).toISOString() }),
    })
    const retried = await post(w.desk, `/api/outbox/${noShow.outboxId}/retry`, {})
    expect(retried.status).toBe(200)
    await syncedFrom(w.desk, noShow.outboxId!)
    expect(w.desk.services.appointments.byUid(a.uid)).toMatchObject({
      status: 'NO_SHOW',
      syncState: 'synced',
    })
    expect((await post(w.desk, `/api/outbox/${noShow.outboxId}/retry`, {})).status).toBe(409)
  })
})

describe('an unknown outcome', () => {
  let w: World
  beforeAll(async () => (w = await world()))
  afterAll(() => end(w))

  it('adopts a booking Cal.com made although its answer was lost, instead of booking twice', async () => {
    const haircut = eventTypeOf(w.desk, 'haircut')
    const { slots } = await slotsOf(w.desk, haircut.id)
    w.link.loseAnswers(1, 'POST', '/v2/bookings')
    const booked = await book(w.desk, {
      eventTypeId: haircut.id,
      start: slots[2],
      attendee: { name: 'Kai Lu', email: 'kai@example.com' },
    })
    const a = await syncedAsTheOneBooking(w, booked.outboxId!)
    expect(w.link.count('POST', '/v2/bookings')).toBe(1)
    const history = await json<{ history: Array<{ code: string }> }>(
      deskFetch(w.desk, `/api/appointments/${a.uid}`),
    )
    expect(history.history.map((h) => h.code)).toContain('found_in_calcom')
  })

  it('adopts its own booking when Cal.com carried out a lost attempt only after the desk looked for it', async () => {
    // Found by the convergence test (seeds 58 and 141, heavily loaded): a desk restarted with its
    // create on the way; its look-up by mutation id ran before Cal.com got to the first attempt,
    // so it booked again, and Cal.com refused the slot its own first booking had just taken.
    const haircut = eventTypeOf(w.desk, 'haircut')
    const { slots } = await slotsOf(w.desk, haircut.id)
    w.link.deliverLate('POST', '/v2/bookings')
    const booked = await book(w.desk, {
      eventTypeId: haircut.id,
      start: slots[6],
      attendee: { name: 'Ola Nnadi', email: 'ola@example.com' },
    })
    await syncedAsTheOneBooking(w, booked.outboxId!)
    expect(w.desk.services.outbox.byId(booked.outboxId!)?.state).toBe('done')
  })

  it("keeps the booking's mutation id when Cal.com's news of a request to reschedule came before the outbox found the booking", async () => {
    // Found by the convergence test (seed 178, under load). A cancel's body carries no metadata;
    // stamped a millisecond after the booking's updatedAt (a loaded Cal.com), it made the row, and
    // the booking the outbox then found was older news: the desk lost the mutation id for good.
    const apiKey = w.state.accounts[0]!.apiKey
    const hook = await fetch(`${w.sandbox.url}/v2/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        active: true,
        subscriberUrl: `${w.sandbox.url}/nowhere`,
        triggers: ['BOOKING_CANCELLED'],
      }),
    })
    expect(hook.status).toBe(201)
    const haircut = eventTypeOf(w.desk, 'haircut')
    const { slots } = await slotsOf(w.desk, haircut.id)
    w.link.loseAnswers(1, 'POST', '/v2/bookings', { thenDown: true })
    const booked = await book(w.desk, {
      eventTypeId: haircut.id,
      start: slots[4],
      attendee: { name: 'Rae Moss', email: 'rae@example.com' },
    })
    const mutationId = mutationOf(w, booked.outboxId!)
    const made = await until('Cal.com to have made the booking', () => bookingsOf(w, mutationId)[0])

    // The owner asks the client to reschedule; the desk hears it before it finds the booking.
    const asked = await fetch(`${w.sandbox.url}/_sandbox/bookings/${made.uid}/request-reschedule`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Staff ill' }),
    })
    expect(asked.status).toBe(200)
    const sent = await until('the cancel webhook', () =>
      w.sandbox.sandbox.webhooks.log.find(
        (d) => d.trigger === 'BOOKING_CANCELLED' && d.body.includes(made.uid),
      ),
    )
    const body = JSON.parse(sent.body) as { createdAt: string; payload: Record<string, unknown> }
    expect(body.payload.requestReschedule).toBe(true)
    body.createdAt = new Date(Date.parse(made.updatedAt) + 1).toISOString()
    const mapped = mapWebhookBody(JSON.stringify(body))
    w.desk.services.sync.applier.applyChanges(mapped.changes, { source: 'calcom', key: mapped.key })
    expect(appointment(w.desk, made.uid)?.status).toBe('CANCELLED')

    w.link.up()
    const a = await syncedFrom(w.desk, booked.outboxId!)
    expect(a).toMatchObject({ uid: made.uid, status: 'CANCELLED' })
    expect(appointment(w.desk, booked.appointment.uid)).toBeUndefined()
    expect(w.desk.services.appointments.rowByUid(made.uid)?.metadata).toEqual({
      frontdeskMutationId: mutationId,
    })
  })
})
