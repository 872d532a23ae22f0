// A double submit books once (issue 12, item 4), against the Cal.com sandbox over HTTP with real
// SQLite: two identical POST /api/appointments at once (a double click) make one Cal.com booking.
// With an Idempotency-Key the repeat gets the first answer, also after a restart; without one, the
// same client, service and start shortly after is refused with a 409 naming the booking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActionResult } from '../../../shared/api/schemas'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { deskFetch, makeDataDir, type TempDesk } from '../../../../test/support/temp-desk'
import { rmSync } from 'node:fs'
import { startCalcomLink, type CalcomLink } from '../outbound/calcom-link.test-support'
import {
  act,
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
  deskSignals,
} from '../outbound/outbound.test-support'
import { until } from '../../../../test/support/until'

type ErrorBody = { error: { code: string; message: string; field?: string; uid?: string } }

let sandbox: RunningSandbox
let state: SandboxState
let link: CalcomLink
let desk: TempDesk
let dataDir: string
let slots: string[]

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: SANDBOX_NOW })
  state = await sandboxState(sandbox.url)
  link = await startCalcomLink(sandbox.url)
  dataDir = makeDataDir()
  desk = await deskOn(link.url, { dataDir })
  await connectWithApiKey(desk, state.accounts[0]!.apiKey)
  slots = (await slotsOf(desk, eventTypeOf(desk, 'haircut').id)).slots
})
afterAll(async () => {
  await desk?.close()
  await link?.close()
  await sandbox?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** The n-th of slots far enough apart (a haircut and its buffer span two) to never clash. */
const slotAt = (n: number) => {
  const slot = slots[n * 2]
  if (!slot) throw new Error(`only ${slots.length} slots tomorrow`)
  return slot
}

/** Cal.com's bookings of one attendee, by email. */
const calcomBookingsOf = (email: string) =>
  [...sandbox.sandbox.store.bookings.values()].filter((b) =>
    b.attendees.some((a) => a.email === email),
  )

/** Resolves once the desk has nothing left to send to Cal.com. */
const drained = () =>
  until('the outbox to drain', async () => (await openOutbox(desk)).length === 0, deskSignals(desk))

const bookingBody = (email: string, start: string) => ({
  eventTypeId: eventTypeOf(desk, 'haircut').id,
  start,
  attendee: { name: 'Double Click', email },
})

describe('a double submit books once', () => {
  it('answers two identical posts with one key with the same answer, and books once', async () => {
    const body = bookingBody('twice@example.com', slotAt(0))
    const key = 'form-7f3a1c'
    const [first, second] = await Promise.all([
      post(desk, '/api/appointments', body, { 'idempotency-key': key }),
      post(desk, '/api/appointments', body, { 'idempotency-key': key }),
    ])
    expect([first.status, second.status]).toEqual([202, 202])
    const a = await json<ActionResult>(first)
    expect(await json<ActionResult>(second)).toEqual(a)

    await syncedFrom(desk, a.outboxId!)
    await drained()
    expect(calcomBookingsOf('twice@example.com')).toHaveLength(1)

    // A third try after the booking reached Cal.com still gets the first answer, and sends nothing.
    const postsBefore = link.count('POST', '/v2/bookings')
    const third = await post(desk, '/api/appointments', body, { 'idempotency-key': key })
    expect(third.status).toBe(202)
    expect(await json<ActionResult>(third)).toEqual(a)
    await drained()
    expect(link.count('POST', '/v2/bookings')).toBe(postsBefore)
  })

  it('refuses the same key with a different booking, naming the key', async () => {
    const key = 'form-reused'
    const first = await post(desk, '/api/appointments', bookingBody('k1@example.com', slotAt(1)), {
      'idempotency-key': key,
    })
    expect(first.status).toBe(202)
    const other = await post(desk, '/api/appointments', bookingBody('k2@example.com', slotAt(1)), {
      'idempotency-key': key,
    })
    expect(other.status).toBe(422)
    expect((await json<ErrorBody>(other)).error).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      field: 'idempotency-key',
    })
    await drained()
    expect(calcomBookingsOf('k2@example.com')).toHaveLength(0)
  })

  it('refuses a key that is not a printable token, naming the header', async () => {
    for (const key of ['', 'x'.repeat(256), 'two words']) {
      const res = await post(
        desk,
        '/api/appointments',
        bookingBody('bad-key@example.com', slotAt(2)),
        {
          'idempotency-key': key,
        },
      )
      expect(res.status, JSON.stringify(key)).toBe(400)
      expect((await json<ErrorBody>(res)).error.field).toBe('idempotency-key')
    }
  })

  it('without a key, books the first of two identical posts and refuses the other naming it', async () => {
    const body = bookingBody('nokey@example.com', slotAt(3))
    const answers = await Promise.all([
      post(desk, '/api/appointments', body),
      post(desk, '/api/appointments', body),
    ])
    const statuses = answers.map((r) => r.status).sort()
    expect(statuses).toEqual([202, 409])
    const booked = await json<ActionResult>(answers.find((r) => r.status === 202)!)
    const refused = (await json<ErrorBody>(answers.find((r) => r.status === 409)!)).error
    expect(refused).toMatchObject({ code: 'DUPLICATE_BOOKING', uid: booked.appointment.uid })
    expect(refused.message).toContain(booked.appointment.uid)

    // Once synced, a repeat names the booking by the uid Cal.com gave it.
    const synced = await syncedFrom(desk, booked.outboxId!)
    const again = await post(desk, '/api/appointments', body)
    expect(again.status).toBe(409)
    expect((await json<ErrorBody>(again)).error).toMatchObject({
      code: 'DUPLICATE_BOOKING',
      uid: synced.uid,
    })
    await drained()
    expect(calcomBookingsOf('nokey@example.com')).toHaveLength(1)

    // Cancelled, the same booking may be made again.
    await act(desk, synced.uid, 'cancel', { reason: 'booked by mistake' })
    await drained()
    expect((await post(desk, '/api/appointments', body)).status).toBe(202)
  })

  it('knows the client by email, else phone, else name', async () => {
    const haircut = eventTypeOf(desk, 'haircut').id
    const start = slotAt(4)
    const byPhone = {
      eventTypeId: haircut,
      start,
      attendee: { name: 'P One', phone: '+1 555 0101' },
    }
    expect((await post(desk, '/api/appointments', byPhone)).status).toBe(202)
    const samePhone = { ...byPhone, attendee: { name: 'P. One', phone: '+1 555 0101' } }
    expect((await post(desk, '/api/appointments', samePhone)).status).toBe(409)
    const byName = { eventTypeId: haircut, start: slotAt(6), attendee: { name: 'Walk In Wendy' } }
    expect((await post(desk, '/api/appointments', byName)).status).toBe(202)
    const sameName = { ...byName, attendee: { name: '  walk in wendy ' } }
    expect((await post(desk, '/api/appointments', sameName)).status).toBe(409)
    await drained()
  })

  it('keeps the first answer across a restart', async () => {
    const body = bookingBody('restart@example.com', slotAt(5))
    const key = 'form-before-restart'
    const first = await post(desk, '/api/appointments', body, { 'idempotency-key': key })
    expect(first.status).toBe(202)
    const a = await json<ActionResult>(first)
    await syncedFrom(desk, a.outboxId!)
    await desk.close()
    desk = await deskOn(link.url, { dataDir })
    const repeat = await post(desk, '/api/appointments', body, { 'idempotency-key': key })
    expect(repeat.status).toBe(202)
    expect(await json<ActionResult>(repeat)).toEqual(a)
    await drained()
    expect(calcomBookingsOf('restart@example.com')).toHaveLength(1)
  })

  it('replays the whole first answer, a chosen staff member’s notice included', async () => {
    const haircut = eventTypeOf(desk, 'haircut')
    const [start] = (await slotsOf(desk, haircut.id, '2026-03-12')).slots
    // Connecting links staff to Cal.com hosts from the last 30 real days of bookings, which this
    // sandbox's March does not reach: link one of the haircut's hosts by hand.
    const hostId = sandbox.sandbox.store.eventTypes.get(haircut.calcomId)!.hostIds[0]!
    const member = desk.services.staff.upsert({
      branchId: desk.services.branches.current().id,
      calcomHostId: hostId,
      name: 'Linked Host',
    })
    const body = {
      eventTypeId: haircut.id,
      staffId: member.id,
      start,
      attendee: { name: 'With Staff', email: 'with-staff@example.com' },
    }
    const key = 'form-with-staff'
    const [first, second] = await Promise.all([
      post(desk, '/api/appointments', body, { 'idempotency-key': key }),
      post(desk, '/api/appointments', body, { 'idempotency-key': key }),
    ])
    expect([first.status, second.status]).toEqual([202, 202])
    const a = await json<ActionResult>(first)
    expect(a.notice).toEqual(expect.any(String))
    expect(await json<ActionResult>(second)).toEqual(a)
  })

  it('documents the Idempotency-Key header in the OpenAPI document', async () => {
    const doc = await json<{
      paths: Record<string, { post?: { parameters?: { name: string; in: string }[] } }>
    }>(deskFetch(desk, '/api/openapi.json'))
    const params = doc.paths['/api/appointments']?.post?.parameters ?? []
    expect(params).toContainEqual(
      expect.objectContaining({ name: 'idempotency-key', in: 'header' }),
    )
  })
})
