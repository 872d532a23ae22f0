// Channel isolation and hostile input, once per storage engine.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventsResponse } from '../../src/shared/relay/relay-contract.js'
import { signCalcomBody } from '../src/signature.js'
import {
  ENGINES,
  auth,
  bookingBody,
  seedChannel,
  seedDevice,
  signedHeaders,
  startHarness,
  type Harness,
  type SeededChannel,
} from './helpers.js'
import { openStream } from './sse-client.js'

const EXAMPLES = join(import.meta.dirname, '../../test/fixtures/calcom/webhook-examples')

interface Vector {
  file: string
  compactBodySha256: string
  bytes: number
  'X-Cal-Signature-256': string
}

describe.each(ENGINES)('isolation and abuse on %s', (engine) => {
  let h: Harness
  let a: SeededChannel
  let b: SeededChannel
  let tokenA: string
  let tokenB: string
  let deviceB: string

  beforeAll(async () => {
    h = await startHarness(engine, {}, { heartbeatMs: 200 })
    a = await seedChannel(h.storage)
    b = await seedChannel(h.storage)
    tokenA = (await seedDevice(h.storage, a.channel.id)).token
    const devB = await seedDevice(h.storage, b.channel.id)
    tokenB = devB.token
    deviceB = devB.device.id
    await post(a.channel.id, a.secret, bookingBody('A1'))
    for (let i = 0; i < 5; i++) await post(b.channel.id, b.secret, bookingBody(`B${i}`))
  })
  afterAll(async () => h?.close())

  function post(channelId: string, secret: string, body: string | Buffer, contentType?: string) {
    return h.app.inject({
      method: 'POST',
      url: `/hooks/calcom/${channelId}`,
      headers: signedHeaders(secret, body, contentType),
      payload: body,
    })
  }
  const lastSeq = async (channelId: string) => (await h.storage.findChannel(channelId))?.lastSeq

  describe('a device of channel A', () => {
    it('reads only channel A, whatever cursor it sends', async () => {
      const all = (
        await h.app.inject({ method: 'GET', url: '/v1/events?after=0', headers: auth(tokenA) })
      ).json()
      expect(all.events.map((e: { body: string }) => JSON.parse(e.body).payload.note)).toEqual([
        'A1',
      ])
      // Cursors past A's log get the same answer whether or not channel B has those seqs.
      const answers: [number, unknown][] = []
      for (const after of [2, 4, 5, 1000]) {
        const r = await h.app.inject({
          method: 'GET',
          url: `/v1/events?after=${after}`,
          headers: auth(tokenA),
        })
        answers.push([r.statusCode, r.json()])
      }
      expect(
        answers.every(
          ([status, body]) =>
            status === 410 && JSON.stringify(body) === JSON.stringify(answers[0]?.[1]),
        ),
      ).toBe(true)
      expect(answers[0]?.[1]).toMatchObject({ code: 'RESYNC_REQUIRED', resumeAfter: 1 })
    })

    it('cannot ack channel B seqs, and the refusal is the same whether B has them or not', async () => {
      const beyond = await h.app.inject({
        method: 'POST',
        url: '/v1/ack',
        headers: auth(tokenA),
        payload: { seq: 3 },
      })
      const farBeyond = await h.app.inject({
        method: 'POST',
        url: '/v1/ack',
        headers: auth(tokenA),
        payload: { seq: 3000 },
      })
      expect(beyond.statusCode).toBe(400)
      expect(beyond.json().message.replace('3', 'N')).toBe(
        farBeyond.json().message.replace('3000', 'N'),
      )
      const devices = await h.storage.listDevices(b.channel.id)
      expect(devices.every((d) => d.cursor === 0)).toBe(true)
    })

    it('streams only channel A', async () => {
      const base = await h.app.listen({ host: '127.0.0.1', port: 0 })
      const s = await openStream(`${base}/v1/stream`, { ...auth(tokenA), 'last-event-id': '0' })
      await post(b.channel.id, b.secret, bookingBody('B-live'))
      await post(a.channel.id, a.secret, bookingBody('A-live'))
      await s.until((f) => f.filter((x) => x.event === 'delivery').length >= 2)
      await s.until((f) => f.some((x) => x.comment === 'heartbeat'))
      const bodies = s.frames
        .filter((f) => f.event === 'delivery')
        .map((f) => JSON.parse(f.data as string).body as string)
      expect(bodies).toHaveLength(2)
      expect(bodies.every((x) => /"note":"A(1|-live)"/.test(x))).toBe(true)
      await s.close()
    })

    it('cannot reach admin routes or metrics with its device token', async () => {
      for (const url of [
        '/v1/admin/channels',
        `/v1/admin/channels/${b.channel.id}/devices`,
        '/v1/admin/deliveries',
        '/metrics',
      ]) {
        const r = await h.app.inject({ method: 'GET', url, headers: auth(tokenA) })
        expect(r.statusCode).toBe(401)
      }
      const revoke = await h.app.inject({
        method: 'POST',
        url: `/v1/admin/devices/${deviceB}/revoke`,
        headers: auth(tokenA),
      })
      expect(revoke.statusCode).toBe(401)
      expect(
        (await h.storage.deviceByTokenHash(createHash('sha256').update(tokenB).digest('hex')))?.id,
      ).toBe(deviceB)
    })
  })

  it('refuses unknown, malformed and revoked tokens on every device route', async () => {
    const { channel } = await seedChannel(h.storage)
    const revoked = await seedDevice(h.storage, channel.id)
    await h.storage.revokeDevice(revoked.device.id)
    const bad = [
      {},
      auth('fdr_unknown'),
      { authorization: tokenA },
      { authorization: `Basic ${tokenA}` },
      auth(revoked.token),
    ]
    for (const headers of bad) {
      const ev = await h.app.inject({ method: 'GET', url: '/v1/events', headers })
      const st = await h.app.inject({ method: 'GET', url: '/v1/stream', headers })
      const ack = await h.app.inject({
        method: 'POST',
        url: '/v1/ack',
        headers,
        payload: { seq: 0 },
      })
      expect([ev.statusCode, st.statusCode, ack.statusCode]).toEqual([401, 401, 401])
      expect(ev.json()).toEqual(st.json())
    }
  })

  describe('hostile deliveries are refused and store nothing', () => {
    const valid = bookingBody('valid')
    const cases: [string, () => Promise<{ statusCode: number }>, number][] = [
      [
        'a bad signature',
        () =>
          h.app.inject({
            method: 'POST',
            url: `/hooks/calcom/${a.channel.id}`,
            headers: { ...signedHeaders(a.secret, valid), 'x-cal-signature-256': 'f'.repeat(64) },
            payload: valid,
          }),
        401,
      ],
      [
        'a signature made with another channel secret',
        () => post(a.channel.id, b.secret, valid),
        401,
      ],
      [
        'an uppercase/garbled header',
        () =>
          h.app.inject({
            method: 'POST',
            url: `/hooks/calcom/${a.channel.id}`,
            headers: {
              ...signedHeaders(a.secret, valid),
              'x-cal-signature-256': `sha256=${signCalcomBody(a.secret, valid)}`,
            },
            payload: valid,
          }),
        401,
      ],
      [
        'truncated bytes',
        () =>
          h.app.inject({
            method: 'POST',
            url: `/hooks/calcom/${a.channel.id}`,
            headers: signedHeaders(a.secret, valid),
            payload: valid.slice(0, -1),
          }),
        401,
      ],
      [
        'a JSON re-serialisation of a valid body',
        () =>
          h.app.inject({
            method: 'POST',
            url: `/hooks/calcom/${a.channel.id}`,
            headers: signedHeaders(a.secret, valid),
            payload: JSON.stringify(JSON.parse(valid), null, 2),
          }),
        401,
      ],
      [
        'a 2 MiB body (signed)',
        () => post(a.channel.id, a.secret, JSON.stringify({ x: 'y'.repeat(2 * 1024 * 1024) })),
        413,
      ],
      [
        'invalid UTF-8 (signed)',
        () => post(a.channel.id, a.secret, Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d])),
        400,
      ],
      [
        'a garbage content type (signed)',
        () => post(a.channel.id, a.secret, valid, 'text/garbage'),
        415,
      ],
      ['a non-media content type (signed)', () => post(a.channel.id, a.secret, valid, '%%%'), 415],
      [
        'no content type (signed)',
        () =>
          h.app.inject({
            method: 'POST',
            url: `/hooks/calcom/${a.channel.id}`,
            headers: { 'x-cal-signature-256': signCalcomBody(a.secret, valid) },
            payload: valid,
          }),
        415,
      ],
      ['an empty body (signed)', () => post(a.channel.id, a.secret, ''), 400],
    ]
    it.each(cases)('%s', async (_name, send, status) => {
      const before = await lastSeq(a.channel.id)
      const r = await send()
      expect(r.statusCode).toBe(status)
      expect(await lastSeq(a.channel.id)).toBe(before)
      const read = await h.storage.read(a.channel.id, 0, 500)
      expect(
        read.ok && read.events.every((e) => !e.body.toString().includes('"note":"valid"')),
      ).toBe(true)
    })
  })

  it('accepts every Cal.com example byte for byte with its signature vector', async () => {
    const signatures = JSON.parse(readFileSync(join(EXAMPLES, 'signatures.json'), 'utf8')) as {
      secret: string
      vectors: Vector[]
    }
    const ch = await seedChannel(h.storage, signatures.secret)
    const { token } = await seedDevice(h.storage, ch.channel.id)
    expect(signatures.vectors.length).toBeGreaterThanOrEqual(10)
    for (const v of signatures.vectors) {
      const body = Buffer.from(
        JSON.stringify(JSON.parse(readFileSync(join(EXAMPLES, v.file), 'utf8'))),
      )
      expect(body.length).toBe(v.bytes)
      expect(createHash('sha256').update(body).digest('hex')).toBe(v.compactBodySha256)
      const r = await h.app.inject({
        method: 'POST',
        url: `/hooks/calcom/${ch.channel.id}`,
        headers: {
          'content-type': 'application/json',
          'x-cal-signature-256': v['X-Cal-Signature-256'],
          'x-cal-webhook-version': '2021-10-20',
        },
        payload: body,
      })
      expect(r.statusCode, v.file).toBe(200)
    }
    const served = (
      await h.app.inject({
        method: 'GET',
        url: '/v1/events?after=0&limit=500',
        headers: auth(token),
      })
    ).json() as EventsResponse
    expect(served.events).toHaveLength(signatures.vectors.length)
    served.events.forEach((e, i) => {
      expect(createHash('sha256').update(Buffer.from(e.body, 'utf8')).digest('hex')).toBe(
        signatures.vectors[i]?.compactBodySha256,
      )
    })
    const stored = await h.storage.read(ch.channel.id, 0, 500)
    expect(stored.ok && stored.events[0]?.headers).toEqual({
      'x-cal-signature-256': signatures.vectors[0]?.['X-Cal-Signature-256'],
      'x-cal-webhook-version': '2021-10-20',
    })
  })
})
