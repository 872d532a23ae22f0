import { EventEmitter } from 'node:events'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { GroupCommit } from '../group-commit.js'
import { deliveryJobKey, RELAY_OWN_CONTENT_TYPE } from '../notify-job-key.js'
import { cutoffs, pruneThrough } from '../retention.js'
import { SqliteBusiness } from './sqlite-business.js'
import { SqliteNotifications } from './sqlite-notifications.js'
import type {
  Channel,
  ChannelSummary,
  DeskState,
  Device,
  IncomingDelivery,
  IngestResult,
  ReadResult,
  RelayStorage,
  RetentionPolicy,
} from '../types.js'
import { sqliteMigrations } from './schema.js'

interface ChannelRow {
  id: string
  calcom_account_id: string
  webhook_secret: string
  calcom_webhook_id: string | null
  last_seq: number
  pruned_through: number
  created_at: number
}
interface DeviceRow {
  id: string
  channel_id: string
  name: string
  cursor: number
  created_at: number
  last_seen_at: number | null
  revoked_at: number | null
}
interface EventRow {
  seq: number
  received_at: number
  content_type: string
  headers: string
  body: Buffer
}

const toChannel = (r: ChannelRow): Channel => ({
  id: r.id,
  calcomAccountId: r.calcom_account_id,
  webhookSecret: r.webhook_secret,
  calcomWebhookId: r.calcom_webhook_id,
  lastSeq: r.last_seq,
  prunedThrough: r.pruned_through,
  createdAt: new Date(r.created_at),
})
const toDevice = (r: DeviceRow): Device => ({
  id: r.id,
  channelId: r.channel_id,
  name: r.name,
  cursor: r.cursor,
  createdAt: new Date(r.created_at),
  lastSeenAt: r.last_seen_at === null ? null : new Date(r.last_seen_at),
  revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at),
})

/**
 * Embedded storage for one relay process. WAL with synchronous=FULL: every commit is fsynced
 * before the intake answers 200, so a power cut cannot take back an acknowledged delivery.
 * Group commit makes that affordable (one fsync per batch, not per delivery).
 */
export class SqliteStorage implements RelayStorage {
  readonly engine = 'sqlite' as const
  /** Ready once migrate() has made its tables. */
  business!: SqliteBusiness
  notifications!: SqliteNotifications
  private readonly db: Database.Database
  private readonly emitter = new EventEmitter()
  private readonly commits: GroupCommit<IncomingDelivery, IngestResult>
  private stmts!: ReturnType<SqliteStorage['prepare']>
  /**
   * Per channel, the body hash of every retained event and its seq: the exact-redelivery check.
   * One relay process owns the file, so memory mirrors the table; it is loaded at start from the
   * seq-ordered `events_hashes` index and trimmed as events are pruned.
   */
  private readonly hashes = new Map<string, Map<string, number>>()

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    this.db.pragma('busy_timeout = 5000')
    this.db.pragma('foreign_keys = ON')
    this.emitter.setMaxListeners(0)
    this.commits = new GroupCommit((items) => Promise.resolve(this.ingestBatch(items)))
  }

  static fromUrl(url: string): SqliteStorage {
    return new SqliteStorage(url.replace(/^file:(\/\/)?/, ''))
  }

  async migrate(): Promise<void> {
    const version = this.db.pragma('user_version', { simple: true }) as number
    const run = this.db.transaction(() => {
      for (let v = version; v < sqliteMigrations.length; v++) {
        this.db.exec(sqliteMigrations[v] as string)
      }
      this.db.pragma(`user_version = ${sqliteMigrations.length}`)
    })
    run.immediate()
    this.stmts = this.prepare()
    this.business = new SqliteBusiness(this.db)
    this.notifications = new SqliteNotifications(this.db)
    for (const r of this.stmts.allHashes.iterate()) this.hashesOf(r.channel_id).set(r.h, r.seq)
  }

  private hashesOf(channelId: string): Map<string, number> {
    let m = this.hashes.get(channelId)
    if (!m) this.hashes.set(channelId, (m = new Map()))
    return m
  }

  private prepare() {
    const db = this.db
    return {
      channel: db.prepare<[string], ChannelRow>('SELECT * FROM channels WHERE id = ?'),
      channelByAccount: db.prepare<[string], ChannelRow>(
        'SELECT * FROM channels WHERE calcom_account_id = ?',
      ),
      insertChannel: db.prepare(
        `INSERT INTO channels (id, calcom_account_id, webhook_secret, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (calcom_account_id) DO NOTHING`,
      ),
      setWebhook: db.prepare('UPDATE channels SET calcom_webhook_id = ? WHERE id = ?'),
      lastSeq: db.prepare<[string], { last_seq: number }>(
        'SELECT last_seq FROM channels WHERE id = ?',
      ),
      setLastSeq: db.prepare('UPDATE channels SET last_seq = ? WHERE id = ?'),
      allHashes: db.prepare<[], { channel_id: string; seq: number; h: string }>(
        'SELECT channel_id, seq, body_sha256 AS h FROM events INDEXED BY events_hashes',
      ),
      insertEvent: db.prepare(
        `INSERT INTO events (channel_id, seq, received_at, content_type, headers, body, body_sha256)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      // The notification job of a delivery to a branch of a business (DESIGN.md §8), committed
      // with it. The relay's own events (vnd.frontdesk) notify no one.
      insertJob: db.prepare(
        `INSERT INTO notify_jobs (source_key, channel_id, seq, created_at)
         SELECT ?, channel_id, ?, ? FROM business_channels WHERE channel_id = ?`,
      ),
      // Seqs only grow, so the new row is always the later one; the guard keeps it so regardless.
      putDeskState: db.prepare(
        `INSERT INTO desk_state (channel_id, field, seq, body) VALUES (?, ?, ?, ?)
         ON CONFLICT (channel_id, field) DO UPDATE SET seq = excluded.seq, body = excluded.body
         WHERE excluded.seq > desk_state.seq`,
      ),
      deskState: db.prepare<[string], { seq: number; body: string }>(
        'SELECT seq, body FROM desk_state WHERE channel_id = ? ORDER BY seq',
      ),
      read: db.prepare<[string, number, number], EventRow>(
        `SELECT seq, received_at, content_type, headers, body FROM events
         WHERE channel_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
      ),
      insertDevice: db.prepare(
        'INSERT INTO devices (id, channel_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      device: db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE id = ?'),
      deviceByToken: db.prepare<[string], DeviceRow>(
        'SELECT * FROM devices WHERE token_hash = ? AND revoked_at IS NULL',
      ),
      devices: db.prepare<[string], DeviceRow>(
        'SELECT * FROM devices WHERE channel_id = ? ORDER BY created_at, id',
      ),
      revoke: db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      ack: db.prepare('UPDATE devices SET cursor = MAX(cursor, ?), last_seen_at = ? WHERE id = ?'),
      touch: db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?'),
      channels: db.prepare<[], ChannelRow>('SELECT * FROM channels ORDER BY created_at, id'),
      minCursor: db.prepare<[string], { c: number | null; n: number }>(
        'SELECT MIN(cursor) AS c, COUNT(*) AS n FROM devices WHERE channel_id = ? AND revoked_at IS NULL',
      ),
      retained: db.prepare<[string], { n: number }>(
        'SELECT COUNT(*) AS n FROM events WHERE channel_id = ?',
      ),
      lastBefore: db.prepare<[string, number], { s: number | null }>(
        'SELECT MAX(seq) AS s FROM events WHERE channel_id = ? AND received_at < ?',
      ),
      deleteThrough: db.prepare<[string, number], { h: string }>(
        'DELETE FROM events WHERE channel_id = ? AND seq <= ? RETURNING body_sha256 AS h',
      ),
      setPruned: db.prepare(
        'UPDATE channels SET pruned_through = MAX(pruned_through, ?) WHERE id = ?',
      ),
    }
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get()
  }

  async close(): Promise<void> {
    await this.commits.idle()
    if (this.db.open) this.db.close()
  }

  ingest(deliveries: IncomingDelivery[]): Promise<IngestResult[]> {
    return Promise.all(deliveries.map((d) => this.commits.submit(d)))
  }

  private ingestBatch(items: IncomingDelivery[]): IngestResult[] {
    const touched = new Map<string, number>()
    const seen = new Map<string, number>()
    const write = this.db.transaction(() => {
      const results = items.map((d): IngestResult => {
        const key = `${d.channelId}\u0000${d.bodySha256}`
        const inBatch = seen.get(key)
        if (inBatch !== undefined) return { seq: inBatch, duplicate: true }
        const existing = this.hashes.get(d.channelId)?.get(d.bodySha256)
        if (existing !== undefined) return { seq: existing, duplicate: true }
        let last = touched.get(d.channelId)
        if (last === undefined) {
          const row = this.stmts.lastSeq.get(d.channelId)
          if (!row) throw new Error(`unknown channel ${d.channelId}`)
          last = row.last_seq
        }
        const seq = last + 1
        this.stmts.insertEvent.run(
          d.channelId,
          seq,
          d.receivedAt.getTime(),
          d.contentType,
          JSON.stringify(d.headers),
          d.body,
          d.bodySha256,
        )
        if (!d.contentType.startsWith(RELAY_OWN_CONTENT_TYPE))
          this.stmts.insertJob.run(
            deliveryJobKey(d.channelId, seq),
            seq,
            d.receivedAt.getTime(),
            d.channelId,
          )
        if (d.deskField !== undefined)
          this.stmts.putDeskState.run(d.channelId, d.deskField, seq, d.body.toString('utf8'))
        touched.set(d.channelId, seq)
        seen.set(key, seq)
        return { seq, duplicate: false }
      })
      for (const [channelId, seq] of touched) this.stmts.setLastSeq.run(seq, channelId)
      return results
    })
    const out = write.immediate()
    // Only what committed joins the dedupe set.
    items.forEach((d, i) => {
      if (!out[i]!.duplicate) this.hashesOf(d.channelId).set(d.bodySha256, out[i]!.seq)
    })
    for (const [channelId, seq] of touched) this.emitter.emit('events', channelId, seq)
    return out
  }

  async read(channelId: string, after: number, limit: number): Promise<ReadResult> {
    const ch = this.stmts.channel.get(channelId)
    if (!ch) return { ok: true, events: [] }
    if (after < ch.pruned_through) return { ok: false, resumeAfter: ch.pruned_through }
    if (after > ch.last_seq) return { ok: false, resumeAfter: ch.last_seq }
    const rows = this.stmts.read.all(channelId, after, limit)
    return {
      ok: true,
      events: rows.map((r) => ({
        seq: r.seq,
        receivedAt: new Date(r.received_at),
        contentType: r.content_type,
        headers: JSON.parse(r.headers) as Record<string, string>,
        body: r.body,
      })),
    }
  }

  async deskState(channelId: string): Promise<DeskState> {
    // One process owns the file and these run with no await between them: one consistent read.
    const asOf = this.stmts.lastSeq.get(channelId)?.last_seq ?? 0
    return { asOf, entries: this.stmts.deskState.all(channelId) }
  }

  async findChannel(channelId: string): Promise<Channel | undefined> {
    const r = this.stmts.channel.get(channelId)
    return r && toChannel(r)
  }

  async channelForAccount(
    accountId: string,
    fresh: { id: string; webhookSecret: string },
  ): Promise<Channel> {
    this.stmts.insertChannel.run(fresh.id, accountId, fresh.webhookSecret, Date.now())
    return toChannel(this.stmts.channelByAccount.get(accountId) as ChannelRow)
  }

  async setChannelWebhook(channelId: string, webhookId: string): Promise<void> {
    this.stmts.setWebhook.run(webhookId, channelId)
  }

  async listChannels(): Promise<ChannelSummary[]> {
    return this.stmts.channels.all().map((r) => {
      const m = this.stmts.minCursor.get(r.id) as { c: number | null; n: number }
      return {
        id: r.id,
        calcomAccountId: r.calcom_account_id,
        calcomWebhookId: r.calcom_webhook_id,
        lastSeq: r.last_seq,
        prunedThrough: r.pruned_through,
        retainedEvents: (this.stmts.retained.get(r.id) as { n: number }).n,
        activeDevices: m.n,
        backlog: m.c === null ? 0 : r.last_seq - m.c,
        createdAt: new Date(r.created_at),
      }
    })
  }

  async createDevice(d: {
    id: string
    channelId: string
    name: string
    tokenHash: string
  }): Promise<Device> {
    this.stmts.insertDevice.run(d.id, d.channelId, d.name, d.tokenHash, Date.now())
    return toDevice(this.stmts.device.get(d.id) as DeviceRow)
  }

  async deviceByTokenHash(tokenHash: string): Promise<Device | undefined> {
    const r = this.stmts.deviceByToken.get(tokenHash)
    return r && toDevice(r)
  }

  async listDevices(channelId: string): Promise<Device[]> {
    return this.stmts.devices.all(channelId).map(toDevice)
  }

  async revokeDevice(deviceId: string): Promise<boolean> {
    return this.stmts.revoke.run(Date.now(), deviceId).changes > 0
  }

  async ack(deviceId: string, seq: number): Promise<number> {
    this.stmts.ack.run(seq, Date.now(), deviceId)
    return (this.stmts.device.get(deviceId) as DeviceRow).cursor
  }

  async touchDevice(deviceId: string, at: Date): Promise<void> {
    this.stmts.touch.run(at.getTime(), deviceId)
  }

  async prune(policy: RetentionPolicy): Promise<number> {
    const { minCutoff, maxCutoff } = cutoffs(policy)
    let deleted = 0
    for (const ch of this.stmts.channels.all()) {
      const one = this.db.transaction(() => {
        const m = this.stmts.minCursor.get(ch.id) as { c: number | null; n: number }
        const through = pruneThrough({
          minActiveCursor: m.c ?? undefined,
          lastSeqOlderThanMin: this.stmts.lastBefore.get(ch.id, minCutoff)?.s ?? 0,
          lastSeqOlderThanMax: this.stmts.lastBefore.get(ch.id, maxCutoff)?.s ?? 0,
        })
        if (through <= ch.pruned_through) return []
        const gone = this.stmts.deleteThrough.all(ch.id, through)
        this.stmts.setPruned.run(through, ch.id)
        return gone
      })
      const gone = one.immediate()
      const known = this.hashes.get(ch.id)
      for (const { h } of gone) known?.delete(h)
      deleted += gone.length
    }
    return deleted
  }

  onEvents(listener: (channelId: string, lastSeq: number) => void): () => void {
    this.emitter.on('events', listener)
    return () => this.emitter.off('events', listener)
  }
}
