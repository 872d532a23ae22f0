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
import type Database from 'better-sqlite3'
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

const statements = (db: Database.Database) => ({
  setHours: db.prepare<[string, string, string, number]>(
    `INSERT INTO branch_hours (channel_id, zone, days, reported_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (channel_id) DO UPDATE SET zone = excluded.zone, days = excluded.days,
       reported_at = excluded.reported_at`,
  ),
  hours: db.prepare<[string], BranchHoursRow>(
    'SELECT zone, days, reported_at FROM branch_hours WHERE channel_id = ?',
  ),
  businessBranches: db.prepare<[], { business_id: string; channel_id: string }>(
    BUSINESS_BRANCHES_SQL,
  ),
  received: db.prepare<
    [string, number, number],
    { channel_id: string; seq: number; content_type: string; body: Buffer; received_at: number }
  >(RECEIVED_BETWEEN_SQL(() => '?')),
  stalled: db.prepare<[number], { channel_id: string; seq: number; received_at: number }>(
    STALLED_BRANCHES_SQL(() => '?'),
  ),
  rules: db.prepare<[string], { version: number; doc: string }>(
    'SELECT version, doc FROM notification_rules WHERE business_id = ?',
  ),
  insertRules: db.prepare(
    `INSERT INTO notification_rules (business_id, version, doc, updated_at) VALUES (?, 1, ?, ?)
     ON CONFLICT (business_id) DO NOTHING`,
  ),
  updateRules: db.prepare(
    `UPDATE notification_rules SET doc = ?, version = version + 1, updated_at = ?
     WHERE business_id = ? AND version = ?`,
  ),
  audit: db.prepare(
    `INSERT INTO business_audit (business_id, version, person_id, device_id, action, detail, at)
     SELECT id, version, ?, ?, ?, ?, ? FROM businesses WHERE id = ?`,
  ),
  insertProposal: db.prepare(
    `INSERT INTO rule_proposals (id, business_id, base_version, doc, changes, proposed_by, device_id,
       reason, created_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
  ),
  proposals: db.prepare<[string], ProposalRow>(
    'SELECT * FROM rule_proposals WHERE business_id = ? ORDER BY created_at DESC, id DESC',
  ),
  proposal: db.prepare<[string, string], ProposalRow>(
    'SELECT * FROM rule_proposals WHERE business_id = ? AND id = ?',
  ),
  decide: db.prepare(
    `UPDATE rule_proposals SET state = ?, decided_by = ?, decided_at = ?
     WHERE id = ? AND state = 'pending'`,
  ),
  enqueue: db.prepare(
    `INSERT INTO notify_jobs (source_key, channel_id, seq, report, created_at)
     VALUES (?, ?, NULL, ?, ?) ON CONFLICT (source_key) DO NOTHING`,
  ),
  claimJobs: db.prepare<[string, number, number, number], JobRow>(
    `UPDATE notify_jobs SET claim = ?, claimed_until = ?, attempts = attempts + 1
     WHERE id IN (SELECT id FROM notify_jobs WHERE done_at IS NULL
                    AND (claimed_until IS NULL OR claimed_until <= ?)
                  ORDER BY id LIMIT ?)
     RETURNING id, source_key, channel_id, seq, report, attempts, claim`,
  ),
  finishJob: db.prepare('UPDATE notify_jobs SET done_at = ? WHERE id = ?'),
  retryJob: db.prepare(
    'UPDATE notify_jobs SET claimed_until = ?, last_error = ? WHERE id = ? AND claim = ?',
  ),
  pruneJobs: db.prepare('DELETE FROM notify_jobs WHERE done_at < ?'),
  pendingJobs: db.prepare<[], { n: number }>(
    'SELECT COUNT(*) AS n FROM notify_jobs WHERE done_at IS NULL',
  ),
  // A leader someone is sending right now takes no more followers: its message is being written.
  heldLeader: db.prepare<[string, string, number, number], { id: number }>(
    `SELECT id FROM notifications WHERE person_id = ? AND channel = ? AND status = 'held'
       AND due_at = ? AND leader_id IS NULL AND (claimed_until IS NULL OR claimed_until <= ?)
     ORDER BY id LIMIT 1`,
  ),
  burstLeader: db.prepare<[string, string, string, number, number], { id: number }>(
    `SELECT id FROM notifications WHERE person_id = ? AND channel = ? AND kind = ?
       AND status = 'pending' AND leader_id IS NULL AND created_at >= ?
       AND (claimed_until IS NULL OR claimed_until <= ?)
     ORDER BY id LIMIT 1`,
  ),
  insertNotification: db.prepare(
    `INSERT INTO notifications (key, business_id, person_id, channel, kind, branch_id, source_key,
       status, reason, leader_id, facts, created_at, due_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
  ),
  claimDue: db.prepare<[string, number, number, number, number], NotificationRow>(
    `UPDATE notifications SET claim = ?, claimed_until = ?
     WHERE id IN (SELECT id FROM notifications WHERE status IN ('pending', 'held') AND due_at <= ?
                    AND leader_id IS NULL AND (claimed_until IS NULL OR claimed_until <= ?)
                  ORDER BY due_at, id LIMIT ?)
     RETURNING *`,
  ),
  followers: db.prepare<[number], NotificationRow>(
    'SELECT * FROM notifications WHERE leader_id = ? ORDER BY id',
  ),
  nextServed: db.prepare<[], { s: number }>(
    'SELECT COALESCE(MAX(served_seq), 0) + 1 AS s FROM notifications',
  ),
  markSending: db.prepare(
    `UPDATE notifications SET status = 'sending'
     WHERE id = ? AND claim = ? AND status IN ('pending', 'held')`,
  ),
  // A slow send that finishes after another instance called it uncertain is still recorded sent.
  markSent: db.prepare(
    `UPDATE notifications SET status = 'sent', sent_at = ?, served_seq = ?, attempts = attempts + 1
     WHERE id = ? AND claim = ? AND status IN ('pending', 'held', 'sending', 'uncertain')`,
  ),
  markRetry: db.prepare(
    `UPDATE notifications SET status = ?, due_at = ?, reason = ?, attempts = attempts + 1,
       claimed_until = NULL
     WHERE id = ? AND claim = ? AND status IN ('sending', 'uncertain')`,
  ),
  settleCrashed: db.prepare<[number], NotificationRow>(
    `UPDATE notifications SET status = 'uncertain', reason = 'crashed_mid_send',
       attempts = attempts + 1
     WHERE status = 'sending' AND claimed_until <= ?
     RETURNING *`,
  ),
  markFailed: db.prepare(
    `UPDATE notifications SET status = 'failed', reason = ?, attempts = attempts + 1
     WHERE id = ? AND claim = ?`,
  ),
  subscribe: db.prepare(
    `INSERT INTO desktop_subscriptions (person_id, device_id, created_at) VALUES (?, ?, ?)
     ON CONFLICT DO NOTHING`,
  ),
  unsubscribe: db.prepare(
    'DELETE FROM desktop_subscriptions WHERE person_id = ? AND device_id = ?',
  ),
  desktopPeople: db.prepare<[string], { person_id: string }>(
    'SELECT person_id FROM desktop_subscriptions WHERE device_id = ? ORDER BY person_id',
  ),
  history: db.prepare<[string, number], NotificationRow>(
    'SELECT * FROM notifications WHERE business_id = ? ORDER BY id DESC LIMIT ?',
  ),
})

/** The notification tables on the embedded store: each step is one synchronous transaction. */
export class SqliteNotifications implements NotificationStorage {
  private readonly s: ReturnType<typeof statements>

  constructor(private readonly db: Database.Database) {
    this.s = statements(db)
  }

  private audit(businessId: string, a: AuditEntry): void {
    this.s.audit.run(
      a.personId,
      a.deviceId,
      a.action,
      JSON.stringify(a.detail),
      a.at.getTime(),
      businessId,
    )
  }

  private currentRules(businessId: string): StoredRules | undefined {
    const r = this.s.rules.get(businessId)
    return r && { version: r.version, rules: JSON.parse(r.doc) as NotificationRules }
  }

  /** Inside a transaction: the CAS on the rules' version. */
  private casRules(
    businessId: string,
    expectedVersion: number,
    rules: NotificationRules,
    at: number,
  ): boolean {
    if (expectedVersion === 0)
      return this.s.insertRules.run(businessId, rulesText(rules), at).changes > 0
    return this.s.updateRules.run(rulesText(rules), at, businessId, expectedVersion).changes > 0
  }

  async rules(businessId: string): Promise<StoredRules | undefined> {
    return this.currentRules(businessId)
  }

  async saveRules(
    businessId: string,
    expectedVersion: number,
    rules: NotificationRules,
    audit: AuditEntry,
  ): Promise<boolean> {
    return this.db
      .transaction(() => {
        if (!this.casRules(businessId, expectedVersion, rules, audit.at.getTime())) return false
        this.audit(businessId, audit)
        return true
      })
      .immediate()
  }

  async addProposal(
    p: StoredProposal,
    audit: AuditEntry,
    notify: NewNotification[],
  ): Promise<void> {
    this.db
      .transaction(() => {
        this.s.insertProposal.run(
          p.id,
          p.businessId,
          p.baseVersion,
          rulesText(p.rules),
          JSON.stringify(p.changes),
          p.proposedBy,
          p.deviceId,
          p.reason,
          p.createdAt.getTime(),
        )
        this.audit(p.businessId, audit)
        for (const n of notify) this.insert(n)
      })
      .immediate()
  }

  async proposals(businessId: string): Promise<StoredProposal[]> {
    return this.s.proposals.all(businessId).map(toProposal)
  }

  async approveProposal(businessId: string, id: string, audit: AuditEntry) {
    return this.db
      .transaction(() => {
        const version = () => this.currentRules(businessId)?.version ?? 0
        const row = this.s.proposal.get(businessId, id)
        if (!row) return { outcome: 'unknown' as const, version: version() }
        if (row.state !== 'pending') return { outcome: 'decided' as const, version: version() }
        const p = toProposal(row)
        const at = audit.at.getTime()
        const applied = this.casRules(businessId, p.baseVersion, p.rules, at)
        const state = applied ? ('approved' as const) : ('superseded' as const)
        this.s.decide.run(state, audit.personId, at, id)
        this.audit(businessId, {
          ...audit,
          action: applied ? audit.action : 'rules.proposal.superseded',
        })
        return { outcome: state, version: version() }
      })
      .immediate()
  }

  async rejectProposal(businessId: string, id: string, audit: AuditEntry) {
    return this.db
      .transaction(() => {
        const version = this.currentRules(businessId)?.version ?? 0
        const row = this.s.proposal.get(businessId, id)
        if (!row) return { outcome: 'unknown' as const, version }
        if (row.state !== 'pending') return { outcome: 'decided' as const, version }
        this.s.decide.run('rejected', audit.personId, audit.at.getTime(), id)
        this.audit(businessId, audit)
        return { outcome: 'rejected' as const, version }
      })
      .immediate()
  }

  async businessBranches() {
    return grouped(this.s.businessBranches.all())
  }

  async setBranchHours(channelId: string, hours: BranchHours): Promise<void> {
    this.s.setHours.run(
      channelId,
      hours.zone,
      JSON.stringify(hours.days),
      hours.reportedAt.getTime(),
    )
  }

  async branchHours(channelId: string): Promise<BranchHours | undefined> {
    const row = this.s.hours.get(channelId)
    return row ? toBranchHours(row) : undefined
  }

  async receivedBetween(channelId: string, from: Date, to: Date): Promise<ReceivedDelivery[]> {
    return this.s.received.all(channelId, from.getTime(), to.getTime()).map(toReceived)
  }

  async stalledBranches(receivedBefore: Date): Promise<StalledBranch[]> {
    return this.s.stalled.all(receivedBefore.getTime()).map(toStalled)
  }

  async enqueueReport(
    sourceKey: string,
    channelId: string,
    report: ReportPayload,
    at: Date,
  ): Promise<boolean> {
    return (
      this.s.enqueue.run(sourceKey, channelId, JSON.stringify(report), at.getTime()).changes > 0
    )
  }

  async claimJobs(now: Date, leaseMs: number, limit: number): Promise<NotifyJob[]> {
    const t = now.getTime()
    return this.s.claimJobs.all(randomUUID(), t + leaseMs, t, limit).map(toJob)
  }

  async finishJob(job: NotifyJob, notifications: NewNotification[]): Promise<void> {
    this.db
      .transaction(() => {
        for (const n of notifications) this.insert(n)
        this.s.finishJob.run(Date.now(), job.id)
      })
      .immediate()
  }

  private insert(n: NewNotification): void {
    let leader: { id: number } | undefined
    const now = n.createdAt.getTime()
    if (n.status === 'held')
      leader = this.s.heldLeader.get(n.personId, n.channel, n.dueAt.getTime(), now)
    else if (n.status === 'pending' && n.coalesceMinutes > 0)
      leader = this.s.burstLeader.get(
        n.personId,
        n.channel,
        n.kind,
        now - n.coalesceMinutes * 60_000,
        now,
      )
    const joined = leader !== undefined
    this.s.insertNotification.run(
      n.key,
      n.businessId,
      n.personId,
      n.channel,
      n.kind,
      n.branchId,
      n.sourceKey,
      joined ? 'coalesced' : n.status,
      joined ? (n.status === 'held' ? 'digest' : 'burst') : n.reason,
      leader?.id ?? null,
      JSON.stringify(n.facts),
      n.createdAt.getTime(),
      n.dueAt.getTime(),
    )
  }

  async retryJob(job: NotifyJob, retryAt: Date, error: string): Promise<void> {
    this.s.retryJob.run(retryAt.getTime(), error, job.id, job.claim)
  }

  async pendingJobs(): Promise<number> {
    return (this.s.pendingJobs.get() as { n: number }).n
  }

  async pruneJobs(before: Date): Promise<number> {
    return this.s.pruneJobs.run(before.getTime()).changes
  }

  async claimDue(now: Date, leaseMs: number, limit: number): Promise<StoredNotification[]> {
    const t = now.getTime()
    return this.db
      .transaction(() => this.s.claimDue.all(randomUUID(), t + leaseMs, t, t, limit))
      .immediate()
      .map(toNotification)
  }

  async followers(leaderId: number): Promise<StoredNotification[]> {
    return this.s.followers.all(leaderId).map(toNotification)
  }

  async markSent(n: StoredNotification, at: Date): Promise<boolean> {
    return this.db
      .transaction(() => {
        const served = n.channel === 'desktop' ? (this.s.nextServed.get() as { s: number }).s : null
        return this.s.markSent.run(at.getTime(), served, n.id, n.claim).changes > 0
      })
      .immediate()
  }

  async markSending(n: StoredNotification): Promise<boolean> {
    return this.s.markSending.run(n.id, n.claim).changes > 0
  }

  async markRetry(n: StoredNotification, dueAt: Date, error: string): Promise<void> {
    const back = n.status === 'held' ? 'held' : 'pending'
    this.s.markRetry.run(back, dueAt.getTime(), error, n.id, n.claim)
  }

  async settleCrashed(now: Date): Promise<StoredNotification[]> {
    return this.s.settleCrashed.all(now.getTime()).map(toNotification)
  }

  async markFailed(n: StoredNotification, reason: string): Promise<void> {
    this.s.markFailed.run(reason, n.id, n.claim)
  }

  async setDesktop(personId: string, deviceId: string, enabled: boolean, at: Date): Promise<void> {
    if (enabled) this.s.subscribe.run(personId, deviceId, at.getTime())
    else this.s.unsubscribe.run(personId, deviceId)
  }

  async desktopPeople(deviceId: string): Promise<string[]> {
    return this.s.desktopPeople.all(deviceId).map((r) => r.person_id)
  }

  async desktop(personIds: string[], after: number, limit: number): Promise<StoredNotification[]> {
    if (personIds.length === 0) return []
    const rows = this.db
      .prepare<unknown[], NotificationRow>(
        `SELECT * FROM notifications WHERE channel = 'desktop' AND served_seq > ?
           AND person_id IN (${personIds.map(() => '?').join(', ')})
         ORDER BY served_seq LIMIT ?`,
      )
      .all(after, ...personIds, limit)
    return rows.map(toNotification)
  }

  async history(businessId: string, limit: number): Promise<StoredNotification[]> {
    return this.s.history.all(businessId, limit).map(toNotification)
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
