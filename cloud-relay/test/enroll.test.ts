// Enrollment against the Cal.com sandbox (sandbox/), with real HTTP both ways: the relay calls
// the sandbox's /v2/me and /v2/webhooks, and the sandbox delivers signed webhooks to the relay.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { freePort } from '../../test/support/free-port.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../sandbox/src/index.js'
import { buildApp, type RelayApp } from '../src/app.js'
import type { EnrollResponse, EventsResponse } from '../../src/shared/relay/relay-contract.js'
import { openStorage } from '../src/storage/open-storage.js'
import {
  ADMIN_TOKEN,
  ENGINES,
  auth,
  createDatabase,
  testConfig,
  type TestDatabase,
} from './helpers.js'

const NOW = '2026-03-10T14:00:00.000Z'

interface Webhook {
  id: string
  subscriberUrl: string
  triggers: string[]
  active: boolean
  secret?: string
}

describe.each(ENGINES)('enrollment on %s (against the Cal.com sandbox)', (engine) => {
  let sandbox: RunningSandbox
  let state: SandboxState
  let db: TestDatabase
  let relay: RelayApp
  let base: string

  beforeAll(async () => {
    sandbox = await startSandbox({ now: NOW })
    state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
    db = await createDatabase(engine)
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    const config = testConfig({
      RELAY_DATABASE_URL: db.url,
      RELAY_PORT: String(port),
      RELAY_PUBLIC_URL: base,
      RELAY_CALCOM_API_URL: sandbox.url,
    })
    relay = await buildApp({ config, storage: await openStorage(db.url), closeStorage: true })
    await relay.listen({ host: '127.0.0.1', port })
  }, 60_000)
  afterAll(async () => {
    await relay?.close()
    await sandbox?.close()
    await db?.drop()
  })

  const account = (i: number) => state.accounts[i] as SandboxState['accounts'][number]
  const enroll = (calcom: Record<string, string>, deviceName = 'front desk') =>
    fetch(`${base}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ calcom, deviceName }),
    })
  const webhooksOf = async (apiKey: string) =>
    (
      (await (await fetch(`${sandbox.url}/v2/webhooks`, { headers: auth(apiKey) })).json()) as {
        data: Webhook[]
      }
    ).data
  const book = async (i: number): Promise<string> => {
    const a = account(i)
    const et = a.eventTypes.find((e) => !e.requiresConfirmation && e.price === 0) ?? a.eventTypes[0]
    const end = new Date(Date.parse(NOW) + 7 * 86_400_000).toISOString()
    const slots = (await (
      await fetch(`${sandbox.url}/v2/slots?eventTypeId=${et?.id}&start=${NOW}&end=${end}`, {
        headers: { 'cal-api-version': '2024-09-04' },
      })
    ).json()) as { data: Record<string, { start: string }[]> }
    const taken = new Set<string>()
    const start = Object.values(slots.data)
      .flat()
      .map((s) => new Date(s.start).toISOString())
      .find((s) => !taken.has(s))
    const r = await fetch(`${sandbox.url}/_sandbox/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        start,
        eventTypeId: et?.id,
        attendee: { name: 'Walk In', email: 'walk.in@example.com', timeZone: a.timeZone },
      }),
    })
    expect(r.status, await r.clone().text()).toBe(201)
    const uid = ((await r.json()) as { data: { uid: string } }).data.uid
    await fetch(`${sandbox.url}/_sandbox/webhooks/flush`, { method: 'POST' })
    return uid
  }

  let first: EnrollResponse
  let second: EnrollResponse

  it('enrolls a desk with an API key and points one active Cal.com webhook at its channel', async () => {
    const r = await enroll({ apiKey: account(0).apiKey })
    expect(r.status).toBe(200)
    first = (await r.json()) as EnrollResponse
    expect(Object.keys(first).sort()).toEqual(['channelId', 'deviceId', 'deviceToken'])
    expect(
      Buffer.from(first.deviceToken.replace(/^fdr_/, ''), 'base64url').length,
    ).toBeGreaterThanOrEqual(32)
    const hooks = (await webhooksOf(account(0).apiKey)).filter((w) =>
      w.subscriberUrl.startsWith(base),
    )
    expect(hooks).toHaveLength(1)
    expect(hooks[0]).toMatchObject({
      subscriberUrl: `${base}/hooks/calcom/${first.channelId}`,
      active: true,
    })
    expect(hooks[0]?.triggers).toEqual(
      expect.arrayContaining([
        'BOOKING_CREATED',
        'BOOKING_CANCELLED',
        'BOOKING_RESCHEDULED',
        'MEETING_ENDED',
      ]),
    )
    const channel = await relay.storage.findChannel(first.channelId)
    expect(channel?.calcomAccountId).toBe(String(account(0).userId))
    expect(channel?.calcomWebhookId).toBe(hooks[0]?.id)
    // Only the token's hash is stored.
    const devices = await relay.storage.listDevices(first.channelId)
    expect(JSON.stringify(devices)).not.toContain(first.deviceToken)
  })

  it('enrolls a second desk of the same branch into the same channel, with its own cursor', async () => {
    const r = await enroll({ apiKey: account(0).apiKey }, 'back office')
    second = (await r.json()) as EnrollResponse
    expect(second.channelId).toBe(first.channelId)
    expect(second.deviceId).not.toBe(first.deviceId)
    expect(second.deviceToken).not.toBe(first.deviceToken)
    expect(
      (await webhooksOf(account(0).apiKey)).filter((w) => w.subscriberUrl.startsWith(base)),
    ).toHaveLength(1)

    const uid = await book(0)
    for (const desk of [first, second]) {
      const page = (await (
        await fetch(`${base}/v1/events?wait=5`, { headers: auth(desk.deviceToken) })
      ).json()) as EventsResponse
      const created = page.events.map((e) => JSON.parse(e.body)).find((b) => b.payload?.uid === uid)
      expect(created?.triggerEvent).toBe('BOOKING_CREATED')
    }
    const ack = await fetch(`${base}/v1/ack`, {
      method: 'POST',
      headers: { ...auth(first.deviceToken), 'content-type': 'application/json' },
      body: JSON.stringify({ seq: 1 }),
    })
    expect(await ack.json()).toEqual({ ok: true, cursor: 1 })
    const devices = await relay.storage.listDevices(first.channelId)
    expect(devices.map((d) => [d.name, d.cursor]).sort()).toEqual([
      ['back office', 0],
      ['front desk', 1],
    ])
  })

  it('re-activates a webhook Cal.com switched off, and recreates a deleted one', async () => {
    const [hook] = (await webhooksOf(account(0).apiKey)).filter((w) =>
      w.subscriberUrl.startsWith(base),
    )
    await fetch(`${sandbox.url}/_sandbox/webhooks/${hook?.id}/disable`, { method: 'POST' })
    expect((await webhooksOf(account(0).apiKey)).find((w) => w.id === hook?.id)?.active).toBe(false)
    expect((await enroll({ apiKey: account(0).apiKey })).status).toBe(200)
    expect((await webhooksOf(account(0).apiKey)).find((w) => w.id === hook?.id)?.active).toBe(true)

    await fetch(`${sandbox.url}/v2/webhooks/${hook?.id}`, {
      method: 'DELETE',
      headers: auth(account(0).apiKey),
    })
    const again = (await (await enroll({ apiKey: account(0).apiKey })).json()) as EnrollResponse
    expect(again.channelId).toBe(first.channelId)
    const now = (await webhooksOf(account(0).apiKey)).filter((w) =>
      w.subscriberUrl.startsWith(base),
    )
    expect(now).toHaveLength(1)
    expect(now[0]?.id).not.toBe(hook?.id)
    expect((await relay.storage.findChannel(first.channelId))?.calcomWebhookId).toBe(now[0]?.id)
    // The recreated webhook signs with the channel's secret: its deliveries are accepted.
    const uid = await book(0)
    const page = (await (
      await fetch(`${base}/v1/events?after=0&limit=500`, { headers: auth(first.deviceToken) })
    ).json()) as EventsResponse
    expect(page.events.some((e) => JSON.parse(e.body).payload?.uid === uid)).toBe(true)
  })

  it('gives another Cal.com account its own channel, isolated from the first', async () => {
    const other = (await (await enroll({ apiKey: account(1).apiKey })).json()) as EnrollResponse
    expect(other.channelId).not.toBe(first.channelId)
    const page = (await (
      await fetch(`${base}/v1/events?after=0`, { headers: auth(other.deviceToken) })
    ).json()) as EventsResponse
    expect(page.events).toEqual([])
  })

  it('refuses a credential Cal.com rejects, and malformed requests', async () => {
    const bad = await enroll({ apiKey: 'cal_not_a_real_key' })
    expect(bad.status).toBe(401)
    expect(((await bad.json()) as { code: string }).code).toBe('CALCOM_UNAUTHORIZED')
    const token = await enroll({ accessToken: 'not-a-token' })
    expect(token.status).toBe(401)
    for (const body of [
      {},
      { calcom: {}, deviceName: 'x' },
      { calcom: { apiKey: 'k' } },
      { calcom: { apiKey: 'k', accessToken: 't' }, deviceName: 'x' },
    ]) {
      const r = await fetch(`${base}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(r.status).toBe(400)
      expect(((await r.json()) as { code: string }).code).toBe('VALIDATION_FAILED')
    }
  })

  it('lets the operator list channels and devices, revoke a device, and see recent deliveries', async () => {
    const admin = (path: string, method = 'GET') =>
      fetch(`${base}${path}`, { method, headers: auth(ADMIN_TOKEN) })
    const channels = (await (await admin('/v1/admin/channels')).json()) as {
      channels: { id: string; activeDevices: number }[]
    }
    expect(
      channels.channels.find((c) => c.id === first.channelId)?.activeDevices,
    ).toBeGreaterThanOrEqual(2)
    const devices = await (await admin(`/v1/admin/channels/${first.channelId}/devices`)).text()
    expect(devices).not.toMatch(/token|secret/i)
    expect((await admin(`/v1/admin/devices/${second.deviceId}/revoke`, 'POST')).status).toBe(200)
    expect((await fetch(`${base}/v1/events`, { headers: auth(second.deviceToken) })).status).toBe(
      401,
    )
    expect((await fetch(`${base}/v1/events`, { headers: auth(first.deviceToken) })).status).toBe(
      200,
    )
    const log = (await (
      await admin(`/v1/admin/deliveries?channelId=${first.channelId}`)
    ).json()) as { deliveries: { result: string; status: number }[] }
    expect(log.deliveries.length).toBeGreaterThan(0)
    expect(log.deliveries.every((d) => d.result === 'accepted' && d.status === 200)).toBe(true)
  })

  it('an enrollment presenting the old device token revokes that device and takes over its cursor', async () => {
    const old = (await (await enroll({ apiKey: account(0).apiKey })).json()) as EnrollResponse
    const lastSeq = (await relay.storage.findChannel(old.channelId))?.lastSeq ?? 0
    expect(lastSeq).toBeGreaterThan(0)
    const ack = await fetch(`${base}/v1/ack`, {
      method: 'POST',
      headers: { ...auth(old.deviceToken), 'content-type': 'application/json' },
      body: JSON.stringify({ seq: lastSeq }),
    })
    expect(ack.status).toBe(200)
    const r = await fetch(`${base}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        calcom: { apiKey: account(0).apiKey },
        deviceName: 'front desk',
        replacesDeviceToken: old.deviceToken,
      }),
    })
    expect(r.status).toBe(200)
    const next = (await r.json()) as EnrollResponse
    expect(next.deviceId).not.toBe(old.deviceId)
    expect((await fetch(`${base}/v1/events`, { headers: auth(old.deviceToken) })).status).toBe(401)
    const listed = (await (
      await fetch(`${base}/v1/admin/channels/${old.channelId}/devices`, {
        headers: auth(ADMIN_TOKEN),
      })
    ).json()) as { devices: { id: string; cursor: number; revokedAt: string | null }[] }
    expect(listed.devices.find((d) => d.id === old.deviceId)?.revokedAt).not.toBeNull()
    expect(listed.devices.find((d) => d.id === next.deviceId)).toMatchObject({
      cursor: lastSeq,
      revokedAt: null,
    })
  })

  it('an old device token that is no longer valid does not stop the enrollment', async () => {
    const active = async () =>
      (await relay.storage.listDevices(first.channelId)).filter((d) => !d.revokedAt).length
    const before = await active()
    // second's device was revoked by the operator above; the other was never issued.
    for (const stale of [second.deviceToken, 'fdr_never-issued']) {
      const r = await fetch(`${base}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          calcom: { apiKey: account(0).apiKey },
          deviceName: 'back office',
          replacesDeviceToken: stale,
        }),
      })
      expect(r.status).toBe(200)
    }
    expect(await active()).toBe(before + 2)
  })

  it('a device can revoke itself, once', async () => {
    const own = (await (await enroll({ apiKey: account(1).apiKey })).json()) as EnrollResponse
    const revoke = () =>
      fetch(`${base}/v1/device/revoke`, { method: 'POST', headers: auth(own.deviceToken) })
    const answer = await revoke()
    expect(answer.status).toBe(200)
    expect(await answer.json()).toEqual({ ok: true })
    expect((await fetch(`${base}/v1/events`, { headers: auth(own.deviceToken) })).status).toBe(401)
    expect((await revoke()).status).toBe(401)
    const devices = await relay.storage.listDevices(own.channelId)
    expect(devices.find((d) => d.id === own.deviceId)?.revokedAt).toBeInstanceOf(Date)
  })
})

describe('enrollment restrictions', () => {
  it('refuses accounts outside RELAY_ALLOWED_ACCOUNTS, and answers 502 when Cal.com is unreachable', async () => {
    const sandbox = await startSandbox({ now: NOW })
    const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
    const db = await createDatabase('sqlite')
    const [a, b] = state.accounts
    const make = async (apiUrl: string) =>
      buildApp({
        config: testConfig({
          RELAY_DATABASE_URL: db.url,
          RELAY_CALCOM_API_URL: apiUrl,
          RELAY_ALLOWED_ACCOUNTS: String(a?.userId),
        }),
        storage: await openStorage(db.url),
        closeStorage: true,
      })
    const relay = await make(sandbox.url)
    try {
      const post = (apiKey: string) =>
        relay.inject({
          method: 'POST',
          url: '/v1/enroll',
          payload: { calcom: { apiKey }, deviceName: 'desk' },
        })
      const refused = await post(b?.apiKey as string)
      expect(refused.statusCode).toBe(403)
      expect(refused.json().code).toBe('ACCOUNT_NOT_ALLOWED')
      expect(await relay.storage.listChannels()).toEqual([])
      expect((await post(a?.apiKey as string)).statusCode).toBe(200)
    } finally {
      await relay.close()
      await sandbox.close()
    }
    const down = await make('http://127.0.0.1:9')
    try {
      const r = await down.inject({
        method: 'POST',
        url: '/v1/enroll',
        payload: { calcom: { apiKey: 'cal_x' }, deviceName: 'desk' },
      })
      expect(r.statusCode).toBe(502)
      expect(r.json().code).toBe('CALCOM_UNAVAILABLE')
    } finally {
      await down.close()
      await db.drop()
    }
  })
})

describe('enrollment against a Cal.com that answers in an unexpected shape', () => {
  /** Answers /v2/me as Cal.com does, and /v2/webhooks with `webhooks` as its data. */
  async function calcomAnswering(webhooks: unknown) {
    const server = createServer((req, res) => {
      const data = req.url?.startsWith('/v2/me')
        ? { id: 4242, username: 'odd' }
        : req.method === 'GET'
          ? webhooks
          : { subscriberUrl: 'x', triggers: [], active: true } // created, but with no id
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ status: 'success', data }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) }
  }

  it.each([
    ['a list of webhooks that is an object', { webhooks: [] }],
    ['a list of webhooks that is text', 'none'],
    ['a new webhook without an id', []],
  ])(
    'answers 502 saying Cal.com answered oddly, for %s, and enrolls no device',
    async (_, hooks) => {
      const calcom = await calcomAnswering(hooks)
      const db = await createDatabase('sqlite')
      const relay = await buildApp({
        config: testConfig({ RELAY_DATABASE_URL: db.url, RELAY_CALCOM_API_URL: calcom.url }),
        storage: await openStorage(db.url),
        closeStorage: true,
      })
      try {
        const r = await relay.inject({
          method: 'POST',
          url: '/v1/enroll',
          payload: { calcom: { apiKey: 'cal_x' }, deviceName: 'desk' },
        })
        expect(r.statusCode, r.body).toBe(502)
        expect(r.json()).toMatchObject({
          code: 'CALCOM_UNAVAILABLE',
          message: expect.stringMatching(/\/v2\/webhooks/),
        })
        const [channel] = await relay.storage.listChannels()
        expect(channel?.activeDevices ?? 0).toBe(0)
      } finally {
        await relay.close()
        await calcom.close()
        await db.drop()
      }
    },
  )
})
