// Who did what at the desk (audit_log): actions, queue commands, connecting and disconnecting,
// signing in and out, setting changes. Each row names the person signed in and this desk's
// device when a local API request did it (see acting-person.ts). Rows are stamped by the desk's
// clock, not SQLite's: a desk running on a demo's or a test's day logs on that day, the day the
// log is read by.
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm'
import type { AuditAction } from '../../../shared/api/audit-actions'
import type { DeskDb } from '../db/open-database'
import { auditLog } from '../db/schema'
import { actingPerson } from './acting-person'

export interface AuditEntry {
  userId?: number | null
  action: AuditAction
  /** What it acted on: `appointment:<uid>`, `outbox:<id>`, `branch:<id>`, `person:<id>`. */
  target: string
  detail: Record<string, unknown>
  /** Who, when not the request's signed-in person (a sign-in names whom it signs in). */
  person?: { id: string; name: string } | null
}

export interface AuditRow {
  id: number
  at: string
  action: string
  target: string | null
  detail: unknown
  person: { id: string; name: string } | null
  deviceId: string | null
}

/** A stored row as it is, for tests and tools that read the log whole. */
export type AuditLogRow = typeof auditLog.$inferSelect

export class AuditStore {
  readonly #insert
  readonly #all
  readonly #ofTarget

  constructor(
    private readonly db: DeskDb,
    private readonly now: () => number = Date.now,
  ) {
    const p = sql.placeholder
    this.#insert = db
      .insert(auditLog)
      .values({
        at: p('at'),
        userId: p('userId'),
        action: p('action'),
        target: p('target'),
        // Encoded here: a placeholder's value would otherwise skip the JSON column's encoder.
        detail: sql`${p('detailJson')}`,
        personId: p('personId'),
        personName: p('personName'),
        deviceId: p('deviceId'),
      })
      .prepare()
    this.#all = db.select().from(auditLog).orderBy(asc(auditLog.id)).prepare()
    this.#ofTarget = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, p('target')))
      .orderBy(asc(auditLog.id))
      .prepare()
  }

  /** The entries, oldest first; only those about `target` when given. */
  entries(target?: string): AuditLogRow[] {
    return target === undefined ? this.#all.all() : this.#ofTarget.all({ target })
  }

  /** Records an entry; inside the caller's transaction when there is one. */
  record(entry: AuditEntry): void {
    const acting = actingPerson()
    const person = entry.person !== undefined ? entry.person : (acting?.person ?? null)
    this.#insert.run({
      at: this.now(),
      userId: entry.userId ?? null,
      action: entry.action,
      target: entry.target,
      detailJson: JSON.stringify(entry.detail),
      personId: person?.id ?? null,
      personName: person?.name ?? null,
      deviceId: acting?.deviceId ?? null,
    })
  }

  /** Entries in [from, to), oldest first, of one person when `personId` is given. */
  list(range: { from: number; to: number; personId?: string; limit: number }): AuditRow[] {
    const rows = this.db
      .select()
      .from(auditLog)
      .where(
        and(
          gte(auditLog.at, range.from),
          lt(auditLog.at, range.to),
          range.personId === undefined ? undefined : eq(auditLog.personId, range.personId),
        ),
      )
      .orderBy(asc(auditLog.at), asc(auditLog.id))
      .limit(range.limit)
      .all()
    return rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      action: r.action,
      target: r.target,
      detail: r.detail,
      person: r.personId ? { id: r.personId, name: r.personName ?? '' } : null,
      deviceId: r.deviceId,
    }))
  }
}
