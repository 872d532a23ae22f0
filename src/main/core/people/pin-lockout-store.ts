// Wrong PINs per person at this desk (pin_lockouts), kept in SQLite so a restart does not
// reset a lock.
import { eq, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { pinLockouts } from '../db/schema'

export interface PinLockout {
  failures: number
  lockedUntil: number | null
}

export class PinLockoutStore {
  readonly #get
  readonly #put
  readonly #clear

  constructor(db: DeskDb) {
    const p = sql.placeholder
    this.#get = db
      .select()
      .from(pinLockouts)
      .where(eq(pinLockouts.personId, p('id')))
      .prepare()
    this.#put = db
      .insert(pinLockouts)
      .values({ personId: p('id'), failures: p('failures'), lockedUntil: p('lockedUntil') })
      .onConflictDoUpdate({
        target: pinLockouts.personId,
        set: { failures: sql`excluded.failures`, lockedUntil: sql`excluded.locked_until` },
      })
      .prepare()
    this.#clear = db
      .delete(pinLockouts)
      .where(eq(pinLockouts.personId, p('id')))
      .prepare()
  }

  of(personId: string): PinLockout {
    const row = this.#get.get({ id: personId })
    return { failures: row?.failures ?? 0, lockedUntil: row?.lockedUntil ?? null }
  }

  put(personId: string, state: PinLockout): void {
    this.#put.run({ id: personId, failures: state.failures, lockedUntil: state.lockedUntil })
  }

  clear(personId: string): void {
    this.#clear.run({ id: personId })
  }
}
