// The Cal.com client against the sandbox: versions per endpoint, error classification, read
// retries (and none for writes), timeouts, the rate governor and the api_log rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { credentialFile } from '../auth/token-store'
import { CalcomTokenProvider } from '../auth/token-provider'
import { ApiLog } from './api-log-store'
import { createCalcomClient } from './calcom-client'
import { CalcomTransport } from './http-transport'
import { RateGovernor } from './rate-governor'

const LIMIT = 4
/** Cal.com's usual limits, and one whose API-key budget is tiny and whose windows are short. */
let sandbox: RunningSandbox
let tight: RunningSandbox
let state: SandboxState
let desk: TempDesk
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  tight = await startSandbox({
    port: 0,
    rateLimit: { apiKeyLimit: LIMIT, windowMs: 1_500, blockMs: 2_500 },
  })
  // Both sandboxes seed the same deterministic accounts and keys.
  state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
  desk = await startTempDesk()
})
afterAll(async () => {
  await desk?.dispose()
  await sandbox?.close()
  await tight?.close()
})

function clientFor(
  apiKey: string,
  opts: { maxWaitMs?: number; timeoutMs?: number; baseUrl?: string } = {},
) {
  const apiLog = new ApiLog(desk.services.db)
  const governor = new RateGovernor({ maxWaitMs: opts.maxWaitMs })
  const transport = new CalcomTransport({
    baseUrl: opts.baseUrl ?? sandbox.url,
    apiLog,
    governor,
    timeoutMs: opts.timeoutMs,
  })
  const credential = new CalcomTokenProvider({
    store: credentialFile(desk.dataDir),
    credential: { kind: 'apiKey', apiKey },
    oauth: null,
  })
  return { client: createCalcomClient({ transport, credential }), apiLog, governor, credential }
}

const fault = (body: object) =>
  fetch(`${sandbox.url}/_sandbox/faults/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const clearFaults = () => fetch(`${sandbox.url}/_sandbox/faults`, { method: 'DELETE' })
const newRows = (apiLog: ApiLog, afterId: number) =>
  apiLog
    .recent(500)
    .filter((r) => r.id > afterId)
    .reverse()
const lastId = (apiLog: ApiLog) => apiLog.recent(1)[0]?.id ?? 0

describe('the Cal.com client', () => {
  it('sends each area its cal-api-version and reads typed answers', async () => {
    const { client } = clientFor(state.accounts[0]!.apiKey, { maxWaitMs: 10_000 })
    const account = state.accounts[0]!
    const et = await client.eventTypes.list()
    expect(et.ok && et.value.map((e) => e.id).sort()).toEqual(
      account.eventTypes.map((e) => e.id).sort(),
    )
    const schedules = await client.schedules.list()
    expect(schedules.ok && schedules.value.some((s) => s.isDefault)).toBe(true)
    const bookings = await client.bookings.list({ take: 5 })
    expect(bookings.ok && bookings.value.data.length).toBeGreaterThan(0)
    const today = new Date().toISOString().slice(0, 10)
    const slots = await client.slots.available({
      eventTypeId: account.eventTypes[0]!.id,
      start: today,
      end: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      timeZone: account.timeZone,
    })
    expect(slots.ok).toBe(true)
  })

  it('classifies answers: 4xx permanent with Cal.com’s message, 401 auth, 5xx/429 transient', async () => {
    const { client } = clientFor(state.accounts[1]!.apiKey, { maxWaitMs: 10_000 })
    const missing = await client.bookings.get('no-such-booking-uid')
    expect(missing.ok).toBe(false)
    if (!missing.ok) {
      expect(missing.error).toMatchObject({ kind: 'permanent', code: 'NOT_FOUND', status: 404 })
      expect(missing.error.message).not.toMatch(/^Cal.com answered/)
    }
    const { client: bad } = clientFor('cal_test_wrong')
    const unauthorized = await bad.me.get()
    expect(!unauthorized.ok && unauthorized.error).toMatchObject({
      kind: 'auth',
      code: 'UNAUTHORIZED',
    })

    await fault({ mode: 'http500', count: 1, pathPrefix: '/v2/bookings' })
    const write = await client.bookings.cancel('whatever-uid', { cancellationReason: 'test' })
    expect(!write.ok && write.error).toMatchObject({
      kind: 'transient',
      code: 'SERVER_ERROR',
      status: 500,
    })
    await fault({ mode: 'http429', count: 1, pathPrefix: '/v2/me' })
    const limited = await client.me.get()
    expect(!limited.ok && limited.error).toMatchObject({ kind: 'transient', code: 'RATE_LIMITED' })
    await clearFaults()
  })

  it('retries a read after a 5xx but never repeats a write', async () => {
    const { client, apiLog } = clientFor(state.accounts[0]!.apiKey, { maxWaitMs: 10_000 })
    const from = lastId(apiLog)
    await fault({ mode: 'http500', count: 1, pathPrefix: '/v2/event-types' })
    const read = await client.eventTypes.list()
    expect(read.ok).toBe(true)
    expect(newRows(apiLog, from).map((r) => r.status)).toEqual([500, 200])

    const before = lastId(apiLog)
    await fault({ mode: 'http500', count: 1, pathPrefix: '/v2/bookings' })
    const write = await client.bookings.confirm('some-uid')
    expect(write.ok).toBe(false)
    expect(newRows(apiLog, before)).toHaveLength(1)
    await clearFaults()
  })

  it('keeps under the announced rate limit however many calls are queued', async () => {
    const account = state.accounts[1]!
    const { client, apiLog } = clientFor(account.apiKey, { maxWaitMs: 10_000, baseUrl: tight.url })
    const from = lastId(apiLog)
    const results = await Promise.all(Array.from({ length: LIMIT * 2 + 1 }, () => client.me.get()))
    expect(results.filter((r) => !r.ok)).toEqual([])
    const rows = newRows(apiLog, from)
    expect(rows).toHaveLength(LIMIT * 2 + 1)
    expect(rows.filter((r) => r.status === 429)).toEqual([])
  })

  it('honours a 429 block for that credential without calling Cal.com again', async () => {
    const account = state.accounts[0]!
    // Someone else (another desk on the same key) spends the whole budget and more.
    for (let i = 0; i <= LIMIT; i++) {
      await fetch(`${tight.url}/v2/me`, {
        headers: { authorization: `Bearer ${account.apiKey}` },
      })
    }
    const { client, apiLog, governor, credential } = clientFor(account.apiKey, {
      maxWaitMs: 500,
      baseUrl: tight.url,
    })
    const from = lastId(apiLog)
    const first = await client.me.get()
    expect(!first.ok && first.error).toMatchObject({
      kind: 'transient',
      code: 'RATE_LIMITED',
      status: 429,
    })
    // Blocked until the end Cal.com announced (X-RateLimit-Reset-Default, whole seconds): no
    // sooner, or the call after it would be refused again; no later, or the test would time out.
    const blockedUntil = governor.snapshot(credential.rateKey).blockedUntil

    const second = await client.me.get()
    expect(second.ok).toBe(false)
    if (!second.ok) {
      expect(second.error.code).toBe('RATE_LIMITED')
      expect(second.error.details.retryAt).toBe(blockedUntil)
    }
    expect(newRows(apiLog, from)).toHaveLength(1)

    await new Promise((r) => setTimeout(r, blockedUntil - Date.now() + 50))
    const after = await client.me.get()
    expect(after.ok).toBe(true)
    const rows = JSON.stringify(apiLog.recent(500))
    expect(rows).not.toContain(account.apiKey)
  })
  it('gives up on a call Cal.com does not answer, as TIMEOUT (outcome unknown for writes)', async () => {
    const { client, apiLog } = clientFor(state.accounts[0]!.apiKey, {
      timeoutMs: 300,
      maxWaitMs: 10_000,
    })
    await fault({ mode: 'hang', count: 1, pathPrefix: '/v2/bookings', hangMs: 600 })
    const from = lastId(apiLog)
    // A write whose answer never comes: the client cannot know whether Cal.com applied it.
    const created = await client.bookings.cancel('no-such-booking-uid', { cancellationReason: 'x' })
    expect(!created.ok && created.error).toMatchObject({ kind: 'transient', code: 'TIMEOUT' })
    const rows = newRows(apiLog, from)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      method: 'POST',
      path: '/v2/bookings/no-such-booking-uid/cancel',
      status: null,
    })
    await clearFaults()
  })
})
