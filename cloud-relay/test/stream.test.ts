// GET /v1/stream over real HTTP, once per storage engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RelayEvent } from '../../src/shared/relay/relay-contract.js'
import {
  ENGINES,
  auth,
  bookingBody,
  seedChannel,
  seedDevice,
  signedHeaders,
  startHarness,
  type Harness,
} from './helpers.js'
import { openStream } from './sse-client.js'

describe.each(ENGINES)('event stream on %s', (engine) => {
  let h: Harness
  let base: string
  beforeAll(async () => {
    h = await startHarness(engine, {}, { heartbeatMs: 300 })
    base = await h.app.listen({ host: '127.0.0.1', port: 0 })
  })
  afterAll(async () => h?.close())

  const post = (channelId: string, secret: string, body: string) =>
    fetch(`${base}/hooks/calcom/${channelId}`, {
      method: 'POST',
      headers: signedHeaders(secret, body),
      body,
    })
  const deliveries = (frames: { event?: string; data?: string }[]) =>
    frames
      .filter((f) => f.event === 'delivery')
      .map((f) => JSON.parse(f.data as string) as RelayEvent)

  it('pushes stored and new events with id = seq, heartbeats, and resumes from Last-Event-ID', async () => {
    const { channel, secret } = await seedChannel(h.storage)
    const { token } = await seedDevice(h.storage, channel.id)
    const bodies = [bookingBody(), bookingBody()]
    await post(channel.id, secret, bodies[0] as string)

    const s = await openStream(`${base}/v1/stream`, auth(token))
    expect(s.status).toBe(200)
    expect(s.headers.get('content-type')).toMatch(/^text\/event-stream/)
    await s.until((f) => deliveries(f).length === 1)
    await post(channel.id, secret, bodies[1] as string)
    await s.until((f) => deliveries(f).length === 2)
    await s.until((f) => f.some((x) => x.comment === 'heartbeat'))
    expect(deliveries(s.frames).map((e) => e.body)).toEqual(bodies)
    expect(s.frames.filter((f) => f.event === 'delivery').map((f) => f.id)).toEqual(['1', '2'])
    await s.close()

    const third = bookingBody()
    await post(channel.id, secret, third)
    const resumed = await openStream(`${base}/v1/stream`, { ...auth(token), 'last-event-id': '2' })
    await resumed.until((f) => deliveries(f).length === 1)
    expect(deliveries(resumed.frames).map((e) => [e.seq, e.body])).toEqual([[3, third]])
    await resumed.close()
  })

  it('answers 410 RESYNC_REQUIRED for a cursor older than retention', async () => {
    const { channel, secret } = await seedChannel(h.storage)
    const { device, token } = await seedDevice(h.storage, channel.id)
    await post(channel.id, secret, bookingBody())
    await post(channel.id, secret, bookingBody())
    await h.storage.ack(device.id, 2)
    await h.storage.prune({ now: new Date(Date.now() + 1000), maxAgeMs: 86_400_000, minAgeMs: 0 })
    const r = await fetch(`${base}/v1/stream`, {
      headers: { ...auth(token), 'last-event-id': '0' },
    })
    expect(r.status).toBe(410)
    expect(await r.json()).toMatchObject({ code: 'RESYNC_REQUIRED', resumeAfter: 2 })
  })

  it('ends the open stream of a revoked device', async () => {
    const { channel } = await seedChannel(h.storage)
    const { device, token } = await seedDevice(h.storage, channel.id)
    const s = await openStream(`${base}/v1/stream`, auth(token))
    expect(s.status).toBe(200)
    await h.storage.revokeDevice(device.id)
    await s.until(() => false)
    expect(s.ended).toBe(true)
    const again = await fetch(`${base}/v1/stream`, { headers: auth(token) })
    expect(again.status).toBe(401)
  })
})
