// News from Cal.com about a booking whose row the outbox owns waits ("held") until the outbox lets
// go; then the desk reads the booking from Cal.com. When Cal.com cannot be reached just then, the
// read is tried again by itself: nothing else may come to trigger it (the outbox has nothing more
// to send) and the next reconcile is five minutes away.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { sandboxSlots } from '../../../../test/support/sandbox-slots'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import type { SyncHealth } from '../../../shared/api/schemas'
import { startCalcomLink, type CalcomLink } from '../outbound/calcom-link.test-support'
import { connectWithApiKey, deskOn, json, sandboxState } from '../outbound/outbound.test-support'

let sandbox: RunningSandbox
let state: SandboxState
let relay: InProcessRelay
let link: CalcomLink
let desk: TempDesk

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  state = await sandboxState(sandbox.url)
  relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  link = await startCalcomLink(sandbox.url)
  desk = await deskOn(link.url, {
    env: { FRONTDESK_RELAY_URL: relay.url },
    sync: { relayWaitSeconds: 5, heldRetryBackoff: { baseMs: 200, capMs: 1_000 } },
  })
  await connectWithApiKey(desk, state.accounts[0]!.apiKey)
  await until('the relay online', async () => (await health()).relay.state === 'online')
})
afterAll(async () => {
  await desk?.dispose()
  await link?.close()
  await relay?.close()
  await sandbox?.close()
})

const health = () => json<SyncHealth>(deskFetch(desk, '/api/sync'))
const control = (path: string, body: unknown = {}) =>
  fetch(`${sandbox.url}/_sandbox${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const setSyncState = (uid: string, syncState: 'pending' | 'synced') =>
  desk.services.appointments.patchInTx(desk.services.db, uid, { syncState })
const row = (uid: string) => desk.services.appointments.byUid(uid)

/**
 * A public booking (on the `nth` free slot) that the client cancels while a desk change of it is
 * on its way to Cal.com: the cancellation's news is held. Returns its uid.
 */
async function heldCancellation(nth: number, name: string, reason: string): Promise<string> {
  const account = state.accounts[0]!
  const eventType = account.eventTypes.find((e) => !e.requiresConfirmation && e.price === 0)!
  const start = (await sandboxSlots(sandbox.url, eventType.id))[nth]
  const booked = await control('/book', {
    start,
    eventTypeId: eventType.id,
    attendee: {
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
      timeZone: account.timeZone,
    },
  })
  const { uid } = ((await booked.json()) as { data: { uid: string } }).data
  await until('the booking at the desk', () => row(uid)?.status === 'SCHEDULED')

  setSyncState(uid, 'pending')
  await control(`/bookings/${uid}/cancel`, { cancellationReason: reason })
  await control('/webhooks/flush')
  await until('the cancellation held', async () => (await health()).heldBookings === 1)
  expect(row(uid)?.status).toBe('SCHEDULED')
  return uid
}

it('refreshes a held booking by itself once Cal.com answers again', async () => {
  const uid = await heldCancellation(0, 'Hilda Held', 'Flu')

  // The outbox lets go while Cal.com is unreachable: the read of the booking fails.
  link.down()
  const errorsBefore = (await health()).recentErrors.length
  setSyncState(uid, 'synced')
  desk.services.events.emit('outboxChanged', {})
  await until('the failed refresh', async () => (await health()).recentErrors.length > errorsBefore)
  expect(row(uid)?.status).toBe('SCHEDULED')

  link.up()
  await until('the held booking refreshed', async () => (await health()).heldBookings === 0)
  expect(row(uid)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Flu' })
})

it('reads a held booking once when the queue moves on many times while it is read', async () => {
  const uid = await heldCancellation(1, 'Otto Often', 'Moved away')

  // The outbox lets go, then moves on nine more times while Cal.com is slow to answer the read.
  link.delay(300)
  const readsBefore = link.count('GET', `/v2/bookings/${uid}`)
  setSyncState(uid, 'synced')
  for (let i = 0; i < 10; i++) desk.services.events.emit('outboxChanged', {})
  await until('the held booking refreshed', async () => (await health()).heldBookings === 0)
  link.delay(0)
  expect(row(uid)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Moved away' })
  expect(link.count('GET', `/v2/bookings/${uid}`) - readsBefore).toBe(1)
})
