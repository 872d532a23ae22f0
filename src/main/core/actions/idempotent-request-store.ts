// Kept first answers to an Idempotency-Key (idempotent_requests), so a repeat gets the same one.
import { and, eq, gte, lt, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { idempotentRequests } from '../db/schema'

export type IdempotentRequestRow = typeof idempotentRequests.$inferSelect

export class IdempotentRequestStore {
  // Read and written on every booking that carries a key, so prepared once.
  readonly #kept
  readonly #expire
  readonly #insert

  constructor(db: DeskDb) {
    this.#kept = db
      .select()
      .from(idempotentRequests)
      .where(
        and(
          eq(idempotentRequests.key, sql.placeholder('key')),
          gte(idempotentRequests.createdAt, sql.placeholder('since')),
        ),
      )
      .prepare()
    this.#expire = db
      .delete(idempotentRequests)
      .where(lt(idempotentRequests.createdAt, sql.placeholder('before')))
      .prepare()
    this.#insert = db
      .insert(idempotentRequests)
      .values({
        key: sql.placeholder('key'),
        route: sql.placeholder('route'),
        requestHash: sql.placeholder('requestHash'),
        status: sql.placeholder('status'),
        response: sql.placeholder('response'),
        createdAt: sql.placeholder('createdAt'),
      })
      .prepare()
  }

  /** The answer kept for `key`, if it was kept after `since`. */
  kept(key: string, since: number): IdempotentRequestRow | undefined {
    return this.#kept.get({ key, since })
  }

  /** Keeps an answer, dropping those older than `expireBefore`; inside the caller's transaction. */
  keep(row: Omit<IdempotentRequestRow, 'createdAt'>, now: number, expireBefore: number): void {
    this.#expire.run({ before: expireBefore })
    this.#insert.run({ ...row, createdAt: now })
  }
}
