// Several relay processes on one PostgreSQL: an event ingested by one wakes a long-poll and a
// stream held by another (LISTEN/NOTIFY), and seqs stay gap-free across instances.
//
// The instances run with their timed re-reads (the poll's re-check, the stream's heartbeat)
// pushed past the life of each test, so only a NOTIFY can answer a parked poll or stream here:
// if it is lost, the test fails by waiting, not by a clock. How fast a wake-up is belongs to
// `npm run bench` (relay-e2e-latency), not to a test.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventsResponse, RelayEvent } from '../../src/shared/relay/relay-contract.js'
import { openStorage } from '../src/storage/open-storage.js'
import { until } from '../../test/support/until.js'
import {
  ADMIN_TOKEN,
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
    const env = {
      RELAY_DATABASE_URL: db.url,
      RELAY_INTAKE_RATE_LIMIT: '100000000',
      RELAY_POLL_RECHECK_SECONDS: '3600',
      RELAY_STREAM_HEARTBEAT_SECONDS: '300',
      RELAY_ADMIN_TOKEN: ADMIN_TOKEN,
    }
    ;[one, two] = await Promise.all([startRelayProcess(env), startRelayProcess(env)])
  }, 60_000)
  afterAll(async () => {
    for (const p of [one, two]) {
      p?.child.kill('SIGTERM')
      await p?.exited
    }
    await db?.drop()
  })

  const parkedPoll = (base: string, after: number): Promise<EventsResponse> =>
    fetch(`${base}/v1/events?after=${after}&wait=25`, { headers: auth(token) }).then(
      async (r) => (await r.json()) as EventsResponse,
    )
  /** Resolves once `count` long-polls and streams wait on the instance (its metrics say so). */
  const untilParked = (base: string, count: number) =>
    until(`${count} parked connections on ${base}`, async () => {
      const text = await (await fetch(`${base}/metrics`, { headers: auth(ADMIN_TOKEN) })).text()
      const parked = Number(/^relay_parked_connections (\d+)$/m.exec(text)?.[1] ?? 0)
      return parked >= count
    })
  const healthy = async (base: string) => (await fetch(`${base}/healthz`)).status === 200

  const post = (base: string, body: string) =>
    fetch(`${base}/hooks/calcom/${channelId}`, {
      method: 'POST',
      headers: signedHeaders(secret, body),
      body,
    })

  it('wakes a long-poll and a stream on the other instance', async () => {
    const stream = await openStream(`${two.url}/v1/stream`, {
      ...auth(token),
      'last-event-id': '0',
    })
    expect(stream.status).toBe(200)
    // The poll waits up to 25 s, longer than this test may run (20 s): a poll answered at its
    // deadline times the test out, so the answer below came from the other instance's NOTIFY.
    const poll = parkedPoll(two.url, 0)
    await untilParked(two.url, 2)
    const body = bookingBody()
    expect((await post(one.url, body)).status).toBe(200)
    const json = await poll
    expect(json.events.map((e) => e.body)).toEqual([body])
    await stream.until((f) => f.some((x) => x.event === 'delivery'))
    const delivered = stream.frames
      .filter((f) => f.event === 'delivery')
      .map((f) => JSON.parse(f.data as string) as RelayEvent)
    expect(delivered.map((e) => e.body)).toEqual([body])
    await stream.close()
  }, 20_000)

  it('recovers its notification connection when PostgreSQL drops it', async () => {
    const admin = new pg.Client({ connectionString: db.url })
    await admin.connect()
    // Drops every relay connection to this database, the LISTEN ones included.
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    )
    await admin.end()
    // Both instances answer their health check again: pool and notification connection are back.
    await until(
      'both instances healthy again',
      async () => (await healthy(one.url)) && (await healthy(two.url)),
    )
    const last = (await (
      await fetch(`${two.url}/v1/events?after=0&limit=500`, { headers: auth(token) })
    ).json()) as EventsResponse
    const poll = parkedPoll(two.url, last.nextAfter)
    await untilParked(two.url, 1)
    const body = bookingBody()
    expect((await post(one.url, body)).status).toBe(200)
    const json = await poll
    expect(json.events.map((e) => e.body)).toEqual([body])
  }, 20_000)

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
