import { and, asc, eq, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { eventTypes } from '../db/schema'

export type EventTypeInput = Omit<typeof eventTypes.$inferInsert, 'id'>
export type EventTypeRow = typeof eventTypes.$inferSelect

export class EventTypeStore {
  /** Read for every booking Cal.com tells of, so prepared once. */
  readonly #idOfCalcom

  constructor(private readonly db: DeskDb) {
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
    const { branchId: _b, calcomId: _c, ...changes } = input
    return this.db
      .insert(eventTypes)
      .values(input)
      .onConflictDoUpdate({ target: [eventTypes.branchId, eventTypes.calcomId], set: changes })
      .returning()
      .get()
  }

  /** One of the branch's event types. */
  byId(branchId: number, id: number): EventTypeRow | undefined {
    return this.db
      .select()
      .from(eventTypes)
      .where(and(eq(eventTypes.id, id), eq(eventTypes.branchId, branchId)))
      .get()
  }

  /** A branch's event types, by title. */
  list(branchId: number): EventTypeRow[] {
    return this.db
      .select()
      .from(eventTypes)
      .where(eq(eventTypes.branchId, branchId))
      .orderBy(asc(eventTypes.title), asc(eventTypes.id))
      .all()
  }
}
