// Bad input on every relay route gets a 400 that names the field — never a 500, a misleading
// 413 or a silent drop — while Cal.com's deliveries are judged only by their signature and kept
// byte for byte. Validation refuses before storage is touched, so one engine is enough.
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultRules } from '../../src/shared/notifications/rules.js'
import type { EventsResponse } from '../../src/shared/relay/relay-contract.js'
import {
  ADMIN_TOKEN,
  auth,
  bookingBody,
  routesOf,
  seedChannel,
  seedDevice,
  signedHeaders,
  startHarness,
  type Harness,
  type SeededChannel,
} from './helpers.js'

interface Case {
  route: string
  name: string
  send: () => Promise<{ statusCode: number; json(): unknown }>
  field: string
}

let h: Harness
let ch: SeededChannel
let token: string
let deviceId: string

beforeAll(async () => {
  // Cal.com is unreachable here: an enrollment that passed validation would answer 502.
  h = await startHarness('sqlite', { RELAY_CALCOM_API_URL: 'http://127.0.0.1:9' })
  ch = await seedChannel(h.storage)
  const device = await seedDevice(h.storage, ch.channel.id)
  token = device.token
  deviceId = device.device.id
  const body = bookingBody()
  await h.app.inject({
    method: 'POST',
    url: `/hooks/calcom/${ch.channel.id}`,
    headers: signedHeaders(ch.secret, body),
    payload: body,
  })
})
afterAll(async () => h?.close())

const json = (
  method: 'POST' | 'PUT' | 'DELETE',
  url: string,
  text: string,
  headers: Record<string, string> = {},
) =>
  h.app.inject({
    method,
    url,
    headers: { 'content-type': 'application/json', ...headers },
    payload: text,
  })
const enroll = (body: Record<string, unknown>) =>
  json('POST', '/v1/enroll', JSON.stringify({ calcom: { apiKey: 'cal_live_x' }, ...body }))
const get = (url: string, headers: Record<string, string>) => h.app.inject({ url, headers })
const admin = () => auth(ADMIN_TOKEN)
const device = () => auth(token)

const cases: Case[] = [
  {
    route: 'POST /v1/enroll',
    name: 'an unknown field',
    send: () => enroll({ deviceName: 'desk', devicename: 'desk' }),
    field: 'body/devicename',
  },
  {
    route: 'POST /v1/enroll',
    name: 'an unknown field in the credential',
    send: () => json('POST', '/v1/enroll', '{"calcom":{"apikey":"k"},"deviceName":"desk"}'),
    field: 'body/calcom/apikey',
  },
  {
    route: 'POST /v1/enroll',
    name: 'a name of spaces',
    send: () => enroll({ deviceName: '   ' }),
    field: 'body/deviceName',
  },
  {
    route: 'POST /v1/enroll',
    name: 'a name of a zero-width space',
    send: () => enroll({ deviceName: '\u200b' }),
    field: 'body/deviceName',
  },
  {
    route: 'POST /v1/enroll',
    name: 'a name of invisible and wide spaces',
    send: () => enroll({ deviceName: ' \u2060\u3000\ufeff ' }),
    field: 'body/deviceName',
  },
  {
    route: 'POST /v1/enroll',
    name: 'a name with a control character',
    send: () => enroll({ deviceName: 'front\u0000desk' }),
    field: 'body/deviceName',
  },
  {
    route: 'POST /v1/enroll',
    name: 'a name with a lone UTF-16 surrogate',
    send: () =>
      json('POST', '/v1/enroll', '{"calcom":{"apiKey":"k"},"deviceName":"front \\ud800 desk"}'),
    field: 'body/deviceName',
  },
  {
    route: 'POST /v1/enroll',
    name: 'a credential with a lone UTF-16 surrogate',
    send: () => json('POST', '/v1/enroll', '{"calcom":{"apiKey":"k\\udc00"},"deviceName":"desk"}'),
    field: 'body/calcom/apiKey',
  },
  {
    route: 'POST /v1/enroll',
    name: 'a 101-character name',
    send: () => enroll({ deviceName: 'd'.repeat(101) }),
    field: 'body/deviceName',
  },
  {
    route: 'POST /v1/enroll',
    name: 'a 100 KB name',
    send: () => enroll({ deviceName: 'd'.repeat(100 * 1024) }),
    field: 'body/deviceName',
  },
  {
    route: 'POST /v1/enroll',
    name: 'an old device token that is not text',
    send: () => enroll({ deviceName: 'desk', replacesDeviceToken: 42 }),
    field: 'body/replacesDeviceToken',
  },
  {
    route: 'POST /v1/ack',
    name: 'an unknown field',
    send: () => json('POST', '/v1/ack', '{"seq":1,"sequence":1}', device()),
    field: 'body/sequence',
  },
  {
    route: 'POST /v1/ack',
    name: 'a seq sent as text',
    send: () => json('POST', '/v1/ack', '{"seq":"1"}', device()),
    field: 'body/seq',
  },
  {
    route: 'POST /v1/ack',
    name: 'a seq sent as a boolean',
    send: () => json('POST', '/v1/ack', '{"seq":true}', device()),
    field: 'body/seq',
  },
  {
    route: 'GET /v1/events',
    name: 'a misspelt query parameter',
    send: () => get('/v1/events?afer=0', device()),
    field: 'querystring/afer',
  },
  {
    route: 'GET /v1/stream',
    name: 'an unknown query parameter',
    send: () => get('/v1/stream?after=0&from=0', device()),
    field: 'querystring/from',
  },
  {
    route: 'GET /v1/desk-state',
    name: 'a query naming another channel',
    send: () => get(`/v1/desk-state?channelId=${ch.channel.id}`, device()),
    field: 'querystring/channelId',
  },
  {
    route: 'POST /v1/device/revoke',
    name: 'a body on a route that takes none',
    send: () => json('POST', '/v1/device/revoke', '{"deviceId":"dev_x"}', device()),
    field: 'body/deviceId',
  },
  {
    route: 'GET /v1/admin/channels',
    name: 'an unknown query parameter',
    send: () => get('/v1/admin/channels?limit=5', admin()),
    field: 'querystring/limit',
  },
  {
    route: 'GET /v1/admin/channels/:channelId/devices',
    name: 'an unknown query parameter',
    send: () => get(`/v1/admin/channels/${ch.channel.id}/devices?active=1`, admin()),
    field: 'querystring/active',
  },
  {
    route: 'POST /v1/admin/devices/:deviceId/revoke',
    name: 'a body on a route that takes none',
    send: () => json('POST', `/v1/admin/devices/${deviceId}/revoke`, '{"reason":"lost"}', admin()),
    field: 'body/reason',
  },
  {
    route: 'GET /v1/admin/deliveries',
    name: 'a misspelt query parameter',
    send: () => get('/v1/admin/deliveries?channel=ch_x', admin()),
    field: 'querystring/channel',
  },
  {
    route: 'GET /metrics',
    name: 'an unknown query parameter',
    send: () => get('/metrics?format=json', admin()),
    field: 'querystring/format',
  },
  {
    route: 'POST /v1/business',
    name: 'a PIN that is not digits',
    send: () =>
      json(
        'POST',
        '/v1/business',
        JSON.stringify({
          name: 'Salon Zoë',
          owner: { name: 'Ana', email: 'ana@example.com', language: 'es', pin: 'abcd' },
        }),
        device(),
      ),
    field: 'body/owner/pin',
  },
  {
    route: 'GET /v1/business',
    name: 'an unknown query parameter',
    send: () => get('/v1/business?version=1', device()),
    field: 'querystring/version',
  },
  {
    route: 'POST /v1/business/join-codes',
    name: 'an unknown field',
    send: () =>
      json(
        'POST',
        '/v1/business/join-codes',
        '{"actor":{"personId":"per_x","pin":"1234"},"ttl":60}',
        device(),
      ),
    field: 'body/ttl',
  },
  {
    route: 'POST /v1/business/join',
    name: 'a code sent as a number',
    send: () => json('POST', '/v1/business/join', '{"code":1234}', device()),
    field: 'body/code',
  },
  {
    route: 'POST /v1/business/people',
    name: 'an email that is not one',
    send: () =>
      json(
        'POST',
        '/v1/business/people',
        JSON.stringify({
          actor: { personId: 'per_x', pin: '1234' },
          person: {
            name: 'Bo',
            email: 'bo at example',
            language: 'en',
            pin: '1234',
            role: 'receptionist',
            branches: [],
          },
        }),
        device(),
      ),
    field: 'body/person/email',
  },
  {
    route: 'PATCH /v1/business/people/:personId',
    name: 'no changes at all',
    send: () =>
      h.app.inject({
        method: 'PATCH',
        url: '/v1/business/people/per_x',
        headers: { 'content-type': 'application/json', ...device() },
        payload: '{"actor":{"personId":"per_x","pin":"1234"},"changes":{}}',
      }),
    field: 'body/changes',
  },
  {
    route: 'GET /v1/business/notification-rules',
    name: 'an unknown query parameter',
    send: () => get('/v1/business/notification-rules?version=1', device()),
    field: 'querystring/version',
  },
  {
    route: 'PUT /v1/business/notification-rules',
    name: 'a receptionist among the recipients',
    send: () =>
      h.app.inject({
        method: 'PUT',
        url: '/v1/business/notification-rules',
        headers: { 'content-type': 'application/json', ...device() },
        payload: JSON.stringify({
          actor: { personId: 'per_x', pin: '1234' },
          baseVersion: 0,
          rules: (() => {
            const r = defaultRules()
            ;(r.kinds['booking.created'].recipients.roles as string[]) = ['owner', 'receptionist']
            return r
          })(),
        }),
      }),
    field: 'body/rules/kinds/booking.created/recipients/roles/1',
  },
  {
    route: 'PUT /v1/business/notification-rules',
    name: 'an unknown kind',
    send: () =>
      h.app.inject({
        method: 'PUT',
        url: '/v1/business/notification-rules',
        headers: { 'content-type': 'application/json', ...device() },
        payload: JSON.stringify({
          actor: { personId: 'per_x', pin: '1234' },
          baseVersion: 0,
          rules: { ...defaultRules(), kinds: { ...defaultRules().kinds, 'booking.typo': {} } },
        }),
      }),
    field: 'body/rules/kinds/booking.typo',
  },
  {
    route: 'PUT /v1/business/cancellation-policies/:branchId/:eventTypeId',
    name: 'a window in hours sent as text',
    send: () =>
      json(
        'PUT',
        '/v1/business/cancellation-policies/ch_x/3',
        JSON.stringify({ actor: { personId: 'per_x', pin: '1234' }, windowHours: '24', text: 'x' }),
        device(),
      ),
    field: 'body/windowHours',
  },
  {
    route: 'DELETE /v1/business/cancellation-policies/:branchId/:eventTypeId',
    name: 'an unknown field',
    send: () =>
      json(
        'DELETE',
        '/v1/business/cancellation-policies/ch_x/3',
        JSON.stringify({ actor: { personId: 'per_x', pin: '1234' }, everything: true }),
        device(),
      ),
    field: 'body/everything',
  },
  {
    route: 'PUT /v1/business/branches/:channelId',
    name: 'a name of spaces only',
    send: () =>
      json(
        'PUT',
        '/v1/business/branches/ch_x',
        JSON.stringify({ actor: { personId: 'per_x', pin: '1234' }, name: ' \u00a0 ' }),
        device(),
      ),
    field: 'body/name',
  },
  {
    route: 'GET /v1/business/notification-rules/proposals',
    name: 'an unknown query parameter',
    send: () => get('/v1/business/notification-rules/proposals?state=pending', device()),
    field: 'querystring/state',
  },
  ...(['approve', 'reject'] as const).map((d) => ({
    route: `POST /v1/business/notification-rules/proposals/:id/${d}`,
    name: 'no actor',
    send: () =>
      json('POST', `/v1/business/notification-rules/proposals/prp_x/${d}`, '{}', device()),
    field: 'body/actor',
  })),
  {
    route: 'POST /v1/reports',
    name: 'a kind the desk does not report',
    send: () =>
      json(
        'POST',
        '/v1/reports',
        '{"key":"k1","kind":"booking.created","summary":"Cal.com refused"}',
        device(),
      ),
    field: 'body/kind',
  },
  {
    route: 'POST /v1/reports',
    name: 'a blank summary',
    send: () =>
      json(
        'POST',
        '/v1/reports',
        '{"key":"k1","kind":"desk.needs_attention","summary":"\u200b"}',
        device(),
      ),
    field: 'body/summary',
  },
  {
    route: 'POST /v1/desk-events',
    name: 'a visit state no desk knows',
    send: () =>
      json(
        'POST',
        '/v1/desk-events',
        '{"key":"k1","madeAt":"2026-03-10T10:02:00.000Z","change":{"kind":"visit","bookingUid":"b1","state":"GONE"}}',
        device(),
      ),
    field: 'body/change/state',
  },
  // The change is one of several kinds: the field named is the one wrong in the kind sent, not
  // one the first kind (a visit) would need ("body/change/bookingUid is required").
  {
    route: 'POST /v1/desk-events',
    name: 'a note with an id that is not one',
    send: () =>
      json(
        'POST',
        '/v1/desk-events',
        '{"key":"k1","madeAt":"2026-03-10T10:02:00.000Z","change":{"kind":"note_put","noteId":"n1","clientKey":"c","noteKind":"note","text":"t","author":null}}',
        device(),
      ),
    field: 'body/change/noteId',
  },
  {
    route: 'POST /v1/desk-events',
    name: 'a note whose author is not one',
    send: () =>
      json(
        'POST',
        '/v1/desk-events',
        '{"key":"k1","madeAt":"2026-03-10T10:02:00.000Z","change":{"kind":"note_put","noteId":"0f8fad5b-d9cb-469f-a165-70867728950e","clientKey":"c","noteKind":"note","text":"t","author":"Ada"}}',
        device(),
      ),
    field: 'body/change/author',
  },
  {
    route: 'POST /v1/desk-events',
    name: 'a walk-in flag sent as text',
    send: () =>
      json(
        'POST',
        '/v1/desk-events',
        '{"key":"k1","madeAt":"2026-03-10T10:02:00.000Z","change":{"kind":"walk_in","bookingUid":"b1","walkIn":"true"}}',
        device(),
      ),
    field: 'body/change/walkIn',
  },
  {
    route: 'POST /v1/desk-events',
    name: 'a kind of change no relay knows',
    send: () =>
      json(
        'POST',
        '/v1/desk-events',
        '{"key":"k1","madeAt":"2026-03-10T10:02:00.000Z","change":{"kind":"vist","bookingUid":"b1","state":"ARRIVED"}}',
        device(),
      ),
    field: 'body/change/kind',
  },
  {
    route: 'POST /v1/desk-events',
    name: 'a made-at time that is not a time',
    send: () =>
      json(
        'POST',
        '/v1/desk-events',
        '{"key":"k1","madeAt":"yesterday","change":{"kind":"visit","bookingUid":"b1","state":"ARRIVED"}}',
        device(),
      ),
    field: 'body/madeAt',
  },
  {
    route: 'POST /v1/desk-events',
    name: 'a made-at time on a day that does not exist',
    send: () =>
      json(
        'POST',
        '/v1/desk-events',
        '{"key":"k1","madeAt":"2026-02-30T10:02:00.000Z","change":{"kind":"visit","bookingUid":"b1","state":"ARRIVED"}}',
        device(),
      ),
    field: 'body/madeAt',
  },
  {
    route: 'POST /v1/desk-events',
    name: 'a key with spaces',
    send: () =>
      json(
        'POST',
        '/v1/desk-events',
        '{"key":"a key","madeAt":"2026-03-07T10:00:00Z","change":{}}',
        device(),
      ),
    field: 'body/key',
  },
  {
    route: 'PUT /v1/branch-hours',
    name: 'a zone that is not one',
    send: () =>
      json(
        'PUT',
        '/v1/branch-hours',
        '{"zone":"Mars/Olympus","days":[{"date":"2026-03-07","closesAtMinute":840}]}',
        device(),
      ),
    field: 'body/zone',
  },
  {
    route: 'PUT /v1/branch-hours',
    name: 'a closing past midnight',
    send: () =>
      json(
        'PUT',
        '/v1/branch-hours',
        '{"zone":"Europe/Madrid","days":[{"date":"2026-03-07","closesAtMinute":1441}]}',
        device(),
      ),
    field: 'body/days/0/closesAtMinute',
  },
  {
    route: 'PUT /v1/notifications/desktop',
    name: 'enabled sent as text',
    send: () =>
      h.app.inject({
        method: 'PUT',
        url: '/v1/notifications/desktop',
        headers: { 'content-type': 'application/json', ...device() },
        payload: '{"actor":{"personId":"per_x","pin":"1234"},"enabled":"true"}',
      }),
    field: 'body/enabled',
  },
  {
    route: 'GET /v1/notifications',
    name: 'a cursor that is not a number',
    send: () => get('/v1/notifications?after=latest', device()),
    field: 'querystring/after',
  },
  {
    route: 'GET /v1/business/notifications/history',
    name: 'an unknown query parameter',
    send: () => get('/v1/business/notifications/history?status=failed', device()),
    field: 'querystring/status',
  },
  {
    route: 'GET /healthz',
    name: 'an unknown query parameter',
    send: () => get('/healthz?deep=1', {}),
    field: 'querystring/deep',
  },
]

describe('every relay route refuses bad input with a 400 naming the field', () => {
  it.each(cases.map((c) => [`${c.route}: ${c.name}`, c] as const))('%s', async (_name, c) => {
    const r = await c.send()
    expect(r.statusCode, JSON.stringify(r.json())).toBe(400)
    const body = r.json() as { code: string; message: string; field: string }
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', field: c.field })
    expect(body.message).toContain(c.field)
  })

  it('covers every route the relay serves', () => {
    const covered = new Set([...cases.map((c) => c.route), 'POST /hooks/calcom/:channelId'])
    expect([...covered].sort()).toEqual(routesOf(h.app))
  })

  it('nothing refused was acted on: the device is still active at its cursor', async () => {
    const [stored] = await h.storage.listDevices(ch.channel.id)
    expect(stored).toMatchObject({ id: deviceId, revokedAt: null, cursor: 0 })
    expect(await h.storage.listChannels()).toHaveLength(1)
  })

  it('a body too large for an enrollment is refused with the enrollment limit, not the intake one', async () => {
    const r = await enroll({ deviceName: 'd'.repeat(512 * 1024) })
    expect(r.statusCode).toBe(413)
    expect(r.json().message).not.toContain('RELAY_MAX_BODY_BYTES')
    expect(r.json().message).toMatch(/\/v1\/enroll/)
  })
})

describe("Cal.com's deliveries are not validated, only verified", () => {
  it('keeps unknown fields, lone surrogates and invisible names byte for byte', async () => {
    const body =
      '{"triggerEvent":"BOOKING_CREATED","extra":{"x":1},"payload":{"title":"\\ud800","attendees":[{"name":"\u200b"}]}}'
    const r = await h.app.inject({
      method: 'POST',
      url: `/hooks/calcom/${ch.channel.id}`,
      headers: signedHeaders(ch.secret, body),
      payload: body,
    })
    expect(r.statusCode).toBe(200)
    const page = (
      await h.app.inject({ url: '/v1/events?after=1', headers: device() })
    ).json() as EventsResponse
    expect(page.events.map((e) => e.body)).toEqual([body])
  })
})

describe('the Host header', () => {
  it('a request naming two hosts is refused', async () => {
    const base = new URL(await h.app.listen({ host: '127.0.0.1', port: 0 }))
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: base.port,
        path: '/healthz',
        headers: ['Host', base.host, 'Host', 'relay.attacker.example'],
      } as unknown as Parameters<typeof request>[0])
      req.on('response', (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      })
      req.on('error', reject)
      req.end()
    })
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'headers/host',
    })
    const one = await fetch(`${base.origin}/healthz`)
    expect(one.status).toBe(200)
  })
})
