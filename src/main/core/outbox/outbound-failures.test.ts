// The outbox when Cal.com misbehaves: unreachable, a slot taken meanwhile, a 429 storm, an answer
// lost after Cal.com acted. Nothing is lost, nothing is sent twice, and the rest keeps moving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { startCalcomLink, type CalcomLink } from './calcom-link.test-support'
import {
  act,
  book,
  connectWithApiKey,
  deskOn,
  eventTypeOf,
  json,
  openOutbox,
  post,
  SANDBOX_NOW,
  sandboxState,
  slotsOf,
  syncedFrom,
  until,
} from './outbound.test-support'
import { DISCARDED_BOOKING_REASON } from './outbox-commands'

interface World {
  sandbox: RunningSandbox
  state: SandboxState
  link: CalcomLink
  desk: TempDesk
}

async function world(rateLimit?: {
  apiKeyLimit: number
  windowMs: number
  blockMs: number
}): Promise<World> {
  const sandbox = await startSandbox({ port: 0, now: SANDBOX_NOW, rateLimit })
  const state = await sandboxState(sandbox.url)
  const link = await startCalcomLink(sandbox.url)
  const desk = await deskOn(link.url)
  await connectWithApiKey(desk, state.accounts[0]!.apiKey)
  return { sandbox, state, link, desk }
}
async function end(w: World | undefined) {
  await w?.desk.dispose()
  await w?.link.close()
  await w?.sandbox.close()
}

/** Slots that do not overlap one another, so every booking can succeed. */
function apart(slots: string[], minutes: number): string[] {
  const out: string[] = []
  for (const s of slots) {
    const last = out[out.length - 1]
    if (!last || Date.parse(s) - Date.parse(last) >= minutes * 60_000) out.push(s)
  }
  return out
}

const bookingsOf = (w: World, mutationId: string) =>
  [...w.sandbox.sandbox.store.bookings.values()].filter(
    (b) => b.metadata?.frontdeskMutationId === mutationId,
  )
const mutationOf = (w: World, outboxId: number) => w.desk.services.outbox.byId(outboxId)!.mutationId

describe('Cal.com unreachable, and a slot taken meanwhile', () => {
  let w: World
  beforeAll(async () => (w = await world()))
  afterAll(() => end(w))

  it('books a walk-in offline at once, serves stale slots with their age, and sends it exactly once when Cal.com is back', async () => {
    const haircut = eventTypeOf(w.desk, 'haircut')
    const online = await slotsOf(w.desk, haircut.id)
    expect(online.stale).toBe(false)

    w.link.down()
    const creates = w.link.count('POST', '/v2/bookings')
    const walkIn = await book(w.desk, {
      eventTypeId: haircut.id,
      start: online.slots[1],
      attendee: { name: 'Gil Hart' },
      walkIn: true,
    })
    expect(walkIn.appointment).toMatchObject({ syncState: 'pending', walkIn: true })
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
      w.desk,
      () => (w.desk.services.outbox.byId(walkIn.outboxId!)!.attempts >= 2 ? true : undefined),
      'a few failed attempts',
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

  it('turns a create whose slot was taken into needs_attention with the reason, while a later unrelated row drains', async () => {
    const haircut = eventTypeOf(w.desk, 'haircut')
    const { slots } = await slotsOf(w.desk, haircut.id, '2026-03-12')
    const earlier = await book(w.desk, {
      eventTypeId: haircut.id,
      start: slots[4],
      attendee: { name: 'Hal Ito' },
    })
    const other = await syncedFrom(w.desk, earlier.outboxId!)

    w.link.down()
    const target = slots[0]!
    const doomed = await book(w.desk, {
      eventTypeId: haircut.id,
      start: target,
      attendee: { name: 'Ivy Jo' },
    })
    const later = await act(w.desk, other.uid, 'cancel', { reason: 'Moved away' })
    // Meanwhile every host free at that time is booked by clients online (the others answer 400).
    const account = w.state.accounts[0]!
    const calcomType = account.eventTypes.find((e) => e.slug === 'haircut')!
    for (const hostId of calcomType.hostIds) {
      await fetch(`${w.sandbox.url}/_sandbox/book`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          eventTypeId: calcomType.id,
          start: target,
          hostId,
          attendee: {
            name: `Online ${hostId}`,
            email: `o${hostId}@example.com`,
            timeZone: 'America/Toronto',
          },
        }),
      })
    }
    w.link.up()

    await syncedFrom(w.desk, later.outboxId!)
    expect(w.desk.services.appointments.byUid(other.uid)).toMatchObject({
      status: 'CANCELLED',
      syncState: 'synced',
    })
    const stuck = await until(
      w.desk,
      () =>
        w.desk.services.outbox.byId(doomed.outboxId!)?.state === 'needs_attention' &&
        w.desk.services.outbox.byId(doomed.outboxId!),
      'the create to need attention',
    )
    expect(stuck.lastError).toMatch(/already has booking at this time or is not available/)
    expect(w.desk.services.appointments.byUid(doomed.appointment.uid)).toMatchObject({
      syncState: 'needs_attention',
    })
    const listed = (await openOutbox(w.desk)).find((e) => e.id === doomed.outboxId)
    expect(listed).toMatchObject({ state: 'needs_attention', lastError: stuck.lastError })

    // Discard needs its confirmation; then the booking shows as never booked.
    expect(
      (await post(w.desk, `/api/outbox/${doomed.outboxId}/discard`, { confirm: false })).status,
    ).toBe(400)
    const discarded = await post(w.desk, `/api/outbox/${doomed.outboxId}/discard`, {
      confirm: true,
    })
    expect(discarded.status).toBe(200)
    expect(await discarded.json()).toMatchObject({ state: 'discarded' })
    expect(w.desk.services.appointments.byUid(doomed.appointment.uid)).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: DISCARDED_BOOKING_REASON,
      syncState: 'synced',
    })
    expect(bookingsOf(w, mutationOf(w, doomed.outboxId!))).toHaveLength(0)
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
      w.desk,
      () => w.desk.services.outbox.byId(noShow.outboxId!)?.state === 'needs_attention',
      'the no-show to be refused',
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

describe('a 429 storm', () => {
  let w: World
  const limit = 6
  beforeAll(async () => (w = await world({ apiKeyLimit: limit, windowMs: 2_000, blockMs: 2_000 })))
  afterAll(() => end(w))

  it('loses nothing, sends each booking once, and stays within the limit', async () => {
    const haircut = eventTypeOf(w.desk, 'haircut')
    const { slots } = await slotsOf(w.desk, haircut.id)
    // Someone else with the same key uses the whole budget: Cal.com blocks the key.
    const key = w.state.accounts[0]!.apiKey
    for (let i = 0; i <= limit; i++) {
      await fetch(`${w.sandbox.url}/v2/me`, { headers: { authorization: `Bearer ${key}` } })
    }
    const before = w.link.passed.length
    const booked = await Promise.all(
      apart(slots, haircut.lengthMinutes)
        .slice(0, 8)
        .map((start, i) =>
          book(w.desk, {
            eventTypeId: haircut.id,
            start,
            attendee: { name: `Storm ${i}`, email: `storm${i}@example.com` },
          }),
        ),
    )
    for (const b of booked) await syncedFrom(w.desk, b.outboxId!)
    for (const b of booked) expect(bookingsOf(w, mutationOf(w, b.outboxId!))).toHaveLength(1)
    const seen = w.link.passed.slice(before)
    // Never booked twice: no more successful creates than bookings.
    expect(
      seen.filter((p) => p.method === 'POST' && p.path === '/v2/bookings' && p.status === 201)
        .length,
    ).toBeLessThanOrEqual(8)
    // The governor only sends what it believes the budget covers; once Cal.com's refusal tells it
    // the key is blocked it waits the block out, so refusals stay within one window's budget
    // instead of one per queued call and retry.
    const refused = seen.filter((p) => p.status === 429).length
    expect(refused).toBeLessThanOrEqual(limit)
    expect(seen.length - refused).toBeGreaterThanOrEqual(8)
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
    const a = await syncedFrom(w.desk, booked.outboxId!)
    const made = bookingsOf(w, mutationOf(w, booked.outboxId!))
    expect(made).toHaveLength(1)
    expect(a.uid).toBe(made[0]!.uid)
    expect(w.link.count('POST', '/v2/bookings')).toBe(1)
    const history = await json<{ history: Array<{ change: string }> }>(
      deskFetch(w.desk, `/api/appointments/${a.uid}`),
    )
    expect(history.history.map((h) => h.change)).toContain('found in Cal.com')
  })
})
