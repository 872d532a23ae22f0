// Bookings whose Cal.com news arrived while the outbox owned their row (syncState `pending`):
// the news is not applied then, and the booking is read from Cal.com once the outbox lets go.
import { eq, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { appointments, heldBookings } from '../db/schema'

export class HeldBookingStore {
  readonly #hold
  readonly #all
  readonly #count
  readonly #release
  readonly #ready

  constructor(db: DeskDb) {
    const p = sql.placeholder
    this.#hold = db
      .insert(heldBookings)
      .values({ uid: p('uid') })
      .onConflictDoNothing()
      .prepare()
    this.#all = db.select({ uid: heldBookings.uid }).from(heldBookings).prepare()
    this.#count = db
      .select({ n: sql<number>`count(*)` })
      .from(heldBookings)
      .prepare()
    this.#release = db
      .delete(heldBookings)
      .where(eq(heldBookings.uid, p('uid')))
      .prepare()
    // Held bookings the outbox no longer owns (a booking with no row left is ready too).
    this.#ready = db
      .select({ uid: heldBookings.uid })
      .from(heldBookings)
      .leftJoin(appointments, eq(appointments.uid, heldBookings.uid))
      .where(sql`${appointments.syncState} is null or ${appointments.syncState} != 'pending'`)
      .prepare()
  }

  /** Holds a booking; runs inside the caller's transaction when there is one. */
  hold(uid: string): void {
    this.#hold.run({ uid })
  }

  uids(): string[] {
    return this.#all.all().map((r) => r.uid)
  }

  count(): number {
    return this.#count.get()?.n ?? 0
  }

  /** Held bookings the outbox has let go of, ready to be read from Cal.com. */
  readyUids(): string[] {
    return this.#ready.all().map((r) => r.uid)
  }

  release(uid: string): void {
    this.#release.run({ uid })
  }
}
