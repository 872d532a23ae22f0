import { randomUUID } from 'node:crypto'
import {
  BUSINESS_BRANCHES_SQL,
  RECEIVED_BETWEEN_SQL,
  STALLED_BRANCHES_SQL,
  toReceived,
  toStalled,
  type ReceivedDelivery,
  type StalledBranch,
} from '../stalled-branches.js'
import { toBranchHours, type BranchHoursRow } from '../branch-hours-row.js'
import type pg from 'pg'
import type { NotificationRules } from '../../../../src/shared/notifications/rules.js'
import type { AuditEntry } from '../business-types.js'
import {
  rulesText,
  toJob,
  toNotification,
  toProposal,
  type JobRow,
  type NotificationRow,
  type ProposalRow,
} from '../notification-rows.js'
import type {
  BranchHours,
  NewNotification,
  NotificationStorage,
  NotifyJob,
  ReportPayload,
  StoredNotification,
  StoredProposal,
  StoredRules,
} from '../notification-types.js'

type Db = pg.Pool | pg.PoolClient

const auditInsert = (businessId: string, a: AuditEntry) => ({
  text: `INSERT INTO business_audit (business_id, version, person_id, device_id, action, detail, at)
         SELECT id, version, $2, $3, $4, $5, $6 FROM businesses WHERE id = $1`,
  values: [businessId, a.personId, a.deviceId, a.action, JSON.stringify(a.detail), a.at.getTime()],
})

/** Where a notification may join a leader: bursts per kind, digests per morning. */
const coalesceKey = (n: NewNotification): string | undefined => {
  if (n.status === 'held') return `${n.personId}|${n.channel}|held|${n.dueAt.getTime()}`
  if (n.status === 'pending' && n.coalesceMinutes > 0) return `${n.personId}|${n.channel}|${n.kind}`
  return undefined
}

/**
 * The notification tables on the shared store. Jobs and due notifications are claimed with
 * `FOR UPDATE SKIP LOCKED`, so instances share the work without waiting on each other; choosing
 * a burst's leader takes an advisory lock on (person, channel, kind), so two instances never
 * both start one.
 */
export class PostgresNotifications implements NotificationStorage {
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

  private async current(
    db: Db,
    businessId: string,
    lock = false,
  ): Promise<StoredRules | undefined> {
    const r = await db.query<{ version: number; doc: string }>(
      `SELECT version, doc FROM notification_rules WHERE business_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [businessId],
    )
    const row = r.rows[0]
    return row && { version: row.version, rules: JSON.parse(row.doc) as NotificationRules }
  }

  private async cas(
    db: Db,
    businessId: string,
    expectedVersion: number,
    rules: NotificationRules,
    at: number,
  ): Promise<boolean> {
    const r =
      expectedVersion === 0
        ? await db.query(
            `INSERT INTO notification_rules (business_id, version, doc, updated_at)
             VALUES ($1, 1, $2, $3) ON CONFLICT (business_id) DO NOTHING`,
            [businessId, rulesText(rules), at],
          )
        : await db.query(
            `UPDATE notification_rules SET doc = $1, version = version + 1, updated_at = $2
             WHERE business_id = $3 AND version = $4`,
            [rulesText(rules), at, businessId, expectedVersion],
          )
    return (r.rowCount ?? 0) > 0
  }

  async rules(businessId: string): Promise<StoredRules | undefined> {
    return this.current(this.pool, businessId)
  }

  async saveRules(
    businessId: string,
    expectedVersion: number,
    rules: NotificationRules,
    audit: AuditEntry,
  ): Promise<boolean> {
    return this.tx(async (c) => {
      if (!(await this.cas(c, businessId, expectedVersion, rules, audit.at.getTime()))) return false
      await c.query(auditInsert(businessId, audit))
      return true
    })
  }

  async addProposal(
    p: StoredProposal,
    audit: AuditEntry,
    notify: NewNotification[],
  ): Promise<void> {
    await this.tx(async (c) => {
      await c.query(
        `INSERT INTO rule_proposals (id, business_id, base_version, doc, changes, proposed_by,
           device_id, reason, created_at, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending')`,
        [
          p.id,
          p.businessId,
          p.baseVersion,
          rulesText(p.rules),
          JSON.stringify(p.changes),
          p.proposedBy,
          p.deviceId,
          p.reason,
          p.createdAt.getTime(),
        ],
      )
      await c.query(auditInsert(p.businessId, audit))
      for (const n of notify) await this.insert(c, n)
    })
  }

  async proposals(businessId: string): Promise<StoredProposal[]> {
    const r = await this.pool.query<ProposalRow>(
      'SELECT * FROM rule_proposals WHERE business_id = $1 ORDER BY created_at DESC, id DESC',
      [businessId],
    )
    return r.rows.map(toProposal)
  }

  private async lockProposal(c: pg.PoolClient, businessId: string, id: string) {
    const r = await c.query<ProposalRow>(
      'SELECT * FROM rule_proposals WHERE business_id = $1 AND id = $2 FOR UPDATE',
      [businessId, id],
    )
    return r.rows[0]
  }

  async approveProposal(businessId: string, id: string, audit: AuditEntry) {
    return this.tx(async (c) => {
      const version = async () => (await this.current(c, businessId))?.version ?? 0
      const row = await this.lockProposal(c, businessId, id)
      if (!row) return { outcome: 'unknown' as const, version: await version() }
      if (row.state !== 'pending') return { outcome: 'decided' as const, version: await version() }
      const p = toProposal(row)
      const at = audit.at.getTime()
      const applied = await this.cas(c, businessId, p.baseVersion, p.rules, at)
      const state = applied ? ('approved' as const) : ('superseded' as const)
      await c.query(
        'UPDATE rule_proposals SET state = $1, decided_by = $2, decided_at = $3 WHERE id = $4',
        [state, audit.personId, at, id],
      )
      await c.query(
        auditInsert(businessId, {
          ...audit,
          action: applied ? audit.action : 'rules.proposal.superseded',
        }),
      )
      return { outcome: state, version: await version() }
    })
  }

  async rejectProposal(businessId: string, id: string, audit: AuditEntry) {
    return this.tx(async (c) => {
      const version = (await this.current(c, businessId))?.version ?? 0
      const row = await this.lockProposal(c, businessId, id)
      if (!row) return { outcome: 'unknown' as const, version }
      if (row.state !== 'pending') return { outcome: 'decided' as const, version }
      await c.query(
        `UPDATE rule_proposals SET state = 'rejected', decided_by = $1, decided_at = $2 WHERE id = $3`,
        [audit.personId, audit.at.getTime(), id],
      )
      await c.query(auditInsert(businessId, audit))
      return { outcome: 'rejected' as const, version }
    })
  }

  async setBranchHours(channelId: string, hours: BranchHours): Promise<void> {
    await this.pool.query(
      `INSERT INTO branch_hours (channel_id, zone, days, reported_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (channel_id) DO UPDATE SET zone = excluded.zone, days = excluded.days,
         reported_at = excluded.reported_at`,
      [channelId, hours.zone, JSON.stringify(hours.days), hours.reportedAt.getTime()],
    )
  }

  async branchHours(channelId: string): Promise<BranchHours | undefined> {
    const r = await this.pool.query<BranchHoursRow>(
      'SELECT zone, days, reported_at FROM branch_hours WHERE channel_id = $1',
      [channelId],
    )
    return r.rows[0] ? toBranchHours(r.rows[0]) : undefined
  }

  async businessBranches() {
    const r = await this.pool.query<{ business_id: string; channel_id: string }>(
      BUSINESS_BRANCHES_SQL,
    )
    return grouped(r.rows)
  }

  async receivedBetween(channelId: string, from: Date, to: Date): Promise<ReceivedDelivery[]> {
    const r = await this.pool.query<{
      channel_id: string
      seq: string
      content_type: string
      body: Buffer
      received_at: string
    }>(
      RECEIVED_BETWEEN_SQL((n) => `$${n}`),
      [channelId, from.getTime(), to.getTime()],
    )
    return r.rows.map(toReceived)
  }

  async stalledBranches(receivedBefore: Date): Promise<StalledBranch[]> {
    const r = await this.pool.query<{ channel_id: string; seq: string; received_at: string }>(
      STALLED_BRANCHES_SQL((n) => `$${n}`),
      [receivedBefore.getTime()],
    )
    return r.rows.map(toStalled)
  }

  async enqueueReport(
    sourceKey: string,
    channelId: string,
    report: ReportPayload,
    at: Date,
  ): Promise<boolean> {
    const r = await this.pool.query(
      `INSERT INTO notify_jobs (source_key, channel_id, seq, report, created_at)
       VALUES ($1, $2, NULL, $3, $4) ON CONFLICT (source_key) DO NOTHING`,
      [sourceKey, channelId, JSON.stringify(report), at.getTime()],
    )
    return (r.rowCount ?? 0) > 0
  }

  async claimJobs(now: Date, leaseMs: number, limit: number): Promise<NotifyJob[]> {
    const t = now.getTime()
    const r = await this.pool.query<JobRow>(
      `UPDATE notify_jobs SET claim = $1, claimed_until = $2, attempts = attempts + 1
       WHERE id IN (SELECT id FROM notify_jobs WHERE done_at IS NULL
                      AND (claimed_until IS NULL OR claimed_until <= $3)
                    ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING id, source_key, channel_id, seq, report, attempts, claim`,
      [randomUUID(), t + leaseMs, t, limit],
    )
    return r.rows.map(toJob).sort((a, b) => a.id - b.id)
  }

  async finishJob(job: NotifyJob, notifications: NewNotification[]): Promise<void> {
    // Advisory locks in one order, so two instances finishing jobs never deadlock.
    const ordered = [...notifications].sort((a, b) =>
      (coalesceKey(a) ?? '').localeCompare(coalesceKey(b) ?? ''),
    )
    await this.tx(async (c) => {
      for (const n of ordered) await this.insert(c, n)
      await c.query('UPDATE notify_jobs SET done_at = $2 WHERE id = $1', [job.id, Date.now()])
    })
  }

  private async insert(c: pg.PoolClient, n: NewNotification): Promise<void> {
    const key = coalesceKey(n)
    const now = n.createdAt.getTime()
    let leader: number | undefined
    if (key !== undefined) {
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key])
      const r =
        n.status === 'held'
          ? await c.query<{ id: number }>(
              `SELECT id FROM notifications WHERE person_id = $1 AND channel = $2 AND status = 'held'
                 AND due_at = $3 AND leader_id IS NULL
                 AND (claimed_until IS NULL OR claimed_until <= $4)
               ORDER BY id LIMIT 1 FOR UPDATE`,
              [n.personId, n.channel, n.dueAt.getTime(), now],
            )
          : await c.query<{ id: number }>(
              `SELECT id FROM notifications WHERE person_id = $1 AND channel = $2 AND kind = $3
                 AND status = 'pending' AND leader_id IS NULL AND created_at >= $4
                 AND (claimed_until IS NULL OR claimed_until <= $5)
               ORDER BY id LIMIT 1 FOR UPDATE`,
              [n.personId, n.channel, n.kind, now - n.coalesceMinutes * 60_000, now],
            )
      leader = r.rows[0]?.id
    }
    const joined = leader !== undefined
    await c.query(
      `INSERT INTO notifications (key, business_id, person_id, channel, kind, branch_id, source_key,
         status, reason, leader_id, facts, created_at, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (key) DO NOTHING`,
      [
        n.key,
        n.businessId,
        n.personId,
        n.channel,
        n.kind,
        n.branchId,
        n.sourceKey,
        joined ? 'coalesced' : n.status,
        joined ? (n.status === 'held' ? 'digest' : 'burst') : n.reason,
        leader ?? null,
        JSON.stringify(n.facts),
        now,
        n.dueAt.getTime(),
      ],
    )
  }

  async retryJob(job: NotifyJob, retryAt: Date, error: string): Promise<void> {
    await this.pool.query(
      'UPDATE notify_jobs SET claimed_until = $1, last_error = $2 WHERE id = $3 AND claim = $4',
      [retryAt.getTime(), error, job.id, job.claim],
    )
  }

  async pendingJobs(): Promise<number> {
    const r = await this.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM notify_jobs WHERE done_at IS NULL',
    )
    return Number(r.rows[0]?.n ?? 0)
  }

  async pruneJobs(before: Date): Promise<number> {
    const r = await this.pool.query('DELETE FROM notify_jobs WHERE done_at < $1', [
      before.getTime(),
    ])
    return r.rowCount ?? 0
  }

  async claimDue(now: Date, leaseMs: number, limit: number): Promise<StoredNotification[]> {
    const t = now.getTime()
    const r = await this.pool.query<NotificationRow>(
      `UPDATE notifications SET claim = $1, claimed_until = $2
       WHERE id IN (SELECT id FROM notifications
                    WHERE status IN ('pending', 'held') AND due_at <= $3 AND leader_id IS NULL
                      AND (claimed_until IS NULL OR claimed_until <= $3)
                    ORDER BY due_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [randomUUID(), t + leaseMs, t, limit],
    )
    return r.rows.map(toNotification).sort((a, b) => a.id - b.id)
  }

  async followers(leaderId: number): Promise<StoredNotification[]> {
    const r = await this.pool.query<NotificationRow>(
      'SELECT * FROM notifications WHERE leader_id = $1 ORDER BY id',
      [leaderId],
    )
    return r.rows.map(toNotification)
  }

  async markSent(n: StoredNotification, at: Date): Promise<boolean> {
    return this.tx(async (c) => {
      const owned = await c.query(
        `SELECT 1 FROM notifications WHERE id = $1 AND claim = $2
           AND status IN ('pending', 'held', 'sending', 'uncertain')
         FOR UPDATE`,
        [n.id, n.claim],
      )
      if (owned.rowCount === 0) return false
      let served: number | null = null
      if (n.channel === 'desktop') {
        const s = await c.query<{ last: number }>(
          `UPDATE notify_counters SET last = last + 1 WHERE name = 'served' RETURNING last`,
        )
        served = (s.rows[0] as { last: number }).last
      }
      await c.query(
        `UPDATE notifications SET status = 'sent', sent_at = $1, served_seq = $2,
           attempts = attempts + 1 WHERE id = $3`,
        [at.getTime(), served, n.id],
      )
      return true
    })
  }

  async markSending(n: StoredNotification): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE notifications SET status = 'sending'
       WHERE id = $1 AND claim = $2 AND status IN ('pending', 'held')`,
      [n.id, n.claim],
    )
    return (r.rowCount ?? 0) > 0
  }

  async markRetry(n: StoredNotification, dueAt: Date, error: string): Promise<void> {
    await this.pool.query(
      `UPDATE notifications SET status = $1, due_at = $2, reason = $3, attempts = attempts + 1,
         claimed_until = NULL
       WHERE id = $4 AND claim = $5 AND status IN ('sending', 'uncertain')`,
      [n.status === 'held' ? 'held' : 'pending', dueAt.getTime(), error, n.id, n.claim],
    )
  }

  async settleCrashed(now: Date): Promise<StoredNotification[]> {
    const r = await this.pool.query<NotificationRow>(
      `UPDATE notifications SET status = 'uncertain', reason = 'crashed_mid_send',
         attempts = attempts + 1
       WHERE status = 'sending' AND claimed_until <= $1
       RETURNING *`,
      [now.getTime()],
    )
    return r.rows.map(toNotification)
  }

  async markFailed(n: StoredNotification, reason: string): Promise<void> {
    await this.pool.query(
      `UPDATE notifications SET status = 'failed', reason = $1, attempts = attempts + 1
       WHERE id = $2 AND claim = $3`,
      [reason, n.id, n.claim],
    )
  }

  async setDesktop(personId: string, deviceId: string, enabled: boolean, at: Date): Promise<void> {
    if (enabled)
      await this.pool.query(
        `INSERT INTO desktop_subscriptions (person_id, device_id, created_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [personId, deviceId, at.getTime()],
      )
    else
      await this.pool.query(
        'DELETE FROM desktop_subscriptions WHERE person_id = $1 AND device_id = $2',
        [personId, deviceId],
      )
  }

  async desktopPeople(deviceId: string): Promise<string[]> {
    const r = await this.pool.query<{ person_id: string }>(
      'SELECT person_id FROM desktop_subscriptions WHERE device_id = $1 ORDER BY person_id',
      [deviceId],
    )
    return r.rows.map((x) => x.person_id)
  }

  async desktop(personIds: string[], after: number, limit: number): Promise<StoredNotification[]> {
    if (personIds.length === 0) return []
    const r = await this.pool.query<NotificationRow>(
      `SELECT * FROM notifications WHERE channel = 'desktop' AND served_seq > $1
         AND person_id = ANY ($2) ORDER BY served_seq LIMIT $3`,
      [after, personIds, limit],
    )
    return r.rows.map(toNotification)
  }

  async history(businessId: string, limit: number): Promise<StoredNotification[]> {
    const r = await this.pool.query<NotificationRow>(
      'SELECT * FROM notifications WHERE business_id = $1 ORDER BY id DESC LIMIT $2',
      [businessId, limit],
    )
    return r.rows.map(toNotification)
  }
}

function grouped(rows: { business_id: string; channel_id: string }[]) {
  const out: { businessId: string; channelIds: string[] }[] = []
  for (const r of rows) {
    const last = out.at(-1)
    if (last?.businessId === r.business_id) last.channelIds.push(r.channel_id)
    else out.push({ businessId: r.business_id, channelIds: [r.channel_id] })
  }
  return out
}
