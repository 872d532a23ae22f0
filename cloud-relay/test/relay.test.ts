// The relay's core behaviour — intake, the per-channel log, pull delivery, ack, retention —
// run once per storage engine against a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventsResponse } from '../../src/shared/relay/relay-contract.js'
import {
  ADMIN_TOKEN,
  ENGINES,
  auth,
  bookingBody,
  seedChannel,
  seedDevice,
  signedHeaders,
  startHarness,
  type Harness,
} from './helpers.js'

describe.each(ENGINES)('relay on %s', (engine) => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness(engine)
  })
  afterAll(async () => h?.close())

  const post = (channelId: string, secret: string, body: string | Buffer, contentType?: string) =>
    h.app.inject({
      method: 'POST',
      url: `/hooks/calcom/${channelId}`,
      headers: signedHeaders(secret, body, contentType),
      payload: body,
    })
  const events = async (token: string, query = '') => {
    const r = await h.app.inject({ method: 'GET', url: `/v1/events${query}`, headers: auth(token) })
    return {
      status: r.statusCode,
      json: r.json() as EventsResponse & { code?: string; resumeAfter?: number },
    }
  }

  it('stores a signed delivery byte for byte and serves it with a gap-free seq', async () => {
    const { channel, secret } = await seedChannel(h.storage)
    const { token } = await seedDevice(h.storage, channel.id)
    const bodies = [bookingBody(), bookingBody('ünïcødé ✂'), bookingBody()]
    for (const b of bodies) {
      const r = await post(channel.id, secret, b)
      expect(r.statusCode).toBe(200)
      expect(r.json()).toEqual({ ok: true })
    }
    const { status, json } = await events(token, '?after=0')
    expect(status).toBe(200)
    expect(json.events.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(json.events.map((e) => e.body)).toEqual(bodies)
    expect(json.events[0]?.contentType).toBe('application/json')
    expect(json.nextAfter).toBe(3)
    const page = await events(token, '?after=1&limit=1')
    expect(page.json.events.map((e) => e.seq)).toEqual([2])
    expect(page.json.nextAfter).toBe(2)
  })

  it('keeps form-encoded bodies exactly as sent, with their content type', async () => {
    const { channel, secret } = await seedChannel(h.storage)
    const { token } = await seedDevice(h.storage, channel.id)
    const body = 'triggerEvent=BOOKING_CREATED&title=Cut+%26+colour&note=a%20b&x=%E2%9C%82'
    const r = await post(channel.id, secret, body, 'application/x-www-form-urlencoded')
    expect(r.statusCode).toBe(200)
    const { json } = await events(token, '?after=0')
    expect(json.events).toHaveLength(1)
    expect(json.events[0]?.body).toBe(body)
    expect(json.events[0]?.contentType).toBe('application/x-www-form-urlencoded')
  })

  it('answers exact redeliveries 200 and stores them once', async () => {
    const { channel, secret } = await seedChannel(h.storage)
    const { token } = await seedDevice(h.storage, channel.id)
    const body = bookingBody()
    const answers = await Promise.all([
      post(channel.id, secret, body),
      post(channel.id, secret, body),
    ])
    answers.push(await post(channel.id, secret, body))
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200])
    const { json } = await events(token, '?after=0')
    expect(json.events.map((e) => e.body)).toEqual([body])
    // The same body on another channel is a different event.
    const other = await seedChannel(h.storage)
    expect((await post(other.channel.id, other.secret, body)).statusCode).toBe(200)
    expect((await h.storage.read(other.channel.id, 0, 10)).ok).toBe(true)
  })

  it('assigns gap-free seqs under 200 concurrent deliveries', async () => {
    const { channel, secret } = await seedChannel(h.storage)
    const { token } = await seedDevice(h.storage, channel.id)
    const bodies = Array.from({ length: 200 }, () => bookingBody())
    const answers = await Promise.all(bodies.map((b) => post(channel.id, secret, b)))
    expect(answers.every((a) => a.statusCode === 200)).toBe(true)
    const { json } = await events(token, '?after=0&limit=500')
    expect(json.events.map((e) => e.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1))
    expect(new Set(json.events.map((e) => e.body))).toEqual(new Set(bodies))
  })

  it('refuses bad deliveries with the right status and counts each reason', async () => {
    const { channel, secret } = await seedChannel(h.storage)
    const body = bookingBody()
    const url = `/hooks/calcom/${channel.id}`
    const missing = await h.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: body,
    })
    expect(missing.statusCode).toBe(401)
    const noSecret = await h.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'x-cal-signature-256': 'no-secret-provided' },
      payload: body,
    })
    expect(noSecret.statusCode).toBe(401)
    expect(noSecret.json().code).toBe('BAD_SIGNATURE')
    expect((await post('ch_nope', secret, body)).statusCode).toBe(404)
    const big = 'x'.repeat(1_048_577)
    expect((await post(channel.id, secret, big)).statusCode).toBe(413)
    expect((await h.storage.findChannel(channel.id))?.lastSeq).toBe(0)

    const metrics = await h.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: auth(ADMIN_TOKEN),
    })
    expect(metrics.statusCode).toBe(200)
    expect(metrics.body).toMatch(
      /relay_deliveries_rejected_total\{reason="missing_signature"\} [1-9]/,
    )
    expect(metrics.body).toMatch(/relay_deliveries_rejected_total\{reason="bad_signature"\} [1-9]/)
    expect(metrics.body).toMatch(
      /relay_deliveries_rejected_total\{reason="unknown_channel"\} [1-9]/,
    )
    expect(metrics.body).toMatch(/relay_deliveries_rejected_total\{reason="too_large"\} [1-9]/)
    expect(metrics.body).toMatch(/relay_deliveries_accepted_total [1-9]/)
    expect(metrics.body).toMatch(/relay_deliveries_duplicate_total [1-9]/)
    expect(metrics.body).toMatch(/relay_events_served_total\{via="poll"\} [1-9]/)
    expect(metrics.body).toMatch(/relay_channel_backlog\{channel="ch_/)
  })

  it('holds a long-poll until an event lands, then answers with it', async () => {
    const { channel, secret } = await seedChannel(h.storage)
    const { token } = await seedDevice(h.storage, channel.id)
    let answered = false
    const poll = events(token, '?after=0&wait=20').then((r) => {
      answered = true
      return r
    })
    // Parked on its channel (the relay's own count): it has read the empty log and waits.
    await expect.poll(() => h.app.waiters.parked(channel.id)).toBe(1)
    expect(answered).toBe(false)
    const body = bookingBody()
    expect((await post(channel.id, secret, body)).statusCode).toBe(200)
    const { json } = await poll
    expect(json.events.map((e) => e.body)).toEqual([body])
  })

  it('answers an empty long-poll when the wait runs out', async () => {
    const { channel } = await seedChannel(h.storage)
    const { token } = await seedDevice(h.storage, channel.id)
    const { status, json } = await events(token, '?after=0&wait=0.3')
    expect(status).toBe(200)
    expect(json).toEqual({ events: [], nextAfter: 0 })
  })

  it('rejects bad query values with a message naming the field', async () => {
    const { channel } = await seedChannel(h.storage)
    const { token } = await seedDevice(h.storage, channel.id)
    for (const q of ['?wait=26', '?limit=0', '?after=-1', '?after=abc']) {
      const r = await h.app.inject({ method: 'GET', url: `/v1/events${q}`, headers: auth(token) })
      expect(r.statusCode).toBe(400)
      expect(r.json().code).toBe('VALIDATION_FAILED')
      expect(r.json().message).toMatch(/querystring/)
    }
  })

  it('keeps each device cursor: ack moves it forward only, and is the default `after`', async () => {
    const { channel, secret } = await seedChannel(h.storage)
    const a = await seedDevice(h.storage, channel.id, 'desk 1')
    const b = await seedDevice(h.storage, channel.id, 'desk 2')
    for (let i = 0; i < 3; i++) await post(channel.id, secret, bookingBody())
    const ack = (token: string, seq: number) =>
      h.app.inject({ method: 'POST', url: '/v1/ack', headers: auth(token), payload: { seq } })
    expect((await ack(a.token, 2)).json()).toEqual({ ok: true, cursor: 2 })
    expect((await ack(a.token, 1)).json()).toEqual({ ok: true, cursor: 2 })
    const beyond = await ack(a.token, 4)
    expect(beyond.statusCode).toBe(400)
    expect((await ack(a.token, -1)).statusCode).toBe(400)
    expect((await events(a.token)).json.events.map((e) => e.seq)).toEqual([3])
    expect((await events(b.token)).json.events.map((e) => e.seq)).toEqual([1, 2, 3])
  })

  it('retention drops only events every active device acked (after the minimum age), or expired ones', async () => {
    const { channel, secret } = await seedChannel(h.storage)
    const a = await seedDevice(h.storage, channel.id)
    const b = await seedDevice(h.storage, channel.id)
    for (let i = 0; i < 4; i++) await post(channel.id, secret, bookingBody())
    await h.storage.ack(a.device.id, 4)
    await h.storage.ack(b.device.id, 2)
    const policy = { now: new Date(Date.now() + 1000), maxAgeMs: 14 * 86_400_000, minAgeMs: 0 }
    // Too young for the minimum age: nothing goes.
    await h.storage.prune({ ...policy, minAgeMs: 3_600_000 })
    expect((await events(a.token, '?after=0')).json.events).toHaveLength(4)
    await h.storage.prune(policy)
    const gone = await events(a.token, '?after=0')
    expect(gone.status).toBe(410)
    expect(gone.json).toMatchObject({ code: 'RESYNC_REQUIRED', resumeAfter: 2 })
    expect((await events(b.token)).json.events.map((e) => e.seq)).toEqual([3, 4])
    // A revoked device no longer holds events back.
    await h.storage.revokeDevice(b.device.id)
    await h.storage.prune(policy)
    expect((await events(a.token, '?after=2')).status).toBe(410)
    expect((await events(a.token, '?after=4')).json.events).toEqual([])
    // Past the retention limit, unacked events go too; a redelivery of them is then new.
    const late = bookingBody()
    await post(channel.id, secret, late)
    await h.storage.prune({ ...policy, now: new Date(Date.now() + 15 * 86_400_000) })
    expect((await events(a.token, '?after=4')).json).toMatchObject({
      code: 'RESYNC_REQUIRED',
      resumeAfter: 5,
    })
    await post(channel.id, secret, late)
    expect((await events(a.token, '?after=5')).json.events.map((e) => [e.seq, e.body])).toEqual([
      [6, late],
    ])
  })

  it('answers RESYNC_REQUIRED to a cursor past the channel log (a database restored from an older backup)', async () => {
    const { channel, secret } = await seedChannel(h.storage)
    const { token } = await seedDevice(h.storage, channel.id)
    await post(channel.id, secret, bookingBody())
    const { status, json } = await events(token, '?after=7')
    expect(status).toBe(410)
    expect(json).toMatchObject({ code: 'RESYNC_REQUIRED', resumeAfter: 1 })
    expect((await events(token, '?after=1')).status).toBe(200)
  })

  it('keeps a channel without active devices until the retention limit', async () => {
    const { channel, secret } = await seedChannel(h.storage)
    await post(channel.id, secret, bookingBody())
    await h.storage.prune({
      now: new Date(Date.now() + 86_400_000),
      maxAgeMs: 14 * 86_400_000,
      minAgeMs: 0,
    })
    expect(
      (await h.storage.read(channel.id, 0, 10)).ok && (await h.storage.read(channel.id, 0, 10)),
    ).toMatchObject({
      events: [{ seq: 1 }],
    })
  })

  it('reports storage health', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/healthz' })
    expect(r.statusCode).toBe(200)
    expect(r.json()).toEqual({ ok: true, storage: engine })
  })
})
