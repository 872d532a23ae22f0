// Appointments moving from one staff row to another, for the staff module's fold of a member an
// older desk split in two (staff/split-member-store.ts): the appointments table is this module's
// to write, so the fold asks it here. In the caller's transaction; it announces nothing, the
// caller announces the uids once its transaction has committed.
import { eq, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { appointments } from '../db/schema'

export class StaffMoveStore {
  readonly #uidsOf
  readonly #move

  constructor(db: DeskDb) {
    this.#uidsOf = db
      .select({ uid: appointments.uid })
      .from(appointments)
      .where(eq(appointments.staffId, sql.placeholder('from')))
      .prepare()
    this.#move = db
      .update(appointments)
      .set({ staffId: sql`${sql.placeholder('to')}`, updatedAt: sql`${sql.placeholder('now')}` })
      .where(eq(appointments.staffId, sql.placeholder('from')))
      .prepare()
  }

  /** Moves every appointment of staff row `from` to staff row `to`; answers their uids. */
  moveAll(from: number, to: number, now: number): string[] {
    const uids = this.#uidsOf.all({ from }).map((r) => r.uid)
    if (uids.length > 0) this.#move.run({ from, to, now })
    return uids
  }
}
