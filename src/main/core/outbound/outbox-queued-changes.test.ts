// Changes queued behind a reschedule follow the booking to its new uid; the old booking must end
// as Cal.com holds it (found by the convergence test: a cancel queued after a reschedule left its
// reason on the old, rescheduled booking too).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import type { TempDesk } from '../../../../test/support/temp-desk'
import { startCalcomLink, type CalcomLink } from './calcom-link.test-support'
import {
  act,
  book,
  connectWithApiKey,
  deskOn,
  eventTypeOf,
  SANDBOX_NOW,
  sandboxState,
  slotsOf,
  syncedFrom,
} from './outbound.test-support'

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

describe('a cancel queued behind a reschedule', () => {
  it('cancels the new booking and leaves the old one as Cal.com has it', async () => {
    const haircut = eventTypeOf(desk, 'haircut')
    const { slots } = await slotsOf(desk, haircut.id)
    const made = await book(desk, {
      eventTypeId: haircut.id,
      start: slots[0],
      attendee: { name: 'Flo Grant', email: 'flo@example.com' },
    })
    const { uid } = await syncedFrom(desk, made.outboxId!)

    link.down()
    await act(desk, uid, 'reschedule', { start: slots[slots.length - 1] })
    const cancel = await act(desk, uid, 'cancel', { reason: 'Changed her mind' })
    link.up()
    const { uid: newUid } = await syncedFrom(desk, cancel.outboxId!)

    const old = sandbox.sandbox.store.bookings.get(uid)!
    expect(newUid).toBe(old.rescheduledToUid)
    expect(sandbox.sandbox.store.bookings.get(newUid)).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Changed her mind',
    })
    expect(desk.services.appointments.byUid(newUid)).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'Changed her mind',
      syncState: 'synced',
    })
    expect(old.cancellationReason).toBeUndefined()
    expect(desk.services.appointments.byUid(uid)).toMatchObject({
      status: 'RESCHEDULED',
      rescheduledToUid: newUid,
      cancellationReason: null,
      syncState: 'synced',
    })
  })
})
