import { and, asc, eq, notInArray, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { placeholders, PreparedByShape } from '../db/prepared-by-shape'
import { eventTypes } from '../db/schema'

export type EventTypeInput = Omit<typeof eventTypes.$inferInsert, 'id'>
export type EventTypeRow = typeof eventTypes.$inferSelect

export class EventTypeStore {
  readonly #db: DeskDb
  /** Read for every booking Cal.com tells of, so prepared once. */
  readonly #idOfCalcom
  readonly #byId
  readonly #list
  /** An upsert sets the fields it is given and leaves the rest: one statement per set of fields. */
  readonly #upsert

  constructor(db: DeskDb) {
    this.#db = db
    this.#byId = db
      .select()
      .from(eventTypes)
      .where(
        and(
          eq(eventTypes.id, sql.placeholder('id')),
          eq(eventTypes.branchId, sql.placeholder('branchId')),
        ),
      )
      .prepare()
    this.#list = db
      .select()
      .from(eventTypes)
      .where(eq(eventTypes.branchId, sql.placeholder('branchId')))
      .orderBy(asc(eventTypes.title), asc(eventTypes.id))
      .prepare()
    this.#upsert = new PreparedByShape((fields) => {
      const given = placeholders(fields)
      const { branchId: _b, calcomId: _c, ...changes } = given
      return db
        .insert(eventTypes)
        .values(given as unknown as EventTypeInput)
        .onConflictDoUpdate({ target: [eventTypes.branchId, eventTypes.calcomId], set: changes })
        .returning()
        .prepare()
    })
    this.#idOfCalcom = db
      .select({ id: eventTypes.id })
      .from(eventTypes)
      .where(
        and(
          eq(eventTypes.branchId, sql.placeholder('branchId')),
          eq(eventTypes.calcomId, sql.placeholder('calcomId')),
        ),
      )
      .prepare()
  }

  /** The desk's id of a branch's Cal.com event type, if the desk knows it. */
  idOfCalcom(branchId: number, calcomId: number): number | undefined {
    return this.#idOfCalcom.get({ branchId, calcomId })?.id
  }

  /** Inserts, or updates the type with the same Cal.com id in that branch. */
  upsert(input: EventTypeInput): EventTypeRow {
    return this.#upsert.for(input).get(input)!
  }

  /**
   * Hides the branch's event types Cal.com no longer lists (deleted there). The rows stay:
   * appointments point at them, and a cancellation policy is kept by their id. Hidden, they are
   * not offered for new bookings (as one hidden in Cal.com is not); one that comes back is shown
   * again by the next upsert, which sets `hidden` from Cal.com.
   */
  hideAllBut(branchId: number, calcomIds: readonly number[]): void {
    this.#db
      .update(eventTypes)
      .set({ hidden: true })
      .where(
        and(
          eq(eventTypes.branchId, branchId),
          notInArray(eventTypes.calcomId, [...calcomIds]),
          eq(eventTypes.hidden, false),
        ),
      )
      .run()
  }

  /** One of the branch's event types. */
  byId(branchId: number, id: number): EventTypeRow | undefined {
    return this.#byId.get({ id, branchId })
  }

  /** A branch's event types, by title. */
  list(branchId: number): EventTypeRow[] {
    return this.#list.all({ branchId })
  }
}
