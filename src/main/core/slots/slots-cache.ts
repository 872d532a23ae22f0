// Available slots from Cal.com, cached in slots_cache for five minutes per (event type, branch day,
// zone). Any booking change of an event type makes its cached days old at once (the live bus
// tells us of every appointment change, whoever made it: desk actions, the outbox, the inbox).
// When Cal.com cannot be asked, the last answer is served marked `stale`, with its age.
import { and, eq, inArray } from 'drizzle-orm'
import type { Logger } from 'pino'
import { branchDay, dayOf, InvalidDayError, type DayRange } from '../appointments/branch-day'
import type { BranchStore } from '../branch/branch-store'
import type { CalcomError } from '../calcom/calcom-errors'
import type { BranchConnection } from '../connect/branch-connection'
import type { DeskDb } from '../db/open-database'
import { appointments, eventTypes, slotsCache } from '../db/schema'
import type { LiveBus } from '../live/live-bus'

export const SLOTS_TTL_MS = 5 * 60_000

export interface DaySlots {
  /** The desk's event type id. */
  eventTypeId: number
  date: string
  timeZone: string
  /** Slot starts, UTC ISO, ascending. */
  slots: string[]
  /** True when Cal.com could not be asked and this is the last answer it gave. */
  stale: boolean
  fetchedAt: string
  ageSeconds: number
}

export class SlotsError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

export interface SlotsCacheDeps {
  db: DeskDb
  bus: LiveBus
  branches: BranchStore
  connection: BranchConnection
  logger: Logger
  ttlMs?: number
  now?: () => number
}

export type SlotCheck = 'available' | 'unavailable' | 'unknown'

export class SlotsCache {
  readonly #d: SlotsCacheDeps
  readonly #ttlMs: number
  readonly #now: () => number
  /** Cached answers fetched before this (per event type) are no longer fresh. */
  readonly #outdatedBefore = new Map<number, number>()
  /** Answers from before this process started may miss changes made while it was down. */
  readonly #startedAt: number
  readonly #unsubscribe: () => void

  constructor(deps: SlotsCacheDeps) {
    this.#d = deps
    this.#ttlMs = deps.ttlMs ?? SLOTS_TTL_MS
    this.#now = deps.now ?? Date.now
    this.#startedAt = this.#now()
    this.#unsubscribe = deps.bus.subscribe((event) => {
      if (event.type === 'appointments' && event.uids.length > 0) this.#outdateFor(event.uids)
    })
  }

  dispose(): void {
    this.#unsubscribe()
  }

  /** A branch day's slots of one event type: fresh from the cache or Cal.com, else stale. */
  async day(eventTypeId: number, date: string): Promise<DaySlots> {
    const { eventType, range } = this.#resolve(eventTypeId, date)
    const cached = this.#cached(eventTypeId, range)
    if (cached && this.#isFresh(eventTypeId, cached.fetchedAt)) return this.#answer(cached, false)
    const fetched = await this.#fetch(eventType.calcomId, eventTypeId, range)
    if (fetched.ok) return this.#answer(fetched.value, false)
    if (cached) return this.#answer(cached, true)
    throw new SlotsError(
      503,
      'SLOTS_UNAVAILABLE',
      `Cal.com could not be asked for slots (${fetched.error.message}) and none are cached for ${date}.`,
    )
  }

  /**
   * Whether `startMs` is a free slot, asked of Cal.com now (not the cache: a booking must not rest
   * on a five-minute-old answer). 'unknown' when Cal.com cannot be asked within `timeoutMs`.
   */
  async check(eventTypeId: number, startMs: number, timeoutMs = 3_000): Promise<SlotCheck> {
    const branch = this.#d.branches.current()
    const eventType = this.#eventType(eventTypeId)
    if (!eventType) return 'unknown'
    const range = branchDay(dayOf(startMs, branch.timeZone), branch.timeZone)
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<'late'>(
      (resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)),
    )
    // One attempt: with Cal.com unreachable the receptionist's booking goes ahead unchecked at once
    // (the outbox sends it when Cal.com is back, and Cal.com's refusal would show then), instead
    // of waiting out the transport's read retries.
    const result = await Promise.race([
      this.#fetch(eventType.calcomId, eventTypeId, range, { retries: 0 }),
      late,
    ])
    clearTimeout(timer)
    if (result === 'late' || !result.ok) return 'unknown'
    return result.value.slots.some((s) => Date.parse(s) === startMs) ? 'available' : 'unavailable'
  }

  #resolve(eventTypeId: number, date: string) {
    const branch = this.#d.branches.current()
    let range: DayRange
    try {
      range = branchDay(date, branch.timeZone)
    } catch (err) {
      if (err instanceof InvalidDayError)
        throw new SlotsError(400, 'VALIDATION', `date ${err.message}`, 'date')
      throw err
    }
    const eventType = this.#eventType(eventTypeId)
    if (!eventType) {
      throw new SlotsError(
        404,
        'NOT_FOUND',
        `This branch has no event type ${eventTypeId}`,
        'eventTypeId',
      )
    }
    return { eventType, range }
  }

  #eventType(id: number) {
    const branch = this.#d.branches.current()
    return this.#d.db
      .select()
      .from(eventTypes)
      .where(and(eq(eventTypes.id, id), eq(eventTypes.branchId, branch.id)))
      .get()
  }

  #cached(eventTypeId: number, range: DayRange) {
    return this.#d.db
      .select()
      .from(slotsCache)
      .where(
        and(
          eq(slotsCache.eventTypeId, eventTypeId),
          eq(slotsCache.date, range.date),
          eq(slotsCache.timeZone, range.timeZone),
        ),
      )
      .get()
  }

  #isFresh(eventTypeId: number, fetchedAt: number): boolean {
    const outdated = Math.max(this.#startedAt, this.#outdatedBefore.get(eventTypeId) ?? 0)
    return fetchedAt >= outdated && this.#now() - fetchedAt < this.#ttlMs
  }

  async #fetch(
    calcomId: number,
    eventTypeId: number,
    range: DayRange,
    opts: { retries?: number } = {},
  ): Promise<
    { ok: true; value: typeof slotsCache.$inferSelect } | { ok: false; error: CalcomError | Error }
  > {
    const client = this.#d.connection.client()
    if (!client) return { ok: false, error: new Error('the branch is not connected to Cal.com') }
    const askedAt = this.#now()
    const result = await client.slots.available(
      {
        eventTypeId: calcomId,
        start: new Date(range.startsAt).toISOString(),
        end: new Date(range.endsAt - 1).toISOString(),
        timeZone: range.timeZone,
      },
      opts,
    )
    if (!result.ok) {
      this.#d.logger.info(
        { code: result.error.code, eventTypeId },
        'slots not available from Cal.com',
      )
      return { ok: false, error: result.error }
    }
    const slots = Object.values(result.value)
      .flat()
      .map((s) => Date.parse(s.start))
      .filter((t) => !Number.isNaN(t) && t >= range.startsAt && t < range.endsAt)
      .sort((a, b) => a - b)
      .map((t) => new Date(t).toISOString())
    const row = {
      eventTypeId,
      date: range.date,
      timeZone: range.timeZone,
      fetchedAt: askedAt,
      slots,
    }
    this.#d.db
      .insert(slotsCache)
      .values(row)
      .onConflictDoUpdate({
        target: [slotsCache.eventTypeId, slotsCache.date, slotsCache.timeZone],
        set: { fetchedAt: row.fetchedAt, slots: row.slots },
      })
      .run()
    return { ok: true, value: row }
  }

  #answer(row: typeof slotsCache.$inferSelect, stale: boolean): DaySlots {
    return {
      eventTypeId: row.eventTypeId,
      date: row.date,
      timeZone: row.timeZone,
      slots: row.slots,
      stale,
      fetchedAt: new Date(row.fetchedAt).toISOString(),
      ageSeconds: Math.max(0, Math.floor((this.#now() - row.fetchedAt) / 1000)),
    }
  }

  #outdateFor(uids: readonly string[]): void {
    const rows = this.#d.db
      .selectDistinct({ eventTypeId: appointments.eventTypeId })
      .from(appointments)
      .where(inArray(appointments.uid, [...uids]))
      .all()
    const now = this.#now()
    for (const r of rows)
      if (r.eventTypeId !== null) this.#outdatedBefore.set(r.eventTypeId, now + 1)
  }
}
