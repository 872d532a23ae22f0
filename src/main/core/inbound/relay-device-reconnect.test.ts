// Connecting the branch again never leaves the desk's old relay device behind: an active device
// that no desk reads holds back the relay's retention for every other desk of its channel. Real
// HTTP between real servers: the Cal.com sandbox, a relay on a real SQLite file (stopped and
// started again on the same port and file when a test needs it unreachable), a headless desk.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type RelayApp } from '../../../../cloud-relay/src/app'
import { loadConfig } from '../../../../cloud-relay/src/config'
import { openStorage } from '../../../../cloud-relay/src/storage/open-storage'
import type { RelayStorage } from '../../../../cloud-relay/src/storage/types'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { sandboxSlots } from '../../../../test/support/sandbox-slots'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import type { SyncHealth } from '../../../shared/api/schemas'
import { freePort } from '../../../../test/support/free-port'
import { connectByApiKey, startDeskOnRelay } from '../../../../test/support/connected-desk'
import { sandboxAccounts, type SandboxAccount } from '../../../../test/support/sandbox-calcom'
import { RELAY_DEVICE_FILE } from './relay-device-store'

const ADMIN_TOKEN = 'reconnect-test-admin-token-0123456789'

let sandbox: RunningSandbox
let accounts: SandboxAccount[]
let relayDir: string
let storage: RelayStorage
let relay: RelayApp | undefined
let port: number
let relayUrl: string
let desk: TempDesk

async function startRelay(): Promise<void> {
  const dbUrl = `file:${join(relayDir, 'relay.db')}`
  relay = await buildApp({
    config: loadConfig({
      RELAY_PORT: String(port),
      RELAY_PUBLIC_URL: relayUrl,
      RELAY_CALCOM_API_URL: sandbox.url,
      RELAY_DATABASE_URL: dbUrl,
      RELAY_ADMIN_TOKEN: ADMIN_TOKEN,
      RELAY_ENROLL_RATE_LIMIT: '1000',
    }),
    // The storage outlives the relay process it serves, as its file would.
    storage,
    closeStorage: false,
  })
  await relay.listen({ host: '127.0.0.1', port })
}

async function stopRelay(): Promise<void> {
  const app = relay
  relay = undefined
  if (!app) return
  // Desks, sandbox and test share one fetch pool; a pooled socket that never carried a request
  // is not "idle" to Node's HTTP server, so the graceful close would wait on it.
  const force = setTimeout(() => app.server.closeAllConnections(), 1000)
  await app.close()
  clearTimeout(force)
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  accounts = await sandboxAccounts(sandbox.url)
  relayDir = mkdtempSync(join(tmpdir(), 'frontdesk-relay-'))
  storage = await openStorage(`file:${join(relayDir, 'relay.db')}`)
  port = await freePort()
  relayUrl = `http://127.0.0.1:${port}`
  await startRelay()
  desk = await startDeskOnRelay({ calcomUrl: sandbox.url, relayUrl })
})

afterAll(async () => {
  await desk?.dispose()
  await stopRelay()
  await storage?.close()
  await sandbox?.close()
  if (relayDir) rmSync(relayDir, { recursive: true, force: true })
})

// --- helpers ----------------------------------------------------------------------------------

const health = async () => (await (await deskFetch(desk, '/api/sync')).json()) as SyncHealth

interface ListedDevice {
  id: string
  cursor: number
  revokedAt: string | null
}
/** The relay's admin list of a channel's devices. */
async function devicesOf(channelId: string): Promise<ListedDevice[]> {
  const r = await fetch(`${relayUrl}/v1/admin/channels/${channelId}/devices`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  })
  expect(r.status).toBe(200)
  return ((await r.json()) as { devices: ListedDevice[] }).devices
}
const activeDevicesOf = async (channelId: string) =>
  (await devicesOf(channelId)).filter((d) => d.revokedAt === null)

async function connect(account: SandboxAccount): Promise<SyncHealth> {
  await connectByApiKey(desk, account.apiKey)
  return until('the desk reading its relay channel', async () => {
    const s = await health()
    const channel = s.relay.channelId && (await storage.findChannel(s.relay.channelId))
    return s.relay.state === 'online' &&
      channel &&
      channel.calcomAccountId === String(account.userId)
      ? s
      : undefined
  })
}

async function disconnect(): Promise<void> {
  const r = await deskFetch(desk, '/api/branch/disconnect', { method: 'POST' })
  expect(r.status).toBe(200)
  await until('sync stopped', async () => {
    const s = await health()
    return s.connection === 'disconnected' && s.relay.state === 'off'
  })
}

const used = new Set<string>()
/** A member of the public books on the sandbox's booking page; Cal.com's webhook is sent. */
async function book(account: SandboxAccount): Promise<void> {
  const et = account.eventTypes.find((e) => !e.requiresConfirmation && e.price === 0)!
  const start = (await sandboxSlots(sandbox.url, et.id)).find((s) => !used.has(s))!
  used.add(start)
  const r = await fetch(`${sandbox.url}/_sandbox/book`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      start,
      eventTypeId: et.id,
      attendee: { name: 'Rey Connect', email: 'rey@example.com', timeZone: account.timeZone },
    }),
  })
  expect(r.status).toBe(201)
  await fetch(`${sandbox.url}/_sandbox/webhooks/flush`, { method: 'POST' })
}

/** Waits until the desk's device has acked everything its channel holds; returns that seq. */
async function allAcked(channelId: string): Promise<number> {
  return until('the desk acked the whole channel', async () => {
    const lastSeq = (await storage.findChannel(channelId))?.lastSeq ?? 0
    const [active] = await activeDevicesOf(channelId)
    return lastSeq > 0 && active?.cursor === lastSeq ? lastSeq : undefined
  })
}

// --- tests ------------------------------------------------------------------------------------

describe('connecting the branch again', () => {
  it('disconnecting revokes the relay device; connecting again leaves one active device and retention moves on', async () => {
    const first = await connect(accounts[0]!)
    const channelId = first.relay.channelId!
    await book(accounts[0]!)
    await allAcked(channelId)
    const [old] = await activeDevicesOf(channelId)

    await disconnect()
    expect(await activeDevicesOf(channelId)).toEqual([])
    expect((await devicesOf(channelId)).find((d) => d.id === old?.id)?.revokedAt).not.toBeNull()
    expect(existsSync(join(desk.dataDir, RELAY_DEVICE_FILE))).toBe(false)

    await connect(accounts[0]!)
    const active = await activeDevicesOf(channelId)
    expect(active).toHaveLength(1)
    expect(active[0]?.id).not.toBe(old?.id)

    // The relay keeps only what some active device has not acked (past the minimum age).
    await book(accounts[0]!)
    const lastSeq = await allAcked(channelId)
    await storage.prune({ now: new Date(), maxAgeMs: 14 * 86_400_000, minAgeMs: 0 })
    expect((await storage.findChannel(channelId))?.prunedThrough).toBe(lastSeq)
  })

  it('a device the relay could not be told about at disconnect is revoked by the next enrollment', async () => {
    const channelId = (await health()).relay.channelId!
    const [old] = await activeDevicesOf(channelId)
    expect(old).toBeDefined()

    await stopRelay()
    await disconnect()
    await startRelay()

    await connect(accounts[0]!)
    const active = await activeDevicesOf(channelId)
    expect(active).toHaveLength(1)
    expect(active[0]?.id).not.toBe(old?.id)
    // It takes over the old device's cursor: the old one held back no retention even meanwhile.
    expect(active[0]?.cursor).toBe(old?.cursor)
  })

  it('everyone asking for the device at once while it is enrolled gets one device', async () => {
    // The feed, the reports, the desk events and the business copy all ask when the relay comes
    // back; each enrolling on its own left several active devices for one desk.
    const channelId = (await health()).relay.channelId!
    await stopRelay()
    await disconnect()
    const r = await deskFetch(desk, '/api/branch/connect', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: accounts[0]!.apiKey }),
    })
    expect(r.status).toBe(200)
    await startRelay()
    const devices = await Promise.all(
      Array.from({ length: 5 }, () => desk.services.sync.relayDevice()),
    )
    expect(devices[0]).not.toBeNull()
    expect(new Set(devices.map((d) => d?.deviceId)).size).toBe(1)
    await connect(accounts[0]!)
    expect(await activeDevicesOf(channelId)).toHaveLength(1)
  })

  it('connecting another Cal.com account revokes the device of the first account', async () => {
    const before = (await health()).relay.channelId!
    expect(await activeDevicesOf(before)).toHaveLength(1)

    const after = await connect(accounts[1]!)
    expect(after.relay.channelId).not.toBe(before)
    expect(await activeDevicesOf(before)).toEqual([])
    expect(await activeDevicesOf(after.relay.channelId!)).toHaveLength(1)
  })
})
