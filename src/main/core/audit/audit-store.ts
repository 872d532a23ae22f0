// Who did what at the desk (audit_log): actions, queue commands, connecting and disconnecting.
import { asc, eq, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { auditLog } from '../db/schema'

export interface AuditEntry {
  userId?: number | null
  action: string
  /** What it acted on: `appointment:<uid>`, `outbox:<id>`, `branch:<id>`. */
  target: string
  detail: Record<string, unknown>
}

export type AuditRow = typeof auditLog.$inferSelect

export class AuditStore {
  readonly #insert
  readonly #all
  readonly #ofTarget

  constructor(db: DeskDb) {
    const p = sql.placeholder
    this.#insert = db
      .insert(auditLog)
      .values({
        userId: p('userId'),
        action: p('action'),
        target: p('target'),
        // Encoded here: a placeholder's value would otherwise skip the JSON column's encoder.
        detail: sql`${p('detailJson')}`,
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
  entries(target?: string): AuditRow[] {
    return target === undefined ? this.#all.all() : this.#ofTarget.all({ target })
  }

  /** Records an entry; inside the caller's transaction when there is one. */
  record(entry: AuditEntry): void {
    this.#insert.run({
      userId: entry.userId ?? null,
      action: entry.action,
      target: entry.target,
      detailJson: JSON.stringify(entry.detail),
    })
  }
}
