// The gap between connecting and the relay's Cal.com webhook existing: Cal.com sends nothing for
// a booking made before the relay created the webhook, and the connect-time reconcile may have
// read the account before it. Real HTTP between real servers: the sandbox, an in-process relay
// that comes up only after the desk connected, and a desk on a real SQLite file.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { freePort } from '../../../../test/support/free-port'
import { sandboxSlots } from '../../../../test/support/sandbox-slots'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import { connectByApiKey, startDeskOnRelay } from '../../../../test/support/connected-desk'
import { sandboxAccounts, type SandboxAccount } from '../../../../test/support/sandbox-calcom'
import type { AppointmentDetail, SyncHealth } from '../../../shared/api/schemas'

let sandbox: RunningSandbox
let account: SandboxAccount
let relay: InProcessRelay | undefined
let desk: TempDesk

const health = async () => (await (await deskFetch(desk, '/api/sync')).json()) as SyncHealth

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  account = (await sandboxAccounts(sandbox.url))[0]!
})

afterAll(async () => {
  await desk?.dispose()
  await sandbox?.close()
  await relay?.close()
})

it('a booking made before the relay could enroll the desk reaches the desk as soon as the relay is up', async () => {
  const port = await freePort()
  const relayBase = `http://127.0.0.1:${port}`
  // The relay asked quickly (QUICK_RELAY); the 5-minute reconcile stays as in production: it must
  // not be what finds the booking.
  desk = await startDeskOnRelay({ calcomUrl: sandbox.url, relayUrl: relayBase })
  await connectByApiKey(desk, account.apiKey)
  await until('the connect reconcile, with the relay still down', async () => {
    const h = await health()
    return h.lastReconcile?.ok && h.relay.state === 'retrying' ? h : undefined
  })

  // A client books now: Cal.com has no webhook for the relay yet, so nothing is sent anywhere.
  const et = account.eventTypes.find((e) => !e.requiresConfirmation && e.price === 0)!
  const booked = await fetch(`${sandbox.url}/_sandbox/book`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      start: (await sandboxSlots(sandbox.url, et.id))[0],
      eventTypeId: et.id,
      attendee: { name: 'Early Bird', email: 'early@example.com', timeZone: account.timeZone },
    }),
  })
  expect(booked.status).toBe(201)
  const { uid } = ((await booked.json()) as { data: { uid: string } }).data

  relay = await startInProcessRelay({ calcomUrl: sandbox.url, port })

  const detail = await until('the early booking at the desk', async () => {
    const r = await deskFetch(desk, `/api/appointments/${uid}`)
    return r.status === 200 ? ((await r.json()) as AppointmentDetail) : undefined
  })
  expect(detail.appointment).toMatchObject({
    uid,
    status: 'SCHEDULED',
    attendee: { name: 'Early Bird' },
  })
  expect(detail.history[0]).toMatchObject({ source: 'reconcile', code: 'created' })
  expect((await health()).relay.state).toBe('online')
})
