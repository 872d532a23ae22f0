// "Choose another time" for a change Cal.com refused for its time (POST /api/outbox/:id/another-time):
// a phone booking whose time clients took while the desk was offline is sent again for a time the
// receptionist picks, and Cal.com then holds it once, at that time, under the same mutation id; a
// refused move goes to the new time instead. What cannot take another time is refused, and a
// refused request changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActionResult } from '../../../shared/api/schemas'
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

/** Online clients take every host of the haircut free at `start`, straight at Cal.com. */
async function everyHostTaken(start: string): Promise<void> {
  const haircut = w.state.accounts[0]!.eventTypes.find((e) => e.slug === 'haircut')!
  for (const hostId of haircut.hostIds) {
    const res = await fetch(`${w.sandbox.url}/_sandbox/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        eventTypeId: haircut.id,
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

/** A haircut booked at the desk while Cal.com was out of reach, at a time clients then took. */
async function refusedBooking(name: string, slot: string) {
  const haircut = eventTypeOf(w.desk, 'haircut')
  w.link.down()
  const booked = await book(w.desk, { eventTypeId: haircut.id, start: slot, attendee: { name } })
  await everyHostTaken(slot)
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
