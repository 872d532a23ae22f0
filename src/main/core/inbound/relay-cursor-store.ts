// Where this desk is in its relay channel (relay_cursor): the last event applied, the channel
// and device it reads with, when it last heard an event and last reconciled.
import { eq, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { relayCursor } from '../db/schema'

export type RelayCursorRow = typeof relayCursor.$inferSelect

export class RelayCursorStore {
  readonly #row
  readonly #advance

  constructor(private readonly db: DeskDb) {
    const p = sql.placeholder
    this.#row = db
      .select()
      .from(relayCursor)
      .where(eq(relayCursor.branchId, p('branchId')))
      .prepare()
    this.#advance = db
      .insert(relayCursor)
      .values({ branchId: p('branchId'), lastSeq: p('seq'), lastEventAt: p('now') })
      .onConflictDoUpdate({
        target: relayCursor.branchId,
        set: {
          lastSeq: sql`max(${relayCursor.lastSeq}, excluded.last_seq)`,
          lastEventAt: sql`excluded.last_event_at`,
          updatedAt: sql`excluded.last_event_at`,
        },
      })
      .prepare()
  }

  row(branchId: number): RelayCursorRow | undefined {
    return this.#row.get({ branchId })
  }

  /** The last relay seq applied (0 before the first). */
  seq(branchId: number): number {
    return this.row(branchId)?.lastSeq ?? 0
  }

  /** Moves the cursor to `seq` (never backwards), inside the caller's transaction. */
  advance(branchId: number, seq: number): void {
    this.#advance.run({ branchId, seq, now: Date.now() })
  }

  /** A new enrollment: the channel and device, and where in that channel to resume. */
  enrolled(branchId: number, channelId: string, deviceId: string, lastSeq: number): void {
    this.db
      .insert(relayCursor)
      .values({ branchId, channelId, deviceId, lastSeq })
      .onConflictDoUpdate({
        target: relayCursor.branchId,
        set: { channelId, deviceId, lastSeq, updatedAt: Date.now() },
      })
      .run()
  }

  /** The relay dropped what this desk missed and a reconcile covered it: resume after it. */
  skipTo(branchId: number, seq: number): void {
    this.db
      .update(relayCursor)
      .set({ lastSeq: sql`max(${relayCursor.lastSeq}, ${seq})`, updatedAt: Date.now() })
      .where(eq(relayCursor.branchId, branchId))
      .run()
  }

  reconciled(branchId: number): void {
    const now = Date.now()
    this.db
      .insert(relayCursor)
      .values({ branchId, lastReconcileAt: now })
      .onConflictDoUpdate({
        target: relayCursor.branchId,
        set: { lastReconcileAt: now, updatedAt: now },
      })
      .run()
  }
}
