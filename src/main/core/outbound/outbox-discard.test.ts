// Discarding a change Cal.com refused undoes it at the desk — back to what Cal.com holds, not to
// what the desk showed before the change when Cal.com has moved on since (found by the
// convergence test: a confirm refused because the owner had declined, then discarded, showed the
// booking pending again).
import { DateTime } from 'luxon'
import { HISTORY_CODES } from '../../../shared/api/history-codes'
import { OUTBOX_REASON_CODES } from '../../../shared/api/outbox-reasons'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox, SandboxState } from '../../../../sandbox/src/index'
import type { TempDesk } from '../../../../test/support/temp-desk'
import {
  act,
  book,
  connectedDeskOnSandbox,
  eventTypeOf,
  post,
  slotsOf,
  syncedFrom,
  deskSignals,
  type SandboxDesk,
} from './outbound.test-support'
import { calcomAsBranch } from '../../../../test/support/sandbox-calcom'
import { until } from '../../../../test/support/until'

let world: SandboxDesk
let sandbox: RunningSandbox
let state: SandboxState
let desk: TempDesk

beforeAll(async () => {
  // Cal.com's clock is the desk's here, so the desk's reconcile window covers the bookings; no
  // relay: the desk hears of Cal.com's changes only by asking.
  world = await connectedDeskOnSandbox()
  sandbox = world.sandbox
  state = world.state
  desk = world.desk
})
afterAll(() => world?.close())

/** The owner declines or cancels the booking in Cal.com, behind the desk's back. */
async function owner(action: 'decline' | 'cancel', uid: string): Promise<void> {
  const body =
    action === 'decline' ? { reason: 'Owner declined' } : { cancellationReason: 'Owner cancelled' }
  const path = `/v2/bookings/${uid}/${action}`
  expect((await calcomAsBranch(sandbox.url, state.accounts[0]!.apiKey, path, body)).status).toBe(
    200,
  )
}

/** Free full-colour starts on the first coming day with at least four (the tests book the 1st and 4th). */
async function colourSlots(): Promise<{ id: number; slots: string[] }> {
  const colour = eventTypeOf(desk, 'full-colour')
  for (let day = 1; day <= 7; day++) {
    const date = DateTime.now().setZone(state.accounts[0]!.timeZone).plus({ days: day })
    const { slots } = await slotsOf(desk, colour.id, date.toISODate()!)
    if (slots.length >= 4) return { id: colour.id, slots }
  }
  throw new Error('no full-colour slots this week')
}

/** A full-colour booking made at the desk on its `nth` free start, once Cal.com holds it. */
async function colourBooking(nth: number, name: string) {
  const { id, slots } = await colourSlots()
  const made = await book(desk, { eventTypeId: id, start: slots[nth], attendee: { name } })
  const { uid } = await syncedFrom(desk, made.outboxId!)
  return { uid, slots }
}

const refused = (outboxId: number) =>
  until(
    `outbox row ${outboxId} to need attention`,
    () => desk.services.outbox.byId(outboxId)?.state === 'needs_attention',
    deskSignals(desk),
  )

describe('discarding a change Cal.com refused', () => {
  it('keeps the state Cal.com reported after the change, instead of the one before it', async () => {
    const { uid } = await colourBooking(0, 'Di Ray')

    await owner('decline', uid)
    const confirm = await act(desk, uid, 'confirm')
    await refused(confirm.outboxId!)
    // Cal.com's news reaches the flagged appointment (a reconcile here; a webhook does the same).
    expect((await post(desk, '/api/sync/reconcile', { window: true })).status).toBe(200)
    expect(desk.services.appointments.byUid(uid)).toMatchObject({
      status: 'REJECTED',
      syncState: 'needs_attention',
    })

    expect(
      (await post(desk, `/api/outbox/${confirm.outboxId}/discard`, { confirm: true })).status,
    ).toBe(200)
    expect(desk.services.appointments.byUid(uid)).toMatchObject({
      status: 'REJECTED',
      syncState: 'synced',
    })
  })

  it('asks Cal.com what the booking is now even when no news of the refusal came', async () => {
    const { uid } = await colourBooking(3, 'Em Fox')

    await owner('decline', uid)
    const confirm = await act(desk, uid, 'confirm')
    await refused(confirm.outboxId!)
    // The desk still shows its own change (confirmed), flagged; undoing it must not stop at
    // "pending", which Cal.com no longer says.
    await post(desk, `/api/outbox/${confirm.outboxId}/discard`, { confirm: true })
    await until(
      'the discarded booking to show Cal.com state',
      () => desk.services.appointments.byUid(uid)?.status === 'REJECTED',
      deskSignals(desk),
    )
    expect(desk.services.sync.health().heldBookings).toBe(0)
  })

  it('sends a change queued behind it next, which needs attention on its own when Cal.com refuses it too', async () => {
    // What the convergence test's receptionists meet (seed 190 under load): a booking the owner
    // cancelled, moved twice at the desk before it heard; each move is refused, one after the
    // other, and each is the receptionist's to discard.
    const { uid, slots } = await colourBooking(0, 'Bo Kim')
    await owner('cancel', uid)
    const first = await act(desk, uid, 'reschedule', { start: slots[1] })
    const second = await act(desk, uid, 'reschedule', { start: slots[2] })
    await refused(first.outboxId!)
    expect(desk.services.outbox.byId(second.outboxId!)?.state).toBe('pending')

    await post(desk, `/api/outbox/${first.outboxId}/discard`, { confirm: true })
    await refused(second.outboxId!)
    expect(desk.services.appointments.byUid(uid)?.syncState).toBe('needs_attention')
    await post(desk, `/api/outbox/${second.outboxId}/discard`, { confirm: true })
    await until(
      'the booking to show what Cal.com holds, flag gone',
      () => {
        const a = desk.services.appointments.byUid(uid)
        return a?.status === 'CANCELLED' && a.syncState === 'synced'
      },
      deskSignals(desk),
    )
  })

  it('stores what happened as codes with params, never as sentences', async () => {
    const { uid } = await colourBooking(1, 'Jo Lee')
    await owner('decline', uid)
    const confirm = await act(desk, uid, 'confirm')
    await refused(confirm.outboxId!)
    const rawReason = desk.services.db.$client
      .prepare('select last_error as e from outbox where id = ?')
      .get(confirm.outboxId) as { e: string }
    expect(JSON.parse(rawReason.e)).toMatchObject({
      code: expect.stringMatching(new RegExp(`^(${OUTBOX_REASON_CODES.join('|')})$`)),
      params: { message: expect.any(String) },
    })
    await post(desk, `/api/outbox/${confirm.outboxId}/discard`, { confirm: true })

    const rows = desk.services.db.$client
      .prepare('select change, detail from appointment_history where uid = ? order by id')
      .all(uid) as Array<{ change: string; detail: string | null }>
    expect(rows.map((r) => r.change)).toEqual(
      expect.arrayContaining([
        'booked_at_desk',
        'booked_in_calcom',
        'confirmed_at_desk',
        'needs_attention',
        'change_discarded_at_desk',
      ]),
    )
    for (const r of rows) expect(HISTORY_CODES).toContain(r.change)
    const attention = rows.find((r) => r.change === 'needs_attention')!
    // Cal.com's own words stay, as a parameter of the reason's code.
    expect(JSON.parse(attention.detail!)).toMatchObject({
      op: 'confirm',
      reason: { params: { message: expect.any(String) } },
    })
  })
})
