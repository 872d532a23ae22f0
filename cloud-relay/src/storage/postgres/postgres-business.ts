import type pg from 'pg'
import type {
  AuditEntry,
  BusinessDoc,
  BusinessStorage,
  PinLock,
  StoredAuditEntry,
  StoredBusiness,
} from '../business-types.js'
import { afterWrongPin } from '../pin-lock.js'
import { docText, parseDoc } from '../business-doc.js'

interface AuditRow {
  business_id: string
  version: number
  person_id: string | null
  device_id: string
  action: string
  detail: string
  at: number
}
interface PinLockRow {
  failures: number
  locked_until: number | null
}

const toLock = (r: PinLockRow | undefined): PinLock => ({
  failures: r?.failures ?? 0,
  lockedUntil: r?.locked_until == null ? null : new Date(r.locked_until),
})

const auditInsert = (businessId: string, version: number, a: AuditEntry) => ({
  text: `INSERT INTO business_audit (business_id, version, person_id, device_id, action, detail, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
  values: [
    businessId,
    version,
    a.personId,
    a.deviceId,
    a.action,
    JSON.stringify(a.detail),
    a.at.getTime(),
  ],
})

/**
 * The business tables on the shared store. Changes are transactions whose row locks (the
 * channel's membership, the business row, the join code) order them against other instances.
 */
export class PostgresBusiness implements BusinessStorage {
  constructor(private readonly pool: pg.Pool) {}

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect()
    try {
      await c.query('BEGIN')
      const out = await fn(c)
      await c.query('COMMIT')
      return out
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {})
      throw err
    } finally {
      c.release()
    }
  }

  async createBusiness(b: {
    id: string
    channelId: string
    doc: BusinessDoc
    audit: AuditEntry
  }): Promise<boolean> {
    return this.tx(async (c) => {
      const at = b.audit.at.getTime()
      await c.query(
        'INSERT INTO businesses (id, version, doc, created_at) VALUES ($1, 1, $2, $3)',
        [b.id, docText(b.doc), at],
      )
      const joined = await c.query(
        `INSERT INTO business_channels (channel_id, business_id, joined_at) VALUES ($1, $2, $3)
         ON CONFLICT (channel_id) DO NOTHING`,
        [b.channelId, b.id, at],
      )
      if (joined.rowCount === 0) {
        await c.query('DELETE FROM businesses WHERE id = $1', [b.id])
        return false
      }
      await c.query(auditInsert(b.id, 1, b.audit))
      return true
    })
  }

  async businessOfChannel(channelId: string): Promise<StoredBusiness | undefined> {
    const r = await this.pool.query<{ id: string; version: number; doc: string }>(
      `SELECT b.id, b.version, b.doc FROM businesses b
       JOIN business_channels c ON c.business_id = b.id WHERE c.channel_id = $1`,
      [channelId],
    )
    const row = r.rows[0]
    if (!row) return undefined
    const ch = await this.pool.query<{ channel_id: string }>(
      'SELECT channel_id FROM business_channels WHERE business_id = $1 ORDER BY joined_at, channel_id',
      [row.id],
    )
    const doc = parseDoc(row.doc)
    return {
      id: row.id,
      version: row.version,
      channelIds: ch.rows.map((x) => x.channel_id),
      ...doc,
    }
  }

  async updateBusiness(
    id: string,
    expectedVersion: number,
    doc: BusinessDoc,
    audit: AuditEntry,
  ): Promise<boolean> {
    return this.tx(async (c) => {
      const r = await c.query(
        'UPDATE businesses SET doc = $1, version = version + 1 WHERE id = $2 AND version = $3',
        [docText(doc), id, expectedVersion],
      )
      if (r.rowCount === 0) return false
      await c.query(auditInsert(id, expectedVersion + 1, audit))
      return true
    })
  }

  async listAudit(businessId: string): Promise<StoredAuditEntry[]> {
    const r = await this.pool.query<AuditRow>(
      'SELECT * FROM business_audit WHERE business_id = $1 ORDER BY id',
      [businessId],
    )
    return r.rows.map((x) => ({
      businessId: x.business_id,
      version: x.version,
      personId: x.person_id,
      deviceId: x.device_id,
      action: x.action,
      detail: JSON.parse(x.detail) as Record<string, unknown>,
      at: new Date(x.at),
    }))
  }

  async addJoinCode(c: { codeHash: string; businessId: string; expiresAt: Date }): Promise<void> {
    await this.pool.query(
      'INSERT INTO join_codes (code_hash, business_id, expires_at) VALUES ($1, $2, $3)',
      [c.codeHash, c.businessId, c.expiresAt.getTime()],
    )
  }

  async redeemJoinCode(c: {
    codeHash: string
    channelId: string
    now: Date
    audit: AuditEntry
  }): Promise<string | undefined> {
    return this.tx(async (tx) => {
      const now = c.now.getTime()
      const spent = await tx.query<{ business_id: string }>(
        `UPDATE join_codes SET used_at = $1, used_by_channel = $2
         WHERE code_hash = $3 AND used_at IS NULL AND expires_at > $1 RETURNING business_id`,
        [now, c.channelId, c.codeHash],
      )
      const businessId = spent.rows[0]?.business_id
      if (businessId === undefined) return undefined
      const joined = await tx.query(
        `INSERT INTO business_channels (channel_id, business_id, joined_at) VALUES ($1, $2, $3)
         ON CONFLICT (channel_id) DO NOTHING`,
        [c.channelId, businessId, now],
      )
      if (joined.rowCount === 0) throw new ChannelTaken()
      const v = await tx.query<{ version: number }>(
        'UPDATE businesses SET version = version + 1 WHERE id = $1 RETURNING version',
        [businessId],
      )
      await tx.query(auditInsert(businessId, (v.rows[0] as { version: number }).version, c.audit))
      return businessId
    }).catch((err: unknown) => {
      // Already a member: the transaction was rolled back, so the code stays unspent.
      if (err instanceof ChannelTaken) return undefined
      throw err
    })
  }

  async pinLock(personId: string): Promise<PinLock> {
    const r = await this.pool.query<PinLockRow>('SELECT * FROM pin_locks WHERE person_id = $1', [
      personId,
    ])
    return toLock(r.rows[0])
  }

  async pinFailed(personId: string, now: Date, max: number, lockMs: number): Promise<PinLock> {
    return this.tx(async (c) => {
      await c.query(
        `INSERT INTO pin_locks (person_id, failures) VALUES ($1, 0) ON CONFLICT (person_id) DO NOTHING`,
        [personId],
      )
      const r = await c.query<PinLockRow>(
        'SELECT * FROM pin_locks WHERE person_id = $1 FOR UPDATE',
        [personId],
      )
      const next = afterWrongPin(toLock(r.rows[0]), now, max, lockMs)
      await c.query('UPDATE pin_locks SET failures = $2, locked_until = $3 WHERE person_id = $1', [
        personId,
        next.failures,
        next.lockedUntil?.getTime() ?? null,
      ])
      return next
    })
  }

  async pinPassed(personId: string): Promise<void> {
    await this.pool.query('DELETE FROM pin_locks WHERE person_id = $1', [personId])
  }
}

class ChannelTaken extends Error {}
