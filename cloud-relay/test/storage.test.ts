// The storage contract where the HTTP tests cannot aim precisely: one group commit that spans
// channels and repeats bodies, bodies of any size, a batch that cannot be stored, and PostgreSQL
// durability settings.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256Hex } from '../src/ids.js'
import { openStorage } from '../src/storage/open-storage.js'
import type { IncomingDelivery, RelayStorage } from '../src/storage/types.js'
import {
  ENGINES,
  PG_URL,
  bookingBody,
  createDatabase,
  seedChannel,
  type TestDatabase,
} from './helpers.js'

const delivery = (channelId: string, body: string, receivedAt = new Date()): IncomingDelivery => ({
  channelId,
  body: Buffer.from(body),
  bodySha256: sha256Hex(body),
  contentType: 'application/json',
  headers: { 'x-cal-webhook-version': '2021-10-20' },
  receivedAt,
})

describe.each(ENGINES)('storage on %s', (engine) => {
  let db: TestDatabase
  let storage: RelayStorage
  beforeAll(async () => {
    db = await createDatabase(engine)
    storage = await openStorage(db.url)
  })
  afterAll(async () => {
    await storage?.close()
    await db?.drop()
  })

  it('commits one batch across channels: seqs per channel, repeats stored once', async () => {
    const a = (await seedChannel(storage)).channel.id
    const b = (await seedChannel(storage)).channel.id
    const [old, x, y, z] = [bookingBody(), bookingBody(), bookingBody(), bookingBody()]
    expect(await storage.ingest([delivery(a, old as string)])).toEqual([
      { seq: 1, duplicate: false },
    ])

    const woken: [string, number][] = []
    const off = storage.onEvents((channelId, seq) => woken.push([channelId, seq]))
    const results = await storage.ingest([
      delivery(b, x as string),
      delivery(a, x as string),
      delivery(a, old as string),
      delivery(b, y as string),
      delivery(a, x as string),
      delivery(a, z as string),
    ])
    off()
    expect(results).toEqual([
      { seq: 1, duplicate: false },
      { seq: 2, duplicate: false },
      { seq: 1, duplicate: true },
      { seq: 2, duplicate: false },
      { seq: 2, duplicate: true },
      { seq: 3, duplicate: false },
    ])
    const readA = await storage.read(a, 0, 10)
    const readB = await storage.read(b, 0, 10)
    expect(readA.ok && readA.events.map((e) => [e.seq, e.body.toString()])).toEqual([
      [1, old],
      [2, x],
      [3, z],
    ])
    expect(readB.ok && readB.events.map((e) => [e.seq, e.body.toString()])).toEqual([
      [1, x],
      [2, y],
    ])
    expect((await storage.findChannel(a))?.lastSeq).toBe(3)
    expect(woken).toEqual(
      expect.arrayContaining([
        [a, 3],
        [b, 2],
      ]),
    )
  })

  it('knows a repeat after a restart, and forgets it only with its pruned event', async () => {
    const a = (await seedChannel(storage)).channel.id
    const [kept, pruned] = [bookingBody(), bookingBody()]
    // Received a second apart: one cutoff between them.
    const receivedAt = Date.now()
    await storage.ingest([delivery(a, pruned as string, new Date(receivedAt))])
    await storage.ingest([delivery(a, kept as string, new Date(receivedAt + 1000))])
    await storage.close()
    storage = await openStorage(db.url)
    expect(await storage.ingest([delivery(a, kept as string)])).toEqual([
      { seq: 2, duplicate: true },
    ])

    // Past its retention (no device, so nothing waits for an ack), the first event goes.
    const later = new Date(receivedAt + 60_000)
    const maxAgeMs = later.getTime() - (await firstReceivedAt(a))
    await storage.prune({ now: later, maxAgeMs, minAgeMs: maxAgeMs })
    expect(await storage.read(a, 0, 10)).toEqual({ ok: false, resumeAfter: 1 })
    expect(
      await storage.ingest([delivery(a, pruned as string), delivery(a, kept as string)]),
    ).toEqual([
      { seq: 3, duplicate: false },
      { seq: 2, duplicate: true },
    ])
  })

  it('keeps bodies of every size byte for byte, inside a page or out of line', async () => {
    const a = (await seedChannel(storage)).channel.id
    // Random bytes, so no encoding step can pass them through by luck; sizes either side of
    // one database page, where PostgreSQL moves a body out of the row.
    const bodies = [1, 2_000, 8_100, 9_000, 1_048_576].map((n) => randomBytes(n))
    const results = await storage.ingest(
      bodies.map((body) => ({ ...delivery(a, ''), body, bodySha256: sha256Hex(body) })),
    )
    expect(results).toEqual([1, 2, 3, 4, 5].map((seq) => ({ seq, duplicate: false })))
    const read = await storage.read(a, 0, 10)
    expect(read.ok && read.events.map((e) => Buffer.compare(e.body, bodies[e.seq - 1]!))).toEqual([
      0, 0, 0, 0, 0,
    ])
  })

  it('stores nothing of a batch that names an unknown channel', async () => {
    const a = (await seedChannel(storage)).channel.id
    await expect(
      storage.ingest([delivery(a, bookingBody()), delivery('ch_gone', bookingBody())]),
    ).rejects.toThrow(/unknown channel ch_gone/)
    expect(await storage.read(a, 0, 10)).toEqual({ ok: true, events: [] })
    expect((await storage.findChannel(a))?.lastSeq).toBe(0)
  })

  async function firstReceivedAt(channelId: string): Promise<number> {
    const r = await storage.read(channelId, 0, 1)
    if (!r.ok) throw new Error('the first event was already pruned')
    // Just past it, so only this one is older than the cutoff.
    return r.events[0]!.receivedAt.getTime() + 1
  }
})

describe('PostgreSQL durability', () => {
  it('commits with synchronous_commit on even where the database defaults to off', async () => {
    const db = await createDatabase('postgres')
    const name = new URL(db.url).pathname.slice(1)
    const admin = new pg.Client({ connectionString: PG_URL })
    await admin.connect()
    await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`)
    await admin.end()
    const storage = await openStorage(db.url)
    try {
      const pool = (storage as unknown as { pool: pg.Pool }).pool
      const shown = await Promise.all(
        Array.from({ length: 3 }, () =>
          pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit'),
        ),
      )
      expect(shown.map((r) => r.rows[0]?.synchronous_commit)).toEqual(['on', 'on', 'on'])
      // What the relay does not own stays as configured.
      const other = new pg.Client({ connectionString: db.url })
      await other.connect()
      expect((await other.query('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('off')
      await other.end()
    } finally {
      await storage.close()
      await db.drop()
    }
  })
})
