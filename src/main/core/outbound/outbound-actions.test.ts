// The desk's actions against the Cal.com sandbox over HTTP, with real SQLite: each action is
// shown at once as "waiting to sync", reaches Cal.com exactly once, and ends with Cal.com's state.
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
  post,
  SANDBOX_NOW,
  sandboxState,
  slotsOf,
  syncedFrom,
  deskSignals,
} from './outbound.test-support'
import { calcomAsBranch } from '../../../../test/support/sandbox-calcom'
import { until } from '../../../../test/support/until'

let sandbox: RunningSandbox
let state: SandboxState
let link: CalcomLink
let desk: TempDesk

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: SANDBOX_NOW })
  state = await sandboxState(sandbox.url)
  link = await startCalcomLink(sandbox.url)
  desk = await deskOn(link.url)
  await connectWithApiKey(desk, state.accounts[0]!.apiKey)
})
afterAll(async () => {
  await desk?.dispose()
  await link?.close()
  await sandbox?.close()
})

/** Cal.com's own copy of a booking, read in the sandbox. */
const inCalcom = (uid: string) => sandbox.sandbox.store.bookings.get(uid)
const calls = (method: string, path: string) => link.count(method, path)

describe('desk actions reach Cal.com exactly once and end synced', () => {
  it('books, reschedules and cancels', async () => {
    const haircut = eventTypeOf(desk, 'haircut')
    const { slots, stale } = await slotsOf(desk, haircut.id)
    expect(stale).toBe(false)
    expect(slots.length).toBeGreaterThan(4)

    const booked = await book(desk, {
      eventTypeId: haircut.id,
      start: slots[0],
      attendee: { name: 'Ada Walker', email: 'ada@example.com' },
      walkIn: true,
    })
    // Shown at once, under a local placeholder, waiting to sync.
    expect(booked.appointment).toMatchObject({
      syncState: 'pending',
      walkIn: true,
      status: 'SCHEDULED',
    })
    expect(booked.appointment.uid).toMatch(/^local-/)

    const a = await syncedFrom(desk, booked.outboxId!)
    expect(a.uid).not.toMatch(/^local-/)
    expect(appointmentGone(booked.appointment.uid)).toBe(true)
    const created = inCalcom(a.uid)!
    expect(created.metadata).toMatchObject({ frontdeskMutationId: expect.any(String) })
    expect(a).toMatchObject({
      status: 'SCHEDULED',
      calcomId: created.id,
      walkIn: true,
      start: slots[0],
    })
    expect(calls('POST', '/v2/bookings')).toBe(1)

    const moved = await act(desk, a.uid, 'reschedule', { start: slots[3], reason: 'client asked' })
    expect(moved.appointment).toMatchObject({ uid: a.uid, start: slots[3], syncState: 'pending' })
    const rescheduled = await syncedFrom(desk, moved.outboxId!)
    const old = desk.services.appointments.byUid(a.uid)!
    expect(old).toMatchObject({ status: 'RESCHEDULED', start: slots[0], syncState: 'synced' })
    const next = desk.services.appointments.byUid(old.rescheduledToUid!)!
    expect(next).toMatchObject({
      status: 'SCHEDULED',
      start: slots[3],
      syncState: 'synced',
      rescheduledFromUid: a.uid,
      walkIn: true,
    })
    expect(rescheduled.uid).toBe(a.uid)
    expect(inCalcom(a.uid)).toMatchObject({ status: 'cancelled', rescheduledToUid: next.uid })
    expect(calls('POST', `/v2/bookings/${a.uid}/reschedule`)).toBe(1)

    const cancelled = await act(desk, next.uid, 'cancel', { reason: 'Feeling unwell' })
    expect(cancelled.appointment).toMatchObject({ status: 'CANCELLED', syncState: 'pending' })
    await syncedFrom(desk, cancelled.outboxId!)
    expect(desk.services.appointments.byUid(next.uid)).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'Feeling unwell',
      syncState: 'synced',
    })
    expect(inCalcom(next.uid)).toMatchObject({ status: 'cancelled' })
    expect(calls('POST', `/v2/bookings/${next.uid}/cancel`)).toBe(1)
  })

  it('confirms and declines bookings that need confirmation', async () => {
    const colour = eventTypeOf(desk, 'full-colour')
    const { slots } = await slotsOf(desk, colour.id)
    const one = await book(desk, {
      eventTypeId: colour.id,
      start: slots[0],
      attendee: { name: 'Bo Chen' },
    })
    expect(one.appointment.status).toBe('PENDING')
    const two = await book(desk, {
      eventTypeId: colour.id,
      start: slots[2],
      attendee: { name: 'Cy Ode' },
    })
    const a = await syncedFrom(desk, one.outboxId!)
    const b = await syncedFrom(desk, two.outboxId!)
    expect(inCalcom(a.uid)!.status).toBe('pending')

    const confirmed = await act(desk, a.uid, 'confirm')
    const declined = await act(desk, b.uid, 'decline', { reason: 'No colourist that day' })
    expect(confirmed.appointment).toMatchObject({ status: 'SCHEDULED', syncState: 'pending' })
    expect(declined.appointment).toMatchObject({ status: 'REJECTED', syncState: 'pending' })
    await syncedFrom(desk, confirmed.outboxId!)
    await syncedFrom(desk, declined.outboxId!)
    expect(desk.services.appointments.byUid(a.uid)).toMatchObject({
      status: 'SCHEDULED',
      syncState: 'synced',
    })
    expect(desk.services.appointments.byUid(b.uid)).toMatchObject({
      status: 'REJECTED',
      syncState: 'synced',
    })
    expect(inCalcom(a.uid)!.status).toBe('accepted')
    expect(inCalcom(b.uid)!.status).toBe('rejected')
    expect(calls('POST', `/v2/bookings/${a.uid}/confirm`)).toBe(1)
    expect(calls('POST', `/v2/bookings/${b.uid}/decline`)).toBe(1)
  })

  it('a cancel queued while the owner declined the booking in Cal.com has done its job, not "needs attention"', async () => {
    const colour = eventTypeOf(desk, 'full-colour')
    const { slots } = await slotsOf(desk, colour.id)
    const booked = await book(desk, {
      eventTypeId: colour.id,
      start: slots[slots.length - 1],
      attendee: { name: 'Di Moss' },
    })
    const pending = await syncedFrom(desk, booked.outboxId!)
    link.down()
    try {
      const cancelled = await act(desk, pending.uid, 'cancel', { reason: 'Client phoned' })
      // Meanwhile the owner declines it in Cal.com: the client is not coming either way.
      const res = await calcomAsBranch(
        sandbox.url,
        state.accounts[0]!.apiKey,
        `/v2/bookings/${pending.uid}/decline`,
        { reason: 'Owner declined' },
      )
      expect(res.status).toBe(200)
      link.up()
      await until(
        'the queued cancel to settle',
        () => desk.services.outbox.byId(cancelled.outboxId!)?.state === 'done',
        deskSignals(desk),
      )
    } finally {
      link.up()
    }
    expect(desk.services.outbox.list(['needs_attention'])).toEqual([])
    expect(inCalcom(pending.uid)!.status).toBe('rejected')
    await until(
      'the appointment to show Cal.com again',
      () => desk.services.appointments.byUid(pending.uid)?.syncState === 'synced',
      deskSignals(desk),
    )
    expect(desk.services.appointments.byUid(pending.uid)!.status).toBe('REJECTED')
  })

  it('queues actions on a booking Cal.com has not taken yet, and sends them with its real uid', async () => {
    const haircut = eventTypeOf(desk, 'haircut')
    const { slots } = await slotsOf(desk, haircut.id)
    // The create's first attempt hangs and is cut: its outcome is unknown.
    await fetch(`${sandbox.url}/_sandbox/faults/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'hang', count: 1, pathPrefix: '/v2/bookings', hangMs: 300 }),
    })
    const creates = calls('POST', '/v2/bookings')
    const booked = await book(desk, {
      eventTypeId: haircut.id,
      start: slots[5],
      attendee: { name: 'Di Ng', phone: '+1 416 555 0101' },
    })
    const placeholder = booked.appointment.uid
    const cancel = await act(desk, placeholder, 'cancel', { reason: 'Booked by mistake' })
    expect(cancel.appointment).toMatchObject({
      uid: placeholder,
      status: 'CANCELLED',
      syncState: 'pending',
    })

    const done = await syncedFrom(desk, cancel.outboxId!)
    expect(done.uid).not.toBe(placeholder)
    expect(done).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Booked by mistake' })
    expect(inCalcom(done.uid)).toMatchObject({ status: 'cancelled' })
    // The hung attempt never reached Cal.com's booking service (the sandbox never answered it);
    // the lookup found nothing, so the create was sent once more — and exactly one booking exists.
    const mutationId = desk.services.outbox.byId(booked.outboxId!)!.mutationId
    const mine = [...sandbox.sandbox.store.bookings.values()].filter(
      (b) => b.metadata?.frontdeskMutationId === mutationId,
    )
    expect(mine).toHaveLength(1)
    expect(calls('POST', '/v2/bookings') - creates).toBe(1)
    expect(calls('GET', '/v2/bookings')).toBeGreaterThanOrEqual(1)
    expect(calls('POST', `/v2/bookings/${done.uid}/cancel`)).toBe(1)
  })

  it('marks a no-show after the start, and keeps visit state and notes at the desk', async () => {
    const haircut = eventTypeOf(desk, 'haircut')
    const { slots } = await slotsOf(desk, haircut.id)
    const booked = await book(desk, {
      eventTypeId: haircut.id,
      start: slots[6],
      attendee: { name: 'Ed Fox', email: 'ed@example.com' },
    })
    const a = await syncedFrom(desk, booked.outboxId!)

    const visit = await post(desk, `/api/appointments/${a.uid}/visit`, {
      state: 'ARRIVED',
      notes: 'Prefers tea',
    })
    expect(visit.status).toBe(200)
    expect((await visit.json()) as unknown).toMatchObject({
      outboxId: null,
      appointment: { visitState: 'ARRIVED', syncState: 'synced' },
    })
    expect(desk.services.appointments.rowByUid(a.uid)!.deskNotes).toBe('Prefers tea')

    // Cal.com takes no-shows only after the start.
    await fetch(`${sandbox.url}/_sandbox/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: new Date(Date.parse(slots[6]!) + 10 * 60_000).toISOString() }),
    })
    const noShow = await act(desk, a.uid, 'no-show')
    expect(noShow.appointment).toMatchObject({ status: 'NO_SHOW', syncState: 'pending' })
    await syncedFrom(desk, noShow.outboxId!)
    expect(desk.services.appointments.byUid(a.uid)).toMatchObject({
      status: 'NO_SHOW',
      syncState: 'synced',
      visitState: 'ARRIVED',
    })
    expect(inCalcom(a.uid)!.attendees[0]!.absent).toBe(true)
    expect(calls('POST', `/v2/bookings/${a.uid}/mark-absent`)).toBe(1)
  })
})

describe('who acted, and bad input', () => {
  it('records the desk user from X-Desk-User in the outbox and audit rows, and refuses unknown ones', async () => {
    const db = desk.services.db
    // Desk users have no API of their own yet: the row is written as their admin screen would.
    const user = db.$client
      .prepare(
        "insert into desk_users (name, role) values ('Reception', 'RECEPTIONIST') returning id",
      )
      .get() as { id: number }
    const haircut = eventTypeOf(desk, 'haircut')
    // The day after tomorrow: the no-show test moved the sandbox clock into tomorrow.
    const { slots } = await slotsOf(desk, haircut.id, '2026-03-12')
    const booked = await book(
      desk,
      { eventTypeId: haircut.id, start: slots[0], attendee: { name: 'Flo Gray' } },
      { 'x-desk-user': String(user.id) },
    )
    expect(desk.services.outbox.byId(booked.outboxId!)!.createdBy).toBe(user.id)
    const audit = desk.services.audit.entries(`appointment:${booked.appointment.uid}`)
    expect(audit).toEqual([
      expect.objectContaining({ action: 'appointment.book', userId: user.id }),
    ])
    const a = await syncedFrom(desk, booked.outboxId!)

    const before = desk.services.outbox.counts()
    const res = await post(
      desk,
      `/api/appointments/${a.uid}/cancel`,
      { reason: 'x' },
      { 'x-desk-user': '999' },
    )
    expect(res.status).toBe(400)
    expect(await json<{ error: { field: string } }>(res)).toMatchObject({
      error: { field: 'x-desk-user' },
    })
    expect(desk.services.outbox.counts()).toEqual(before)
    expect(desk.services.appointments.byUid(a.uid)!.status).toBe('SCHEDULED')
  })

  it('answers 400 naming the field, 409 for a taken slot or a wrong state, and changes nothing', async () => {
    const haircut = eventTypeOf(desk, 'haircut')
    const before = desk.services.outbox.counts()
    const count = () =>
      desk.services.db.$client.prepare('select count(*) as n from appointments').get()
    const rows = count()

    const noName = await post(desk, '/api/appointments', {
      eventTypeId: haircut.id,
      start: '2026-03-11T14:00:00.000Z',
      attendee: {},
    })
    expect(noName.status).toBe(400)
    expect(await json<{ error: { field: string; message: string } }>(noName)).toMatchObject({
      error: { field: 'attendee.name', message: 'attendee.name is required' },
    })
    const badStart = await post(desk, '/api/appointments', {
      eventTypeId: haircut.id,
      start: 'tomorrow',
      attendee: { name: 'X' },
    })
    expect((await json<{ error: { field: string } }>(badStart)).error.field).toBe('start')
    const noType = await post(desk, '/api/appointments', {
      eventTypeId: 99999,
      start: '2026-03-11T14:00:00.000Z',
      attendee: { name: 'X' },
    })
    expect(noType.status).toBe(400)
    expect((await json<{ error: { field: string } }>(noType)).error.field).toBe('eventTypeId')
    // 03:00 in Toronto is not a slot.
    const notASlot = await post(desk, '/api/appointments', {
      eventTypeId: haircut.id,
      start: '2026-03-11T07:00:00.000Z',
      attendee: { name: 'X' },
    })
    expect(notASlot.status).toBe(409)
    expect(await json<{ error: { code: string; field: string } }>(notASlot)).toMatchObject({
      error: { code: 'SLOT_UNAVAILABLE', field: 'start' },
    })
    const noReason = await post(desk, '/api/appointments/whatever/cancel', {})
    expect((await json<{ error: { field: string } }>(noReason)).error.field).toBe('reason')
    const missing = await post(desk, '/api/appointments/nope/cancel', { reason: 'x' })
    expect(missing.status).toBe(404)
    const discard = await post(desk, '/api/outbox/1/discard', {})
    expect((await json<{ error: { field: string } }>(discard)).error.field).toBe('confirm')

    expect(desk.services.outbox.counts()).toEqual(before)
    expect(count()).toEqual(rows)
    const list = await json<unknown[]>(deskFetch(desk, '/api/outbox?state=done'))
    expect(list.length).toBe(before.done)
  })
})

function appointmentGone(uid: string): boolean {
  return desk.services.appointments.byUid(uid) === undefined
}
