// Cal.com's last answer per (event type, branch day, zone): the slots_cache table.
import { and, eq, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { slotsCache } from '../db/schema'

export interface CachedSlots {
  eventTypeId: number
  date: string
  timeZone: string
  fetchedAt: number
  /** Slot starts, UTC ISO, ascending. */
  slots: string[]
}

export class SlotsCacheStore {
  readonly #get

  constructor(private readonly db: DeskDb) {
    const p = sql.placeholder
    this.#get = db
      .select()
      .from(slotsCache)
      .where(
        and(
          eq(slotsCache.eventTypeId, p('eventTypeId')),
          eq(slotsCache.date, p('date')),
          eq(slotsCache.timeZone, p('timeZone')),
        ),
      )
      .prepare()
  }

  get(eventTypeId: number, date: string, timeZone: string): CachedSlots | undefined {
    return this.#get.get({ eventTypeId, date, timeZone })
  }

  /** Keeps `row` as the day's answer, replacing an older one. */
  put(row: CachedSlots): void {
    this.db
      .insert(slotsCache)
      .values(row)
      .onConflictDoUpdate({
        target: [slotsCache.eventTypeId, slotsCache.date, slotsCache.timeZone],
        set: { fetchedAt: row.fetchedAt, slots: row.slots },
      })
      .run()
  }
}
