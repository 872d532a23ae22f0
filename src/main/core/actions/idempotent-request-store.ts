// Kept first answers to an Idempotency-Key (idempotent_requests), so a repeat gets the same one.
import { and, eq, gte, lt } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { idempotentRequests } from '../db/schema'

export type IdempotentRequestRow = typeof idempotentRequests.$inferSelect

export class IdempotentRequestStore {
  constructor(private readonly db: DeskDb) {}

  /** The answer kept for `key`, if it was kept after `since`. */
  kept(key: string, since: number): IdempotentRequestRow | undefined {
    return this.db
      .select()
      .from(idempotentRequests)
      .where(and(eq(idempotentRequests.key, key), gte(idempotentRequests.createdAt, since)))
      .get()
  }

  /** Keeps an answer, dropping those older than `expireBefore`; inside the caller's transaction. */
  keep(row: Omit<IdempotentRequestRow, 'createdAt'>, now: number, expireBefore: number): void {
    this.db.delete(idempotentRequests).where(lt(idempotentRequests.createdAt, expireBefore)).run()
    this.db
      .insert(idempotentRequests)
      .values({ ...row, createdAt: now })
      .run()
  }
}
