// Cal.com's last answer per (event type, whose free times, branch day, zone): the slots_cache
// table. Whose: the event type's (any host, `staffUsername` '') or one member's own, asked by
// their Cal.com username (host-naming.ts). Days already past are dropped as answers are kept,
// once a branch day: one DELETE per answer kept found nothing to drop all day after the first.
import { and, eq, lt, ne, or, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { slotsCache } from '../db/schema'

/** The event type's answer (any host), as against one member's own. */
export const ANY_HOST = ''

export interface SlotsKey {
  eventTypeId: number
  /** ANY_HOST for the event type's free times, else the member's Cal.com username. */
  staffUsername: string
  date: string
  timeZone: string
}

export interface CachedSlots extends SlotsKey {
  fetchedAt: number
  /** Slot starts, UTC ISO, ascending. */
  slots: string[]
}

export class SlotsCacheStore {
  readonly #get
  readonly #dropPast
  /** The zone and branch day past days were last dropped for: none are left before it. */
  #droppedFor: string | undefined

  constructor(private readonly db: DeskDb) {
    const p = sql.placeholder
    this.#get = db
      .select()
      .from(slotsCache)
      .where(
        and(
          eq(slotsCache.eventTypeId, p('eventTypeId')),
          eq(slotsCache.staffUsername, p('staffUsername')),
          eq(slotsCache.date, p('date')),
          eq(slotsCache.timeZone, p('timeZone')),
        ),
      )
      .prepare()
    this.#dropPast = db
      .delete(slotsCache)
      .where(
        or(
          and(eq(slotsCache.timeZone, p('timeZone')), lt(slotsCache.date, p('today'))),
          and(ne(slotsCache.timeZone, p('timeZone')), lt(slotsCache.date, p('pastEverywhere'))),
        ),
      )
      .prepare()
  }

  get(key: SlotsKey): CachedSlots | undefined {
    const { eventTypeId, staffUsername, date, timeZone } = key
    return this.#get.get({ eventTypeId, staffUsername, date, timeZone })
  }

  /** Keeps `row` as the day's answer for its event type and member, replacing an older one. */
  put(row: CachedSlots): void {
    this.db
      .insert(slotsCache)
      .values(row)
      .onConflictDoUpdate({
        target: [
          slotsCache.eventTypeId,
          slotsCache.date,
          slotsCache.timeZone,
          slotsCache.staffUsername,
        ],
        set: { fetchedAt: row.fetchedAt, slots: row.slots },
      })
      .run()
  }

  /**
   * Drops the answers for days before `today` in `timeZone` (the branch's): nothing in them can
   * be booked any more. Rows of another zone (the branch's before it moved) go once their day is
   * before `pastEverywhere`, a day that has ended in every zone. Once a day per zone: asked
   * again for the same `today`, it drops nothing (0) without asking the database. The store is
   * its branch's (one database per branch), so that is once per branch per day.
   */
  dropPast(timeZone: string, today: string, pastEverywhere: string): number {
    const day = `${timeZone} ${today}`
    if (this.#droppedFor === day) return 0
    const { changes } = this.#dropPast.run({ timeZone, today, pastEverywhere })
    this.#droppedFor = day // after the DELETE: one that failed is tried again with the next answer
    return changes
  }
}
