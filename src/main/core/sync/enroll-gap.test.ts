// The gap between connecting and the relay's Cal.com webhook existing: Cal.com sends nothing for
// a booking made before the relay created the webhook, and the connect-time reconcile may have
// read the account before it. Real HTTP between real servers: the sandbox, an in-process relay
// that comes up only after the desk connected, and a desk on a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildApp, type RelayApp } from '../../../../cloud-relay/src/app'
import { loadConfig } from '../../../../cloud-relay/src/config'
import { openStorage } from '../../../../cloud-relay/src/storage/open-storage'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import type { AppointmentDetail, SyncHealth } from '../../../shared/api/schemas'

let sandbox: RunningSandbox
let account: SandboxState['accounts'][number]
let relay: RelayApp | undefined
let relayDir: string
let desk: TempDesk

async function freePort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const port = (srv.address() as { port: number }).port
  await new Promise((r) => srv.close(r))
  return port
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000) {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await probe()
    if (v !== undefined) return v
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

const health = async () => (await (await deskFetch(desk, '/api/sync')).json()) as SyncHealth

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
  account = state.accounts[0]!
  relayDir = mkdtempSync(join(tmpdir(), 'frontdesk-relay-'))
})

afterAll(async () => {
  await desk?.dispose()
  await sandbox?.close()
  const force = setTimeout(() => relay?.server.closeAllConnections(), 1000)
  await relay?.close()
  clearTimeout(force)
  rmSync(relayDir, { recursive: true, force: true })
})

it('a booking made before the relay could enroll the desk reaches the desk as soon as the relay is up', async () => {
  const port = await freePort()
  const relayBase = `http://127.0.0.1:${port}`
  desk = await startTempDesk({
    env: {
      FRONTDESK_CALCOM_API_URL: sandbox.url,
      FRONTDESK_CALCOM_APP_URL: sandbox.url,
      FRONTDESK_RELAY_URL: relayBase,
    },
    // The 5-minute reconcile stays as in production: it must not be what finds the booking.
    sync: { relayWaitSeconds: 1, relayBackoff: { baseMs: 50, capMs: 200 } },
  })
  const connect = await deskFetch(desk, '/api/branch/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey: account.apiKey }),
  })
  expect(connect.status).toBe(200)
  await until('the connect reconcile, with the relay still down', async () => {
    const h = await health()
    return h.lastReconcile?.ok && h.relay.state === 'retrying' ? h : undefined
  })

  // A client books now: Cal.com has no webhook for the relay yet, so nothing is sent anywhere.
  const et = account.eventTypes.find((e) => !e.requiresConfirmation && e.price === 0)!
  const clock = ((await (await fetch(`${sandbox.url}/_sandbox/clock`)).json()) as { now: string })
    .now
  const end = new Date(Date.parse(clock) + 7 * 86_400_000).toISOString()
  const slots = (await (
    await fetch(`${sandbox.url}/v2/slots?eventTypeId=${et.id}&start=${clock}&end=${end}`, {
      headers: { 'cal-api-version': '2024-09-04' },
    })
  ).json()) as { data: Record<string, { start: string }[]> }
  const booked = await fetch(`${sandbox.url}/_sandbox/book`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      start: Object.values(slots.data).flat()[0]!.start,
      eventTypeId: et.id,
      attendee: { name: 'Early Bird', email: 'early@example.com', timeZone: account.timeZone },
    }),
  })
  expect(booked.status).toBe(201)
  const { uid } = ((await booked.json()) as { data: { uid: string } }).data

  const dbUrl = `file:${join(relayDir, 'relay.db')}`
  relay = await buildApp({
    config: loadConfig({
      RELAY_PORT: String(port),
      RELAY_PUBLIC_URL: relayBase,
      RELAY_CALCOM_API_URL: sandbox.url,
      RELAY_DATABASE_URL: dbUrl,
    }),
    storage: await openStorage(dbUrl),
    closeStorage: true,
  })
  await relay.listen({ host: '127.0.0.1', port })

  const detail = await until('the early booking at the desk', async () => {
    const r = await deskFetch(desk, `/api/appointments/${uid}`)
    return r.status === 200 ? ((await r.json()) as AppointmentDetail) : undefined
  })
  expect(detail.appointment).toMatchObject({
    uid,
    status: 'SCHEDULED',
    attendee: { name: 'Early Bird' },
  })
  expect(detail.history[0]).toMatchObject({ source: 'reconcile', change: 'created' })
  expect((await health()).relay.state).toBe('online')
})
