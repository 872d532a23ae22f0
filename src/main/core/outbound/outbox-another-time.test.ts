// "Choose another time" for a change Cal.com refused for its time (POST /api/outbox/:id/another-time):
// a phone booking whose time clients took while the desk was offline is sent again for a time the
// receptionist picks, and Cal.com then holds it once, at that time, under the same mutation id; a
// refused move goes to the new time instead. What cannot take another time is refused, and a
// refused request changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActionResult, OutboxEntry } from '../../../shared/api/schemas'
import { deskFetch } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import { closeLinkedDesk, linkedDesk, type LinkedDesk } from './linked-desk.test-support'
import {
  act,
  book,
  deskSignals,
  eventTypeOf,
  json,
  post,
  slotsOf,
  syncedFrom,
} from './outbound.test-support'

let w: LinkedDesk
beforeAll(async () => (w = await linkedDesk()))
afterAll(() => closeLinkedDesk(w))

/** Online clients take every host of the service free at `start`, straight at Cal.com. */
async function everyHostTaken(start: string, slug = 'haircut'): Promise<void> {
  const service = w.state.accounts[0]!.eventTypes.find((e) => e.slug === slug)!
  for (const hostId of service.hostIds) {
    const res = await fetch(`${w.sandbox.url}/_sandbox/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        eventTypeId: service.id,
        start,
        hostId,
        attendee: {
          name: `Online ${hostId}`,
          email: `o${hostId}-${Date.parse(start)}@example.com`,
          timeZone: w.state.accounts[0]!.timeZone,
        },
      }),
    })
    // Refused for a host who does not work then: nobody can book them anyway.
    expect([201, 400], await res.clone().text()).toContain(res.status)
  }
}

const refused = (outboxId: number) =>
  until(
    `outbox row ${outboxId} to need attention`,
    () => {
      const row = w.desk.services.outbox.byId(outboxId)
      return row?.state === 'needs_attention' ? row : undefined
    },
    deskSignals(w.desk),
  )

const anotherTime = (outboxId: number, body: unknown) =>
  post(w.desk, `/api/outbox/${outboxId}/another-time`, body)

const calcomBookingsOf = (mutationId: string) =>
  [...w.sandbox.sandbox.store.bookings.values()].filter(
    (b) => b.metadata?.frontdeskMutationId === mutationId,
  )

/**
 * A haircut (or `slug`) booked at the desk while Cal.com was out of reach, at a time clients then
 * took; `offline` runs while Cal.com is still out of reach, after the booking.
 */
async function refusedBooking(
  name: string,
  slot: string,
  {
    slug = 'haircut',
    offline,
  }: { slug?: string; offline?: (uid: string) => Promise<unknown> } = {},
) {
  const service = eventTypeOf(w.desk, slug)
  w.link.down()
  const booked = await book(w.desk, { eventTypeId: service.id, start: slot, attendee: { name } })
  await offline?.(booked.appointment.uid)
  await everyHostTaken(slot, slug)
  w.link.up()
  const row = await refused(booked.outboxId!)
  expect(row.lastError).toMatchObject({ code: 'slot_taken' })
  return booked
}

/** A haircut booked at the desk and made by Cal.com, as the desk now shows it. */
async function bookedInCalcom(name: string, start: string) {
  const haircut = eventTypeOf(w.desk, 'haircut')
  const booked = await book(w.desk, { eventTypeId: haircut.id, start, attendee: { name } })
  return syncedFrom(w.desk, booked.outboxId!)
}

/** Whether the local API's outbox offers another time for this entry (the screens go by it). */
async function offered(outboxId: number, state = 'needs_attention'): Promise<boolean> {
  const entries = await json<OutboxEntry[]>(
    deskFetch(w.desk, `/api/outbox?state=${state}&limit=500`),
  )
  const found = entries.find((e) => e.id === outboxId)
  if (!found) throw new Error(`outbox entry ${outboxId} is not ${state}`)
  return found.canTakeAnotherTime
}

/** Another time for `booked` is refused for the change queued after it, and changes nothing. */
async function refusedFor(booked: ActionResult, start: string, laterOp: string) {
  const uid = booked.appointment.uid
  const rows = () => w.desk.services.outbox.openRowsOf(uid)
  const before = rows()
  expect(await offered(booked.outboxId!)).toBe(false)
  const mutationId = w.desk.services.outbox.byId(booked.outboxId!)!.mutationId
  const res = await anotherTime(booked.outboxId!, { start })
  expect(res.status).toBe(409)
  const { error } = await json<{ error: { code: string; message: string } }>(res)
  expect(error.code).toBe('NOT_ALLOWED')
  expect(error.message).toContain(`has a later ${laterOp} (`)
  expect(rows()).toEqual(before)
  expect(calcomBookingsOf(mutationId)).toEqual([])
}

const historyOf = async (uid: string) =>
  (
    await json<{ history: Array<{ code: string; params: unknown }> }>(
      deskFetch(w.desk, `/api/appointments/${uid}`),
    )
  ).history.map((h) => h.code)

describe('another time with changes queued after the refused one', () => {
  it('takes it with a confirm, a check-in and a note after it, which reach Cal.com after it', async () => {
    // A colour request booked by phone while Cal.com was out of reach, its time taken online;
    // then the client came in: the request confirmed, checked in, a note for the stylist.
    const colour = eventTypeOf(w.desk, 'full-colour')
    const { slots } = await slotsOf(w.desk, colour.id, '2026-03-19')
    const booked = await refusedBooking('Cora Confirmed', slots[0]!, { slug: 'full-colour' })
    const uid = booked.appointment.uid
    const mutationId = w.desk.services.outbox.byId(booked.outboxId!)!.mutationId
    expect(booked.appointment.status).toBe('PENDING')
    const confirm = await act(w.desk, uid, 'confirm')
    await act(w.desk, uid, 'visit', { state: 'ARRIVED', notes: 'Bring the colour chart' })
    expect(await offered(booked.outboxId!)).toBe(true)
    expect(await offered(confirm.outboxId!, 'pending')).toBe(false)

    const res = await anotherTime(booked.outboxId!, { start: slots[3] })
    expect(res.status).toBe(202)
    expect((await json<ActionResult>(res)).appointment).toMatchObject({
      uid,
      start: slots[3],
      status: 'SCHEDULED',
      syncState: 'pending',
    })

    // The confirm went after the booking, to the booking Cal.com made.
    const synced = await syncedFrom(w.desk, booked.outboxId!)
    const confirmed = await until(
      'the confirm to reach Cal.com',
      () => {
        const row = w.desk.services.outbox.byId(confirm.outboxId!)
        return row?.state === 'done' ? row : undefined
      },
      deskSignals(w.desk),
    )
    expect(confirmed.bookingUid).toBe(synced.uid)
    const made = calcomBookingsOf(mutationId)
    expect(made).toHaveLength(1)
    expect(made[0]).toMatchObject({ uid: synced.uid, status: 'accepted' })
    expect(Date.parse(made[0]!.start)).toBe(Date.parse(slots[3]!))
    expect(w.desk.services.appointments.byUid(synced.uid)).toMatchObject({
      start: slots[3],
      status: 'SCHEDULED',
      syncState: 'synced',
      visitState: 'ARRIVED',
      deskNotes: 'Bring the colour chart',
    })
    const history = await historyOf(synced.uid)
    expect(history.indexOf('another_time_at_desk')).toBeLessThan(
      history.indexOf('booked_in_calcom'),
    )
    expect(history.indexOf('booked_in_calcom')).toBeLessThan(history.indexOf('synced_in_calcom'))
  })

  it('refuses it with a move, a decline or a no-show queued after, naming that change', async () => {
    const haircut = eventTypeOf(w.desk, 'haircut')
    const { slots } = await slotsOf(w.desk, haircut.id, '2026-03-20')
    // A move asked for while the booking was still on its way: Cal.com would book the new time,
    // then move it.
    const moved = await refusedBooking('Mia Moved', slots[1]!, {
      offline: (uid) => act(w.desk, uid, 'reschedule', { start: slots[9] }),
    })
    await refusedFor(moved, slots[13]!, 'reschedule')

    // Marked a no-show, then not: the status is live again, the two marks still queued, and
    // Cal.com refuses a no-show before the booking's (new) start.
    const absent = await refusedBooking('Noa Absent', slots[5]!)
    await act(w.desk, absent.appointment.uid, 'no-show')
    await act(w.desk, absent.appointment.uid, 'no-show', { absent: false })
    expect(w.desk.services.appointments.byUid(absent.appointment.uid)?.status).toBe('SCHEDULED')
    await refusedFor(absent, slots[13]!, 'mark_absent')

    // A request declined since: Cal.com would book it, then decline it.
    const colour = eventTypeOf(w.desk, 'full-colour')
    const colourSlots = (await slotsOf(w.desk, colour.id, '2026-03-20')).slots
    const declined = await refusedBooking('Dee Clined', colourSlots[0]!, { slug: 'full-colour' })
    await act(w.desk, declined.appointment.uid, 'decline', {})
    await refusedFor(declined, colourSlots[3]!, 'decline')
  })
})

describe('another time for a change refused for its time', () => {
  it('books a refused new booking at the time chosen, once, under its mutation id', async () => {
    const haircut = eventTypeOf(w.desk, 'haircut')
    const { slots } = await slotsOf(w.desk, haircut.id)
    const booked = await refusedBooking('Rita Refused', slots[2]!)
    const uid = booked.appointment.uid
    const mutationId = w.desk.services.outbox.byId(booked.outboxId!)!.mutationId

    const res = await anotherTime(booked.outboxId!, { start: slots[5] })
    expect(res.status).toBe(202)
    const answer = await json<ActionResult>(res)
    expect(answer).toMatchObject({
      outboxId: booked.outboxId,
      appointment: { uid, start: slots[5], syncState: 'pending' },
    })
    // Its length kept.
    expect(Date.parse(answer.appointment.end) - Date.parse(answer.appointment.start)).toBe(
      Date.parse(booked.appointment.end) - Date.parse(booked.appointment.start),
    )

    const synced = await syncedFrom(w.desk, booked.outboxId!)
    expect(synced).toMatchObject({ start: slots[5], status: 'SCHEDULED', syncState: 'synced' })
    expect(synced.uid).not.toBe(uid)
    const made = calcomBookingsOf(mutationId)
    expect(made).toHaveLength(1)
    expect(made[0]).toMatchObject({ uid: synced.uid, status: 'accepted' })
    expect(Date.parse(made[0]!.start)).toBe(Date.parse(slots[5]!))

    const detail = await json<{ history: Array<{ code: string; params: unknown }> }>(
      deskFetch(w.desk, `/api/appointments/${synced.uid}`),
    )
    expect(detail.history.map((h) => h.code)).toEqual(
      expect.arrayContaining(['booked_at_desk', 'needs_attention', 'another_time_at_desk']),
    )
    expect(detail.history.find((h) => h.code === 'another_time_at_desk')?.params).toEqual({
      op: 'create',
      outboxId: booked.outboxId,
    })
    expect(w.desk.services.audit.entries(`outbox:${booked.outboxId}`)).toEqual([
      expect.objectContaining({
        action: 'outbox.anotherTime',
        detail: expect.objectContaining({ op: 'create', from: slots[2], start: slots[5] }),
      }),
    ])
  })

  it('moves a booking whose refused move asked for a taken time to the time chosen', async () => {
    const haircut = eventTypeOf(w.desk, 'haircut')
    const { slots } = await slotsOf(w.desk, haircut.id, '2026-03-12')
    const a = await bookedInCalcom('Mo Ved', slots[1]!)
    w.link.down()
    const move = await act(w.desk, a.uid, 'reschedule', { start: slots[3] })
    await everyHostTaken(slots[3]!)
    w.link.up()
    await refused(move.outboxId!)

    const res = await anotherTime(move.outboxId!, { start: slots[6], reason: 'Later suits her' })
    expect(res.status).toBe(202)
    expect(w.desk.services.outbox.byId(move.outboxId!)!.payload).toMatchObject({
      start: slots[6],
      reason: 'Later suits her',
    })
    expect((await json<ActionResult>(res)).appointment).toMatchObject({
      uid: a.uid,
      start: slots[6],
    })
    await until(
      'the move to reach Cal.com',
      () => w.desk.services.outbox.byId(move.outboxId!)?.state === 'done' || undefined,
      deskSignals(w.desk),
    )
    const moved = [...w.sandbox.sandbox.store.bookings.values()].find(
      (b) => b.status === 'accepted' && b.attendees.some((x) => x.name === 'Mo Ved'),
    )
    expect(Date.parse(moved!.start)).toBe(Date.parse(slots[6]!))
    expect(w.desk.services.appointments.byUid(a.uid)?.status).toBe('RESCHEDULED')
  })

  it('a reschedule of a refused new booking, through the local API, books it at the new time', async () => {
    // Not only the screens: a move queued behind the refused new booking would wait forever.
    const haircut = eventTypeOf(w.desk, 'haircut')
    const { slots } = await slotsOf(w.desk, haircut.id, '2026-03-17')
    const booked = await refusedBooking('Uma Moved', slots[2]!)
    const mutationId = w.desk.services.outbox.byId(booked.outboxId!)!.mutationId

    const move = await act(w.desk, booked.appointment.uid, 'reschedule', { start: slots[5] })
    expect(move.outboxId).toBe(booked.outboxId)
    expect(w.desk.services.outbox.openRowsOf(booked.appointment.uid)).toHaveLength(1)
    const synced = await syncedFrom(w.desk, booked.outboxId!)
    expect(synced).toMatchObject({ start: slots[5], status: 'SCHEDULED', syncState: 'synced' })
    const made = calcomBookingsOf(mutationId)
    expect(made).toHaveLength(1)
    expect(Date.parse(made[0]!.start)).toBe(Date.parse(slots[5]!))
  })

  it('never books again a refused booking cancelled at the desk since', async () => {
    // Booked, then cancelled, would mail the client twice for nothing.
    const haircut = eventTypeOf(w.desk, 'haircut')
    const { slots } = await slotsOf(w.desk, haircut.id, '2026-03-18')
    const booked = await refusedBooking('Cy Cancelled', slots[2]!)
    const uid = booked.appointment.uid
    const mutationId = w.desk.services.outbox.byId(booked.outboxId!)!.mutationId
    await act(w.desk, uid, 'cancel', { reason: 'Client called to cancel' })
    const rows = () => w.desk.services.outbox.openRowsOf(uid)
    const before = rows()

    const move = await post(w.desk, `/api/appointments/${uid}/reschedule`, { start: slots[5] })
    expect(move.status).toBe(409)
    expect((await json<{ error: { code: string } }>(move)).error.code).toBe('NOT_ALLOWED')
    const again = await anotherTime(booked.outboxId!, { start: slots[5] })
    expect(again.status).toBe(409)
    expect((await json<{ error: { code: string } }>(again)).error.code).toBe('NOT_ALLOWED')
    expect(rows()).toEqual(before)
    expect(calcomBookingsOf(mutationId)).toEqual([])
  })

  it('refuses what cannot take another time, and a refused request changes nothing', async () => {
    const haircut = eventTypeOf(w.desk, 'haircut')
    const { slots } = await slotsOf(w.desk, haircut.id, '2026-03-13')
    const booked = await refusedBooking('Ned Never', slots[2]!)
    const row = () => w.desk.services.outbox.byId(booked.outboxId!)!
    const before = row()
    const shown = () => w.desk.services.appointments.byUid(booked.appointment.uid)
    const startBefore = shown()!.start

    // Not a time: the field is named.
    const notATime = await anotherTime(booked.outboxId!, { start: 'tomorrow' })
    expect(notATime.status).toBe(400)
    expect((await json<{ error: { field: string } }>(notATime)).error.field).toBe('start')
    const extra = await anotherTime(booked.outboxId!, { start: slots[4], staffId: 1 })
    expect(extra.status).toBe(400)
    // 03:00 in Toronto is not a free time in Cal.com.
    const notFree = await anotherTime(booked.outboxId!, { start: '2026-03-13T07:00:00.000Z' })
    expect(notFree.status).toBe(409)
    expect(await json<{ error: { code: string; field: string } }>(notFree)).toMatchObject({
      error: { code: 'SLOT_UNAVAILABLE', field: 'start' },
    })
    const missing = await anotherTime(999_999, { start: slots[4] })
    expect(missing.status).toBe(404)
    expect(row()).toEqual(before)
    expect(shown()).toMatchObject({ start: startBefore, syncState: 'needs_attention' })

    // A refusal that is not about a time (a no-show before the start) takes none.
    const other = await bookedInCalcom('Al Bo', slots[6]!)
    const noShow = await act(w.desk, other.uid, 'no-show')
    await refused(noShow.outboxId!)
    const notATimeChange = await anotherTime(noShow.outboxId!, { start: slots[7] })
    expect(notATimeChange.status).toBe(409)
    expect((await json<{ error: { code: string } }>(notATimeChange)).error.code).toBe('NOT_ALLOWED')

    // Sent, it no longer needs attention: a second answer is refused.
    expect((await anotherTime(booked.outboxId!, { start: slots[4] })).status).toBe(202)
    await syncedFrom(w.desk, booked.outboxId!)
    const again = await anotherTime(booked.outboxId!, { start: slots[5] })
    expect(again.status).toBe(409)
    expect((await json<{ error: { code: string } }>(again)).error.code).toBe('NOT_ALLOWED')
  })
})

describe('the flag each outbox entry carries', () => {
  it('says what another time answers, for every entry the desk holds, of every op and state', async () => {
    // A refused booking that can take another time, beside what the tests above left: refused
    // creates with later rows, a refused no-show, done creates, moves and confirms, queued
    // marks, cancels and declines behind refused rows.
    const haircut = eventTypeOf(w.desk, 'haircut')
    const day = (await slotsOf(w.desk, haircut.id, '2026-03-24')).slots
    await refusedBooking('Flo Flagged', day[1]!)
    const all = await json<OutboxEntry[]>(
      deskFetch(
        w.desk,
        '/api/outbox?state=pending&state=in_flight&state=needs_attention&state=done&state=discarded&limit=500',
      ),
    )
    expect(new Set(all.map((e) => e.op))).toEqual(
      new Set(['create', 'reschedule', 'cancel', 'confirm', 'decline', 'mark_absent']),
    )
    expect(all.filter((e) => e.canTakeAnotherTime).length).toBeGreaterThan(0)
    let free = 5
    for (const e of all) {
      const appointment = w.desk.services.appointments.byUid(e.bookingUid)
      // A free time of the booking's own service, a different one for each entry sent.
      const slots = (await slotsOf(w.desk, appointment!.eventType!.id, '2026-03-25')).slots
      const res = await anotherTime(e.id, { start: slots[free]! })
      expect({ id: e.id, op: e.op, state: e.state, status: res.status }).toEqual({
        id: e.id,
        op: e.op,
        state: e.state,
        status: e.canTakeAnotherTime ? 202 : 409,
      })
      if (e.canTakeAnotherTime) free += 4
    }
  })
})
