// The sync health page's two logs and the desk's own facts, over real HTTP: a desk connected by
// API key to the Cal.com sandbox and enrolled at a real relay, on a real SQLite file. The API log
// lists each call with its result and no secret; the event log lists the webhook a public booking
// fires and the reconciles; both filter; a bad filter is refused naming it; only owners and
// admins read them once a business exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { sandboxSlots } from '../../../../test/support/sandbox-slots'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import { connectByApiKey, startDeskOnRelay } from '../../../../test/support/connected-desk'
import { sandboxAccounts, type SandboxAccount } from '../../../../test/support/sandbox-calcom'
import type { DeskInfo } from '../../../shared/api/desk-info'
import type { ApiLogEntry, SyncHealth } from '../../../shared/api/schemas'
import type { SyncEventPage } from '../../../shared/api/sync-logs'
import { ADMIN, RECEPTIONIST, seedBusiness, signInAs } from '../people/business.test-support'

let sandbox: RunningSandbox
let account: SandboxAccount
let relay: InProcessRelay
let desk: TempDesk

const getJson = async <T>(path: string): Promise<T> => {
  const res = await deskFetch(desk, path)
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200)
  return (await res.json()) as T
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  account = (await sandboxAccounts(sandbox.url))[0]!
  relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  desk = await startDeskOnRelay(
    { calcomUrl: sandbox.url, relayUrl: relay.url },
    { sync: { relayWaitSeconds: 5 } },
  )
  await connectByApiKey(desk, account.apiKey)
  await until('relay online and reconciled', async () => {
    const s = await getJson<SyncHealth>('/api/sync')
    return s.relay.state === 'online' && s.lastReconcile?.ok === true
  })
})

afterAll(async () => {
  await desk?.dispose()
  await relay?.close()
  await sandbox?.close()
})

describe('the Cal.com API log', () => {
  it('lists the calls the desk made, newest first, with their result and no secret', async () => {
    const rows = await getJson<ApiLogEntry[]>('/api/api-log')
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.some((r) => r.method === 'GET' && r.path.startsWith('/v2/me'))).toBe(true)
    expect(rows.every((r) => (r.status !== null && r.status < 400) === (r.result === 'ok'))).toBe(
      true,
    )
    const ids = rows.map((r) => r.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    expect(JSON.stringify(rows)).not.toContain(account.apiKey)
  })

  it('blanks an attendee’s address in a logged query', async () => {
    desk.services.apiLog.record({
      method: 'GET',
      path: '/v2/bookings?attendeeEmail=pilar%40example.com&take=10',
      status: 500,
      durationMs: 12,
      error: 'Cal.com failed',
    })
    const rows = await getJson<ApiLogEntry[]>('/api/api-log?result=failed')
    expect(rows[0]).toMatchObject({
      path: '/v2/bookings?attendeeEmail=_&take=10',
      status: 500,
      result: 'failed',
    })
    expect(JSON.stringify(rows)).not.toContain('pilar')
  })

  it('filters by result and by text', async () => {
    const failed = await getJson<ApiLogEntry[]>('/api/api-log?result=failed')
    expect(failed.length).toBeGreaterThan(0)
    expect(failed.every((r) => r.result === 'failed')).toBe(true)
    const ok = await getJson<ApiLogEntry[]>('/api/api-log?result=ok')
    expect(ok.every((r) => r.result === 'ok')).toBe(true)
    const me = await getJson<ApiLogEntry[]>('/api/api-log?text=%2Fv2%2Fme')
    expect(me.length).toBeGreaterThan(0)
    expect(me.every((r) => r.path.includes('/v2/me'))).toBe(true)
    // LIKE's wildcards are plain characters here.
    const percent = await getJson<ApiLogEntry[]>('/api/api-log?text=%25')
    expect(percent).toEqual([])
  })

  it('refuses a filter it does not know, naming it', async () => {
    for (const [query, field] of [
      ['result=maybe', 'result'],
      ['limit=0', 'limit'],
      ['colour=red', 'colour'],
    ] as const) {
      const res = await deskFetch(desk, `/api/api-log?${query}`)
      expect(res.status, query).toBe(400)
      const body = (await res.json()) as { error: { code: string; field?: string } }
      expect(body.error.code, query).toBe('VALIDATION')
      expect(`${body.error.field} ${JSON.stringify(body)}`, query).toContain(field)
    }
  })
})

describe('the event log', () => {
  it('shows the webhook a public booking fired and the reconciles, and filters them', async () => {
    const et = account.eventTypes.find((e) => !e.requiresConfirmation && e.price === 0)!
    const start = (await sandboxSlots(sandbox.url, et.id))[0]!
    const booked = await fetch(`${sandbox.url}/_sandbox/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        start,
        eventTypeId: et.id,
        attendee: { name: 'Eva Event', email: 'eva@example.com', timeZone: account.timeZone },
      }),
    })
    const { uid } = ((await booked.json()) as { data: { uid: string } }).data
    await fetch(`${sandbox.url}/_sandbox/webhooks/flush`, { method: 'POST' })

    const row = await until('the booking in the event log', async () =>
      (await getJson<SyncEventPage>('/api/sync/events')).rows.find((r) => r.uids.includes(uid)),
    )
    expect(row).toMatchObject({
      kind: 'webhook',
      what: 'BOOKING_CREATED',
      result: 'changed',
      changed: 1,
      error: null,
    })
    expect(row.seq).toBeGreaterThan(0)

    const page = await getJson<SyncEventPage>('/api/sync/events')
    expect(Date.parse(page.since)).toBeLessThanOrEqual(Date.parse(page.rows.at(-1)!.at))
    expect(page.rows.some((r) => r.kind === 'reconcile' && r.fetched !== null)).toBe(true)
    expect(JSON.stringify(page)).not.toContain('eva@example.com')

    const reconciles = await getJson<SyncEventPage>('/api/sync/events?kind=reconcile')
    expect(reconciles.rows.length).toBeGreaterThan(0)
    expect(reconciles.rows.every((r) => r.kind === 'reconcile')).toBe(true)
    const byText = await getJson<SyncEventPage>(`/api/sync/events?text=${uid.slice(0, 8)}`)
    expect(byText.rows.map((r) => r.uids)).toContainEqual([uid])
    const failed = await getJson<SyncEventPage>('/api/sync/events?result=failed')
    expect(failed.rows).toEqual([])

    const bad = await deskFetch(desk, '/api/sync/events?kind=fax')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('VALIDATION')
  })
})

describe('the desk’s own facts', () => {
  it('says since when the branch is connected and the relay in its state', async () => {
    const connectedAt = desk.services.audit
      .entries()
      .findLast((e) => e.action === 'branch.connect')!.at
    const health = await getJson<SyncHealth>('/api/sync')
    expect(health.connectionSince).toBe(new Date(connectedAt).toISOString())
    expect(health.relay.state).toBe('online')
    expect(Date.parse(health.relay.since!)).toBeGreaterThanOrEqual(connectedAt)
  })

  it('says its version, data folder, relay and Cal.com addresses', async () => {
    expect(await getJson<DeskInfo>('/api/desk')).toEqual({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      dataDir: desk.dataDir,
      relayUrl: relay.url,
      calcomApiUrl: sandbox.url,
    })
  })
})

describe('who may read the logs', () => {
  it('lets an admin read them and refuses a receptionist', async () => {
    // A desk of its own: the seeded business belongs to no relay channel.
    const own = await startTempDesk()
    try {
      await seedBusiness(own)
      expect((await signInAs(own, RECEPTIONIST)).status).toBe(200)
      for (const path of ['/api/api-log', '/api/sync/events']) {
        const res = await deskFetch(own, path)
        expect(res.status, path).toBe(403)
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN')
      }
      // Sync health itself stays readable: every desk's status strip shows it.
      expect((await deskFetch(own, '/api/sync')).status).toBe(200)
      await deskFetch(own, '/api/session', { method: 'DELETE' })
      expect((await signInAs(own, ADMIN)).status).toBe(200)
      expect((await deskFetch(own, '/api/api-log')).status).toBe(200)
      expect((await deskFetch(own, '/api/sync/events')).status).toBe(200)
    } finally {
      await own.dispose()
    }
  })
})
