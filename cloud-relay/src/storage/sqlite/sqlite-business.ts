import type Database from 'better-sqlite3'
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

interface BusinessRow {
  id: string
  version: number
  doc: string
}
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

const statements = (db: Database.Database) => ({
  business: db.prepare<[string], BusinessRow>('SELECT * FROM businesses WHERE id = ?'),
  businessOfChannel: db.prepare<[string], BusinessRow>(
    `SELECT b.* FROM businesses b JOIN business_channels c ON c.business_id = b.id
       WHERE c.channel_id = ?`,
  ),
  channels: db.prepare<[string], { channel_id: string }>(
    'SELECT channel_id FROM business_channels WHERE business_id = ? ORDER BY joined_at, channel_id',
  ),
  channelTaken: db.prepare<[string], { n: number }>(
    'SELECT 1 AS n FROM business_channels WHERE channel_id = ?',
  ),
  insertBusiness: db.prepare(
    'INSERT INTO businesses (id, version, doc, created_at) VALUES (?, 1, ?, ?)',
  ),
  insertChannel: db.prepare(
    'INSERT INTO business_channels (channel_id, business_id, joined_at) VALUES (?, ?, ?)',
  ),
  setDoc: db.prepare(
    'UPDATE businesses SET doc = ?, version = version + 1 WHERE id = ? AND version = ?',
  ),
  bump: db.prepare('UPDATE businesses SET version = version + 1 WHERE id = ? RETURNING version'),
  insertAudit: db.prepare(
    `INSERT INTO business_audit (business_id, version, person_id, device_id, action, detail, at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ),
  audit: db.prepare<[string], AuditRow>(
    'SELECT * FROM business_audit WHERE business_id = ? ORDER BY id',
  ),
  insertCode: db.prepare(
    'INSERT INTO join_codes (code_hash, business_id, expires_at) VALUES (?, ?, ?)',
  ),
  spendCode: db.prepare<[number, string, string, number], { business_id: string }>(
    `UPDATE join_codes SET used_at = ?, used_by_channel = ?
       WHERE code_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING business_id`,
  ),
  pinLock: db.prepare<[string], PinLockRow>('SELECT * FROM pin_locks WHERE person_id = ?'),
  setPinLock: db.prepare(
    `INSERT INTO pin_locks (person_id, failures, locked_until) VALUES (?, ?, ?)
       ON CONFLICT (person_id) DO UPDATE SET failures = excluded.failures,
         locked_until = excluded.locked_until`,
  ),
  clearPinLock: db.prepare('DELETE FROM pin_locks WHERE person_id = ?'),
})

/** The business tables on the embedded store; each change is one synchronous transaction. */
export class SqliteBusiness implements BusinessStorage {
  private readonly s: ReturnType<typeof statements>

  constructor(private readonly db: Database.Database) {
    this.s = statements(db)
  }

  private audit(businessId: string, version: number, a: AuditEntry) {
    this.s.insertAudit.run(
      businessId,
      version,
      a.personId,
      a.deviceId,
      a.action,
      JSON.stringify(a.detail),
      a.at.getTime(),
    )
  }

  async createBusiness(b: {
    id: string
    channelId: string
    doc: BusinessDoc
    audit: AuditEntry
  }): Promise<boolean> {
    return this.db
      .transaction(() => {
        if (this.s.channelTaken.get(b.channelId)) return false
        const at = b.audit.at.getTime()
        this.s.insertBusiness.run(b.id, docText(b.doc), at)
        this.s.insertChannel.run(b.channelId, b.id, at)
        this.audit(b.id, 1, b.audit)
        return true
      })
      .immediate()
  }

  async businessOfChannel(channelId: string): Promise<StoredBusiness | undefined> {
    const row = this.s.businessOfChannel.get(channelId)
    if (!row) return undefined
    const channelIds = this.s.channels.all(row.id).map((r) => r.channel_id)
    const doc = parseDoc(row.doc)
    return { id: row.id, version: row.version, channelIds, ...doc }
  }

  async updateBusiness(
    id: string,
    expectedVersion: number,
    doc: BusinessDoc,
    audit: AuditEntry,
  ): Promise<boolean> {
    return this.db
      .transaction(() => {
        if (this.s.setDoc.run(docText(doc), id, expectedVersion).changes === 0) return false
        this.audit(id, expectedVersion + 1, audit)
        return true
      })
      .immediate()
  }

  async listAudit(businessId: string): Promise<StoredAuditEntry[]> {
    return this.s.audit.all(businessId).map((r) => ({
      businessId: r.business_id,
      version: r.version,
      personId: r.person_id,
      deviceId: r.device_id,
      action: r.action,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
      at: new Date(r.at),
    }))
  }

  async addJoinCode(c: { codeHash: string; businessId: string; expiresAt: Date }): Promise<void> {
    this.s.insertCode.run(c.codeHash, c.businessId, c.expiresAt.getTime())
  }

  async redeemJoinCode(c: {
    codeHash: string
    channelId: string
    now: Date
    audit: AuditEntry
  }): Promise<string | undefined> {
    return this.db
      .transaction(() => {
        if (this.s.channelTaken.get(c.channelId)) return undefined
        const now = c.now.getTime()
        const spent = this.s.spendCode.get(now, c.channelId, c.codeHash, now)
        if (!spent) return undefined
        this.s.insertChannel.run(c.channelId, spent.business_id, now)
        const { version } = this.s.bump.get(spent.business_id) as { version: number }
        this.audit(spent.business_id, version, c.audit)
        return spent.business_id
      })
      .immediate()
  }

  async pinLock(personId: string): Promise<PinLock> {
    return toLock(this.s.pinLock.get(personId))
  }

  async pinFailed(personId: string, now: Date, max: number, lockMs: number): Promise<PinLock> {
    return this.db
      .transaction(() => {
        const next = afterWrongPin(toLock(this.s.pinLock.get(personId)), now, max, lockMs)
        this.s.setPinLock.run(personId, next.failures, next.lockedUntil?.getTime() ?? null)
        return next
      })
      .immediate()
  }

  async pinPassed(personId: string): Promise<void> {
    this.s.clearPinLock.run(personId)
  }
}
