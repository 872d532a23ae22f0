import { EventEmitter } from 'node:events'
import pg from 'pg'
import { GroupCommit } from '../group-commit.js'
import { cutoffs, pruneThrough } from '../retention.js'
import { PostgresBusiness } from './postgres-business.js'
import { PostgresNotifications } from './postgres-notifications.js'
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
 * transaction (one relay_ingest call per group commit) locks the channel row, takes last_seq + 1
 * and commits the events and the new last_seq together. NOTIFY (delivered at commit) wakes
 * waiters on every instance. The per-request queries (intake, read, auth, ack) are named, so
 * each pooled connection parses and plans them once rather than on every call.
 */
export class PostgresStorage implements RelayStorage {
  readonly engine = 'postgres' as const
  readonly business: PostgresBusiness
  readonly notifications: PostgresNotifications
  private readonly pool: pg.Pool
  private readonly emitter = new EventEmitter()
  private readonly commits: GroupCommit<IncomingDelivery, IngestResult>
  private listener: pg.Client | undefined
  /** Highest seq per channel waiters were already woken for. */
  private readonly announced = new Map<string, number>()
  private closed = false

  constructor(private readonly url: string) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: 10,
      // A 200 promises the delivery survives a crash, so a commit must wait for its WAL flush
      // even where the database or role defaults to synchronous_commit=off. Stronger settings
      // (local, remote_write, remote_apply) are left as they are. The pool awaits this before
      // handing the connection out; if it fails, the connection is not used.
      onConnect: async (client) => {
        await client.query(
          "SELECT set_config('synchronous_commit', 'on', false) WHERE current_setting('synchronous_commit') = 'off'",
        )
      },
    })
    // An idle client losing its connection must not crash the process; the next query reconnects.
    this.pool.on('error', () => {})
    this.emitter.setMaxListeners(0)
    this.business = new PostgresBusiness(this.pool)
    this.notifications = new PostgresNotifications(this.pool)
    // A batch's bodies travel as one bytea parameter, and PostgreSQL refuses a value over 1 GB.
    this.commits = new GroupCommit((items) => this.ingestBatch(items), {
      maxItems: 256,
      maxBytes: 256 * 1_048_576,
      bytesOf: (d) => d.body.length,
    })
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
      if (at > 0) this.announce(payload.slice(0, at), Number(payload.slice(at + 1)))
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
    const r = await this.pool.query<{ r_seq: number; r_duplicate: boolean }>({
      name: 'relay_ingest_desk_state',
      text: 'SELECT r_seq, r_duplicate FROM relay_ingest($1, $2, $3, $4, $5, $6, $7, $8)',
      values: [
        items.map((d) => d.channelId),
        items.map((d) => d.receivedAt.getTime()),
        items.map((d) => d.contentType),
        items.map((d) => JSON.stringify(d.headers)),
        // One binary parameter: an array of bytea would travel hex-encoded, twice the bytes,
        // encoded here and decoded by the server.
        Buffer.concat(items.map((d) => d.body)),
        items.map((d) => d.body.length),
        items.map((d) => d.bodySha256),
        items.map((d) => d.deskField ?? null),
      ],
    })
    const results = r.rows.map((row) => ({ seq: row.r_seq, duplicate: row.r_duplicate }))
    // Wake local waiters now rather than after the NOTIFY round trip.
    const last = new Map<string, number>()
    items.forEach((d, i) => {
      const res = results[i] as IngestResult
      if (!res.duplicate) last.set(d.channelId, Math.max(last.get(d.channelId) ?? 0, res.seq))
    })
    for (const [channelId, seq] of last) this.announce(channelId, seq)
    return results
  }

  /** Wakes waiters once per new seq: the NOTIFY of our own commit then finds nothing to add. */
  private announce(channelId: string, seq: number): void {
    if ((this.announced.get(channelId) ?? 0) >= seq) return
    this.announced.set(channelId, seq)
    this.emitter.emit('events', channelId, seq)
  }

  async read(channelId: string, after: number, limit: number): Promise<ReadResult> {
    // One statement, so one snapshot: the events and the channel's pruned_through / last_seq are
    // seen as of the same instant (a prune commits its delete and its mark together).
    const r = await this.pool.query<{
      pruned_through: number
      last_seq: number
      seq: number | null
      received_at: number
      content_type: string
      headers: string
      body: Buffer
    }>({
      name: 'relay_read',
      text: `SELECT c.pruned_through, c.last_seq, e.seq, e.received_at, e.content_type, e.headers, e.body
       FROM channels c
       LEFT JOIN LATERAL (
         SELECT seq, received_at, content_type, headers, body FROM events
         WHERE channel_id = c.id AND seq > $2 ORDER BY seq LIMIT $3
       ) e ON true
       WHERE c.id = $1
       ORDER BY e.seq`,
      values: [channelId, after, limit],
    })
    const first = r.rows[0]
    if (!first) return { ok: true, events: [] }
    if (after < first.pruned_through) return { ok: false, resumeAfter: first.pruned_through }
    if (after > first.last_seq) return { ok: false, resumeAfter: first.last_seq }
    return {
      ok: true,
      events: r.rows
        .filter((row) => row.seq !== null)
        .map((row) => ({
          seq: row.seq as number,
          receivedAt: new Date(row.received_at),
          contentType: row.content_type,
          headers: JSON.parse(row.headers) as Record<string, string>,
          body: row.body,
        })),
    }
  }

  async deskState(channelId: string): Promise<DeskState> {
    // One statement, so one snapshot: the state and the channel's last_seq as of the same
    // instant (intake commits its events, their state and last_seq together).
    const r = await this.pool.query<{ last_seq: number; seq: number | null; body: string | null }>({
      name: 'relay_desk_state',
      text: `SELECT c.last_seq, s.seq, s.body FROM channels c
       LEFT JOIN desk_state s ON s.channel_id = c.id
       WHERE c.id = $1 ORDER BY s.seq`,
      values: [channelId],
    })
    return {
      asOf: r.rows[0]?.last_seq ?? 0,
      entries: r.rows.flatMap((row) =>
        row.seq === null || row.body === null ? [] : [{ seq: row.seq, body: row.body }],
      ),
    }
  }

  async findChannel(channelId: string): Promise<Channel | undefined> {
    const r = await this.pool.query<ChannelRow>({
      name: 'relay_channel',
      text: 'SELECT * FROM channels WHERE id = $1',
      values: [channelId],
    })
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
    const r = await this.pool.query<DeviceRow>({
      name: 'relay_device_by_token',
      text: 'SELECT * FROM devices WHERE token_hash = $1 AND revoked_at IS NULL',
      values: [tokenHash],
    })
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
    const r = await this.pool.query<{ cursor: number }>({
      name: 'relay_ack',
      text: 'UPDATE devices SET cursor = GREATEST(cursor, $2), last_seen_at = $3 WHERE id = $1 RETURNING cursor',
      values: [deviceId, seq, Date.now()],
    })
    return r.rows[0]?.cursor ?? 0
  }

  async touchDevice(deviceId: string, at: Date): Promise<void> {
    await this.pool.query({
      name: 'relay_touch_device',
      text: 'UPDATE devices SET last_seen_at = $2 WHERE id = $1',
      values: [deviceId, at.getTime()],
    })
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
