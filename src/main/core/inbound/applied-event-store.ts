// Keys of inbound events already applied (applied_events), so a redelivery changes nothing.
import { lt, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { appliedEvents } from '../db/schema'

export class AppliedEventStore {
  readonly #record

  constructor(private readonly db: DeskDb) {
    this.#record = db
      .insert(appliedEvents)
      .values({ eventKey: sql.placeholder('key') })
      .onConflictDoNothing()
      .prepare()
  }

  /** Records an event key inside the caller's transaction; false when it was there already. */
  record(key: string): boolean {
    return this.#record.run({ key }).changes > 0
  }

  /** Forgets keys older than `maxAgeMs` (the relay keeps events 14 days). */
  prune(maxAgeMs: number): number {
    return this.db
      .delete(appliedEvents)
      .where(lt(appliedEvents.appliedAt, Date.now() - maxAgeMs))
      .run().changes
  }
}
