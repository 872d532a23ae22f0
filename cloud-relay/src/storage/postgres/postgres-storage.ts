import { EventEmitter } from 'node:events'
import pg from 'pg'
import { GroupCommit } from '../group-commit.js'
import { cutoffs, pruneThrough } from '../retention.js'
import type {
  Channel,
  ChannelSummary,
  Device,
  IncomingDelivery,
  IngestResult,
  ReadResult,
  RelayStorage,
  RetentionPolicy,
} from '../types.js'
import { postgresMigrations } from './schema.js'

// bigint columns come back as numbers: seqs and epoch-ms stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))

const NOTIFY_CHANNEL = 'relay_events'

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
 * Shared storage for several relay instances. Seq is gap-free per channel because each intake
 * transaction locks the channel row, takes last_seq + 1 and commits the event and the new
 * last_seq together. NOTIFY (delivered at commit) wakes waiters on every instance.
 */
export class PostgresStorage implements RelayStorage {
  readonly engine = 'postgres' as const
  private readonly pool: pg.Pool
  private readonly emitter = new EventEmitter()
  private readonly commits: GroupCommit<IncomingDelivery, IngestResult>
  private listener: pg.Client | undefined
  private closed = false

  constructor(private readonly url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 10 })
    // An idle client losing its connection must not crash the process; the next query reconnects.
    this.pool.on('error', () => {})
    this.emitter.setMaxListeners(0)
    this.commits = new GroupCommit((items) => this.ingestBatch(items), 256)
  }

  async migrate(): Promise<void> {
    const c = await this.pool.connect()
    try {
      await c.query('BEGIN')
      // One instance migrates at a time; the others wait here, then see the result.
      await c.query('SELECT pg_advisory_xact_lock(874201)')
      await c.query('CREATE TABLE IF NOT EXISTS relay_schema (version integer NOT NULL)')
      const r = await c.query<{ version: number }>('SELECT version FROM relay_schema')
      const version = r.rows[0]?.version ?? 0
      for (let v = version; v < postgresMigrations.length; v++)
        await c.query(postgresMigrations[v] as string)
      await c.query('DELETE FROM relay_schema')
      await c.query('INSERT INTO relay_schema (version) VALUES ($1)', [postgresMigrations.length])
      await c.query('COMMIT')
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {})
      throw err
    } finally {
      c.release()
    }
    await this.listen()
  }

  /** A dedicated connection LISTENs for other instances' commits; it reconnects if dropped. */
  private async listen(): Promise<void> {
    if (this.closed) return
    const client = new pg.Client({ connectionString: this.url })
    client.on('notification', (msg) => {
      const payload = msg.payload ?? ''
      const at = payload.lastIndexOf(':')
      if (at > 0) this.emitter.emit('events', payload.slice(0, at), Number(payload.slice(at + 1)))
    })
    let lost = false
    const reconnect = (): void => {
      if (lost) return
      lost = true
      if (this.listener === client) this.listener = undefined
      client.end().catch(() => {})
      this.relisten()
    }
    client.on('error', reconnect)
    client.on('end', reconnect)
    await client.connect()
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`)
    this.listener = client
    // Anything committed while we were not listening: let every waiter re-check.
    this.emitter.emit('events', '*', 0)
  }

  private relisten(): void {
    if (this.closed) return
    setTimeout(() => void this.listen().catch(() => this.relisten()), 500).unref()
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1')
    if (!this.listener) throw new Error('notification connection is down')
  }

  async close(): Promise<void> {
    await this.commits.idle()
    this.closed = true
    const l = this.listener
    this.listener = undefined
    await l?.end().catch(() => {})
    await this.pool.end()
  }

  ingest(deliveries: IncomingDelivery[]): Promise<IngestResult[]> {
    return Promise.all(deliveries.map((d) => this.commits.submit(d)))
  }

  private async ingestBatch(items: IncomingDelivery[]): Promise<IngestResult[]> {
    const byChannel = new Map<string, number[]>()
    items.forEach((d, i) => {
      const list = byChannel.get(d.channelId) ?? []
      list.push(i)
      byChannel.set(d.channelId, list)
    })
    const results: IngestResult[] = new Array(items.length)
    const touched: [string, number][] = []
    const c = await this.pool.connect()
    try {
      await c.query('BEGIN')
      // Sorted lock order: two instances committing batches for the same channels never deadlock.
      for (const channelId of [...byChannel.keys()].sort()) {
        const idx = byChannel.get(channelId) as number[]
        const lock = await c.query<{ last_seq: number }>(
          'SELECT last_seq FROM channels WHERE id = $1 FOR UPDATE',
          [channelId],
        )
        const row = lock.rows[0]
        if (!row) throw new Error(`unknown channel ${channelId}`)
        const hashes = idx.map((i) => (items[i] as IncomingDelivery).bodySha256)
        const dup = await c.query<{ body_sha256: string; seq: number }>(
          'SELECT body_sha256, seq FROM events WHERE channel_id = $1 AND body_sha256 = ANY($2)',
          [channelId, hashes],
        )
        const known = new Map(dup.rows.map((r) => [r.body_sha256, r.seq]))
        let last = row.last_seq
        const fresh: IncomingDelivery[] = []
        const seqs: number[] = []
        for (const i of idx) {
          const d = items[i] as IncomingDelivery
          const existing = known.get(d.bodySha256)
          if (existing !== undefined) {
            results[i] = { seq: existing, duplicate: true }
            continue
          }
          last += 1
          known.set(d.bodySha256, last)
          fresh.push(d)
          seqs.push(last)
          results[i] = { seq: last, duplicate: false }
        }
        if (!fresh.length) continue
        await c.query(
          `INSERT INTO events (channel_id, seq, received_at, content_type, headers, body, body_sha256)
           SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::bytea[], $7::text[])`,
          [
            channelId,
            seqs,
            fresh.map((d) => d.receivedAt.getTime()),
            fresh.map((d) => d.contentType),
            fresh.map((d) => JSON.stringify(d.headers)),
            fresh.map((d) => d.body),
            fresh.map((d) => d.bodySha256),
          ],
        )
        await c.query('UPDATE channels SET last_seq = $2 WHERE id = $1', [channelId, last])
        await c.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, `${channelId}:${last}`])
        touched.push([channelId, last])
      }
      await c.query('COMMIT')
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {})
      throw err
    } finally {
      c.release()
    }
    // Wake local waiters now rather than after the NOTIFY round trip.
    for (const [channelId, seq] of touched) this.emitter.emit('events', channelId, seq)
    return results
  }

  async read(channelId: string, after: number, limit: number): Promise<ReadResult> {
    const rows = await this.pool.query<{
      seq: number
      received_at: number
      content_type: string
      headers: string
      body: Buffer
    }>(
      `SELECT seq, received_at, content_type, headers, body FROM events
       WHERE channel_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [channelId, after, limit],
    )
    // Read pruned_through after the events: it only grows, so a prune racing this read can make
    // us answer RESYNC_REQUIRED needlessly but never hand out a log with a hole.
    const ch = await this.pool.query<{ pruned_through: number; last_seq: number }>(
      'SELECT pruned_through, last_seq FROM channels WHERE id = $1',
      [channelId],
    )
    const pruned = ch.rows[0]?.pruned_through ?? 0
    const last = ch.rows[0]?.last_seq ?? 0
    if (after < pruned) return { ok: false, resumeAfter: pruned }
    // last_seq was read after the events, so it is at least the newest seq just returned.
    if (after > last) return { ok: false, resumeAfter: last }
    return {
      ok: true,
      events: rows.rows.map((r) => ({
        seq: r.seq,
        receivedAt: new Date(r.received_at),
        contentType: r.content_type,
        headers: JSON.parse(r.headers) as Record<string, string>,
        body: r.body,
      })),
    }
  }

  async findChannel(channelId: string): Promise<Channel | undefined> {
    const r = await this.pool.query<ChannelRow>('SELECT * FROM channels WHERE id = $1', [channelId])
    return r.rows[0] && toChannel(r.rows[0])
  }

  async channelForAccount(
    accountId: string,
    fresh: { id: string; webhookSecret: string },
  ): Promise<Channel> {
    await this.pool.query(
      `INSERT INTO channels (id, calcom_account_id, webhook_secret, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (calcom_account_id) DO NOTHING`,
      [fresh.id, accountId, fresh.webhookSecret, Date.now()],
    )
    const r = await this.pool.query<ChannelRow>(
      'SELECT * FROM channels WHERE calcom_account_id = $1',
      [accountId],
    )
    return toChannel(r.rows[0] as ChannelRow)
  }

  async setChannelWebhook(channelId: string, webhookId: string): Promise<void> {
    await this.pool.query('UPDATE channels SET calcom_webhook_id = $2 WHERE id = $1', [
      channelId,
      webhookId,
    ])
  }

  async listChannels(): Promise<ChannelSummary[]> {
    const r = await this.pool.query<
      ChannelRow & { retained: number; active: number; min_cursor: number | null }
    >(
      `SELECT c.*,
         (SELECT COUNT(*)::bigint FROM events e WHERE e.channel_id = c.id) AS retained,
         (SELECT COUNT(*)::bigint FROM devices d WHERE d.channel_id = c.id AND d.revoked_at IS NULL) AS active,
         (SELECT MIN(cursor) FROM devices d WHERE d.channel_id = c.id AND d.revoked_at IS NULL) AS min_cursor
       FROM channels c ORDER BY c.created_at, c.id`,
    )
    return r.rows.map((row) => ({
      id: row.id,
      calcomAccountId: row.calcom_account_id,
      calcomWebhookId: row.calcom_webhook_id,
      lastSeq: row.last_seq,
      prunedThrough: row.pruned_through,
      retainedEvents: row.retained,
      activeDevices: row.active,
      backlog: row.min_cursor === null ? 0 : row.last_seq - row.min_cursor,
      createdAt: new Date(row.created_at),
    }))
  }

  async createDevice(d: {
    id: string
    channelId: string
    name: string
    tokenHash: string
  }): Promise<Device> {
    const r = await this.pool.query<DeviceRow>(
      `INSERT INTO devices (id, channel_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)
       RETURNING *`,
      [d.id, d.channelId, d.name, d.tokenHash, Date.now()],
    )
    return toDevice(r.rows[0] as DeviceRow)
  }

  async deviceByTokenHash(tokenHash: string): Promise<Device | undefined> {
    const r = await this.pool.query<DeviceRow>(
      'SELECT * FROM devices WHERE token_hash = $1 AND revoked_at IS NULL',
      [tokenHash],
    )
    return r.rows[0] && toDevice(r.rows[0])
  }

  async listDevices(channelId: string): Promise<Device[]> {
    const r = await this.pool.query<DeviceRow>(
      'SELECT * FROM devices WHERE channel_id = $1 ORDER BY created_at, id',
      [channelId],
    )
    return r.rows.map(toDevice)
  }

  async revokeDevice(deviceId: string): Promise<boolean> {
    const r = await this.pool.query(
      'UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL',
      [deviceId, Date.now()],
    )
    return (r.rowCount ?? 0) > 0
  }

  async ack(deviceId: string, seq: number): Promise<number> {
    const r = await this.pool.query<{ cursor: number }>(
      'UPDATE devices SET cursor = GREATEST(cursor, $2), last_seen_at = $3 WHERE id = $1 RETURNING cursor',
      [deviceId, seq, Date.now()],
    )
    return r.rows[0]?.cursor ?? 0
  }

  async touchDevice(deviceId: string, at: Date): Promise<void> {
    await this.pool.query('UPDATE devices SET last_seen_at = $2 WHERE id = $1', [
      deviceId,
      at.getTime(),
    ])
  }

  async prune(policy: RetentionPolicy): Promise<number> {
    const { minCutoff, maxCutoff } = cutoffs(policy)
    const channels = await this.pool.query<{ id: string }>('SELECT id FROM channels')
    let deleted = 0
    for (const { id } of channels.rows) {
      const c = await this.pool.connect()
      try {
        await c.query('BEGIN')
        // The channel lock orders pruning against intake and other instances' pruning.
        const ch = await c.query<{ pruned_through: number }>(
          'SELECT pruned_through FROM channels WHERE id = $1 FOR UPDATE',
          [id],
        )
        const stats = await c.query<{
          min_cursor: number | null
          older_min: number | null
          older_max: number | null
        }>(
          `SELECT
             (SELECT MIN(cursor) FROM devices WHERE channel_id = $1 AND revoked_at IS NULL) AS min_cursor,
             (SELECT MAX(seq) FROM events WHERE channel_id = $1 AND received_at < $2) AS older_min,
             (SELECT MAX(seq) FROM events WHERE channel_id = $1 AND received_at < $3) AS older_max`,
          [id, minCutoff, maxCutoff],
        )
        const s = stats.rows[0] as {
          min_cursor: number | null
          older_min: number | null
          older_max: number | null
        }
        const through = pruneThrough({
          minActiveCursor: s.min_cursor ?? undefined,
          lastSeqOlderThanMin: s.older_min ?? 0,
          lastSeqOlderThanMax: s.older_max ?? 0,
        })
        if (through > (ch.rows[0]?.pruned_through ?? 0)) {
          const del = await c.query('DELETE FROM events WHERE channel_id = $1 AND seq <= $2', [
            id,
            through,
          ])
          await c.query(
            'UPDATE channels SET pruned_through = GREATEST(pruned_through, $2) WHERE id = $1',
            [id, through],
          )
          deleted += del.rowCount ?? 0
        }
        await c.query('COMMIT')
      } catch (err) {
        await c.query('ROLLBACK').catch(() => {})
        throw err
      } finally {
        c.release()
      }
    }
    return deleted
  }

  onEvents(listener: (channelId: string, lastSeq: number) => void): () => void {
    this.emitter.on('events', listener)
    return () => this.emitter.off('events', listener)
  }
}
