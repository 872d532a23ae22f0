// Several relay processes on one PostgreSQL: an event ingested by one wakes a long-poll and a
// stream held by another (LISTEN/NOTIFY), and seqs stay gap-free across instances.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventsResponse, RelayEvent } from '../../src/shared/relay/relay-contract.js'
import { openStorage } from '../src/storage/open-storage.js'
import {
  auth,
  bookingBody,
  createDatabase,
  seedChannel,
  seedDevice,
  signedHeaders,
  type TestDatabase,
} from './helpers.js'
import { startRelayProcess, type RelayProcess } from './relay-process.js'
import { openStream } from './sse-client.js'

describe('two relay processes sharing PostgreSQL', () => {
  let db: TestDatabase
  let one: RelayProcess
  let two: RelayProcess
  let channelId: string
  let secret: string
  let token: string

  beforeAll(async () => {
    db = await createDatabase('postgres')
    const storage = await openStorage(db.url)
    const seeded = await seedChannel(storage)
    channelId = seeded.channel.id
    secret = seeded.secret
    token = (await seedDevice(storage, channelId)).token
    await storage.close()
    const env = { RELAY_DATABASE_URL: db.url, RELAY_INTAKE_RATE_LIMIT: '100000000' }
    ;[one, two] = await Promise.all([startRelayProcess(env), startRelayProcess(env)])
  }, 60_000)
  afterAll(async () => {
    for (const p of [one, two]) {
      p?.child.kill('SIGTERM')
      await p?.exited
    }
    await db?.drop()
  })

  const post = (base: string, body: string) =>
    fetch(`${base}/hooks/calcom/${channelId}`, {
      method: 'POST',
      headers: signedHeaders(secret, body),
      body,
    })

  it('wakes a long-poll and a stream on the other instance within a second', async () => {
    const stream = await openStream(`${two.url}/v1/stream`, {
      ...auth(token),
      'last-event-id': '0',
    })
    expect(stream.status).toBe(200)
    const started = Date.now()
    const poll = fetch(`${two.url}/v1/events?after=0&wait=20`, { headers: auth(token) }).then(
      async (r) => ({
        json: (await r.json()) as EventsResponse,
        at: Date.now(),
      }),
    )
    await new Promise((r) => setTimeout(r, 300))
    const body = bookingBody()
    const sentAt = Date.now()
    expect((await post(one.url, body)).status).toBe(200)
    const { json, at } = await poll
    expect(json.events.map((e) => e.body)).toEqual([body])
    // The wait was 20 s and the fallback re-check is 10 s: an answer this fast came from NOTIFY.
    expect(at - sentAt).toBeLessThan(1000)
    expect(at - started).toBeLessThan(5000)
    await stream.until((f) => f.some((x) => x.event === 'delivery'))
    const delivered = stream.frames
      .filter((f) => f.event === 'delivery')
      .map((f) => JSON.parse(f.data as string) as RelayEvent)
    expect(delivered.map((e) => e.body)).toEqual([body])
    expect(Date.now() - sentAt).toBeLessThan(1000)
    await stream.close()
  })

  it('recovers its notification connection when PostgreSQL drops it', async () => {
    const admin = new pg.Client({ connectionString: db.url })
    await admin.connect()
    // Drops every relay connection to this database, the LISTEN ones included.
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    )
    await admin.end()
    await new Promise((r) => setTimeout(r, 1500))
    const last = (await (
      await fetch(`${two.url}/v1/events?after=0&limit=500`, { headers: auth(token) })
    ).json()) as EventsResponse
    const poll = fetch(`${two.url}/v1/events?after=${last.nextAfter}&wait=20`, {
      headers: auth(token),
    }).then(async (r) => ({
      json: (await r.json()) as EventsResponse,
      at: Date.now(),
    }))
    await new Promise((r) => setTimeout(r, 300))
    const body = bookingBody()
    const sentAt = Date.now()
    expect((await post(one.url, body)).status).toBe(200)
    const { json, at } = await poll
    expect(json.events.map((e) => e.body)).toEqual([body])
    expect(at - sentAt).toBeLessThan(1000)
  })

  it('keeps seqs gap-free while both instances ingest concurrently', async () => {
    const bodies = Array.from({ length: 400 }, () => bookingBody())
    const answers = await Promise.all(bodies.map((b, i) => post(i % 2 ? one.url : two.url, b)))
    expect(answers.every((a) => a.status === 200)).toBe(true)
    // The same bodies again, crossed over: each is a redelivery and is stored once.
    const again = await Promise.all(bodies.map((b, i) => post(i % 2 ? two.url : one.url, b)))
    expect(again.every((a) => a.status === 200)).toBe(true)
    const r = await fetch(`${one.url}/v1/events?after=2&limit=500`, { headers: auth(token) })
    const page = (await r.json()) as EventsResponse
    expect(page.events.map((e) => e.seq)).toEqual(Array.from({ length: 400 }, (_, i) => i + 3))
    expect(new Set(page.events.map((e) => e.body))).toEqual(new Set(bodies))
  })
})
