// A relay upgraded while its logs already hold desk events (DESIGN.md §9): the migration that adds
// the desk state fills it from what the log still holds, so GET /v1/desk-state is right from the
// first start of the new version, on both engines.
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import type { DeskChange, DeskEventBody } from '../../src/shared/relay/desk-events.js'
import { openStorage } from '../src/storage/open-storage.js'
import { postgresMigrations } from '../src/storage/postgres/schema.js'
import { sqliteMigrations } from '../src/storage/sqlite/schema.js'
import { ENGINES, createDatabase, type TestDatabase } from './helpers.js'

const CHANNEL = 'ch_upgraded'
const body = (change: DeskChange): string => {
  const event: DeskEventBody = {
    triggerEvent: 'FRONTDESK_DESK_EVENT',
    key: `k-${randomUUID()}`,
    deviceId: 'dev_1',
    madeAt: '2026-03-10T10:02:00.000Z',
    change,
  }
  return JSON.stringify(event)
}
const noteId = randomUUID()
/** The log before the upgrade: a webhook, then desk events, two of them setting one field. */
const log: Array<{ contentType: string; body: string }> = [
  { contentType: 'application/json', body: '{"triggerEvent":"BOOKING_CREATED"}' },
  ...[
    body({ kind: 'visit', bookingUid: 'bk-1', state: 'ARRIVED' }),
    body({ kind: 'visit', bookingUid: 'bk-1', state: 'IN_SERVICE' }),
    body({
      kind: 'note_put',
      noteId,
      clientKey: 'email:nora@example.com',
      noteKind: 'alert',
      text: 'Allergic to latex',
      author: null,
    }),
    body({ kind: 'walk_in', bookingUid: 'bk-1', walkIn: true }),
  ].map((b) => ({ contentType: 'application/vnd.frontdesk.desk-event+json', body: b })),
]

/** Builds a database of the version before the desk state, holding `log` on one channel. */
async function seedPreviousVersion(db: TestDatabase): Promise<void> {
  const rows = log.map((e, i) => [CHANNEL, i + 1, Date.now(), e.contentType, '{}', e.body, `h${i}`])
  if (db.engine === 'sqlite') {
    const file = new Database(db.url.replace(/^file:(\/\/)?/, ''))
    for (const m of sqliteMigrations.slice(0, -1)) file.exec(m)
    file.pragma(`user_version = ${sqliteMigrations.length - 1}`)
    file
      .prepare(
        'INSERT INTO channels (id, calcom_account_id, webhook_secret, created_at) VALUES (?, ?, ?, ?)',
      )
      .run(CHANNEL, 'acct-1', 'secret', Date.now())
    const insert = file.prepare(
      `INSERT INTO events (channel_id, seq, received_at, content_type, headers, body, body_sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const r of rows) insert.run(...r.slice(0, 5), Buffer.from(r[5] as string), r[6])
    file.prepare('UPDATE channels SET last_seq = ? WHERE id = ?').run(log.length, CHANNEL)
    file.close()
    return
  }
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  for (const m of postgresMigrations.slice(0, -1)) await client.query(m)
  await client.query('CREATE TABLE relay_schema (version integer NOT NULL)')
  await client.query('INSERT INTO relay_schema (version) VALUES ($1)', [
    postgresMigrations.length - 1,
  ])
  await client.query(
    'INSERT INTO channels (id, calcom_account_id, webhook_secret, created_at, last_seq) VALUES ($1, $2, $3, $4, $5)',
    [CHANNEL, 'acct-1', 'secret', Date.now(), log.length],
  )
  for (const r of rows)
    await client.query(
      `INSERT INTO events (channel_id, seq, received_at, content_type, headers, body, body_sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [...r.slice(0, 5), Buffer.from(r[5] as string), r[6]],
    )
  await client.end()
}

describe.each(ENGINES)('upgrading a relay to the desk state on %s', (engine) => {
  let db: TestDatabase | undefined
  afterEach(async () => db?.drop())

  it('serves the state of the desk events its log already holds, and keeps it current after', async () => {
    db = await createDatabase(engine)
    await seedPreviousVersion(db)
    const storage = await openStorage(db.url)
    try {
      const state = await storage.deskState(CHANNEL)
      expect(state.asOf).toBe(log.length)
      expect(state.entries.map((e) => [e.seq, JSON.parse(e.body).change])).toEqual([
        [3, { kind: 'visit', bookingUid: 'bk-1', state: 'IN_SERVICE' }],
        [4, expect.objectContaining({ kind: 'note_put', noteId, text: 'Allergic to latex' })],
        [5, { kind: 'walk_in', bookingUid: 'bk-1', walkIn: true }],
      ])
      // Intake of the new version keeps it current.
      const next = body({ kind: 'visit', bookingUid: 'bk-1', state: 'DONE' })
      const [stored] = await storage.ingest([
        {
          channelId: CHANNEL,
          body: Buffer.from(next),
          bodySha256: 'h-next',
          contentType: 'application/vnd.frontdesk.desk-event+json',
          headers: {},
          receivedAt: new Date(),
          deskField: 'visit:bk-1',
        },
      ])
      const after = await storage.deskState(CHANNEL)
      expect(after.entries.find((e) => e.seq === stored!.seq)?.body).toBe(next)
      expect(after.entries.filter((e) => JSON.parse(e.body).change.kind === 'visit')).toHaveLength(
        1,
      )
    } finally {
      await storage.close()
    }
  })
})
