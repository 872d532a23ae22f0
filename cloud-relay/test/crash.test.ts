// Durability with real processes: SIGKILL mid-load loses no acknowledged delivery, and SIGTERM
// lets in-flight intake finish. Once per storage engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventsResponse } from '../../src/shared/relay/relay-contract.js'
import { openStorage } from '../src/storage/open-storage.js'
import {
  ADMIN_TOKEN,
  ENGINES,
  auth,
  bookingBody,
  createDatabase,
  seedChannel,
  seedDevice,
  signedHeaders,
  type TestDatabase,
} from './helpers.js'
import { startRelayProcess, type RelayProcess } from './relay-process.js'

const TOTAL = Number(process.env.RELAY_CRASH_TOTAL ?? 5000)
const CONCURRENCY = 32
const KILL_AFTER = 1500

describe.each(ENGINES)('crash safety on %s', (engine) => {
  let db: TestDatabase
  let channelId: string
  let secret: string
  let token: string
  const env = () => ({
    RELAY_DATABASE_URL: db.url,
    RELAY_ADMIN_TOKEN: ADMIN_TOKEN,
    RELAY_INTAKE_RATE_LIMIT: '100000000',
  })

  beforeAll(async () => {
    db = await createDatabase(engine)
    const storage = await openStorage(db.url)
    const seeded = await seedChannel(storage)
    channelId = seeded.channel.id
    secret = seeded.secret
    token = (await seedDevice(storage, channelId)).token
    await storage.close()
  })
  afterAll(async () => db?.drop())

  it(
    `keeps every 200 of ${TOTAL} deliveries across a SIGKILL, exactly once and in order`,
    { timeout: 180_000 },
    async () => {
      const bodies = Array.from({ length: TOTAL }, (_, i) =>
        bookingBody(`#${i} ${'·'.repeat(1500)}`),
      )
      let relay: RelayProcess = await startRelayProcess(env())
      let up: Promise<void> = Promise.resolve()
      let acked = 0
      let killedAt = -1
      const queue = bodies.map((_, i) => i)

      const sendOne = async (i: number): Promise<void> => {
        for (;;) {
          await up
          const body = bodies[i] as string
          try {
            const r = await fetch(`${relay.url}/hooks/calcom/${channelId}`, {
              method: 'POST',
              headers: signedHeaders(secret, body),
              body,
            })
            await r.arrayBuffer()
            if (r.status === 200) break
          } catch {
            // connection refused or reset by the kill: retry once the relay is back
          }
          await new Promise((r) => setTimeout(r, 20))
        }
        acked += 1
        if (acked === KILL_AFTER) {
          killedAt = acked
          const dead = relay
          let back: () => void = () => {}
          up = new Promise((r) => (back = r))
          dead.child.kill('SIGKILL')
          await dead.exited
          relay = await startRelayProcess(env())
          back()
        }
      }
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let i = queue.shift(); i !== undefined; i = queue.shift()) await sendOne(i)
        }),
      )
      expect(killedAt).toBe(KILL_AFTER)

      const served: EventsResponse['events'] = []
      for (let after = 0; ;) {
        const r = await fetch(`${relay.url}/v1/events?after=${after}&limit=500`, {
          headers: auth(token),
        })
        const page = (await r.json()) as EventsResponse
        if (!page.events.length) break
        served.push(...page.events)
        after = page.nextAfter
      }
      expect(served.map((e) => e.seq)).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1))
      const counts = new Map<string, number>()
      for (const e of served) counts.set(e.body, (counts.get(e.body) ?? 0) + 1)
      expect(counts.size).toBe(TOTAL)
      expect(bodies.every((b) => counts.get(b) === 1)).toBe(true)

      relay.child.kill('SIGTERM')
      expect(await relay.exited).toBe(0)
    },
  )

  it('finishes in-flight intake on SIGTERM and exits cleanly', { timeout: 60_000 }, async () => {
    const relay = await startRelayProcess(env())
    const bodies = Array.from({ length: 300 }, () => bookingBody())
    let stopping = false
    const sends = bodies.map(async (body) => {
      try {
        const r = await fetch(`${relay.url}/hooks/calcom/${channelId}`, {
          method: 'POST',
          headers: signedHeaders(secret, body),
          body,
        })
        // Stop as soon as intake is flowing: the rest are in flight or queued behind the close.
        if (r.status === 200 && !stopping) {
          stopping = true
          relay.child.kill('SIGTERM')
        }
        return { body, status: r.status }
      } catch {
        return { body, status: 0 }
      }
    })
    const results = await Promise.all(sends)
    expect(await relay.exited, relay.output.join('\n')).toBe(0)
    const ok = results.filter((r) => r.status === 200).map((r) => r.body)
    expect(ok.length).toBeGreaterThan(0)
    const storage = await openStorage(db.url)
    try {
      const read = await storage.read(channelId, 0, TOTAL + 1000)
      const stored = new Set(read.ok ? read.events.map((e) => e.body.toString()) : [])
      expect(ok.every((b) => stored.has(b))).toBe(true)
    } finally {
      await storage.close()
    }
  })
})
