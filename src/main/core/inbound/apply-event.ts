// Applying what Cal.com says to the desk's SQLite. Each event's change(s) are written together
// with its key in applied_events (so a redelivery changes nothing). Relay events come a page at a
// time (the relay client asks for 100): the page is one transaction, because under
// `synchronous = FULL` every commit waits for an fsync (~2.5 ms, which made a backlog drain at a
// few hundred events a second); inside it each event has its own savepoint, and the relay cursor
// moves to the last event applied (so a restart resumes exactly after it). The live bus hears
// about changes only after the commit.
//
// When an event alone cannot settle a booking (a no-show for a booking the desk never saw, a
// webhook exactly as old as what the desk holds that says something else), the booking is
// fetched from Cal.com after the commit and its API state applied in a second transaction.
// Bookings whose row the outbox owns (syncState `pending`) are held: their keys `held:<uid>`
// wait in applied_events until the outbox lets go, then `releaseHeld` refreshes them.
import { and, eq, gte, lt, sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Branch } from '../../../shared/api/schemas'
import type { CalcomClient } from '../calcom/calcom-client'
import type { CalcomError } from '../calcom/calcom-errors'
import type { BranchStore } from '../branch/branch-store'
import { dayOf } from '../appointments/branch-day'
import type { HistorySource } from '../appointments/appointment-store'
import { upsertHostStaff } from '../connect/reference-sync'
import type { DeskDb } from '../db/open-database'
import { appliedEvents, appointments, relayCursor } from '../db/schema'
import type { LiveBus } from '../live/live-bus'
import type { StaffStore } from '../staff/staff-store'
import {
  apiVersion,
  mapApiBooking,
  type BookingChange,
  type CalcomBookingState,
  type MappedWebhook,
} from './booking-mapping'
import { mergeChange, type MergeOutcome, type Refs } from './booking-merge'
import { inboxQueries, type InboxQueries } from './inbox-queries'

export interface ApplyContext {
  db: DeskDb
  bus: LiveBus
  branches: BranchStore
  staff: StaffStore
  logger: Logger
}

export interface RelayPosition {
  seq: number
  /** When the relay received it (for lag). */
  receivedAt: number
}

export interface ApplyOptions {
  source: HistorySource
  /** applied_events key; a key already there makes the whole call a no-op. */
  key?: string
}

/** One relay event, read. */
export interface RelayDelivery {
  mapped: MappedWebhook
  relay: RelayPosition
}

export interface PageResult {
  /**
   * The deliveries committed, in seq order, each with what it did (duplicates included).
   * Deliveries at or below the cursor are left out: they were applied before.
   */
  applied: Array<{ delivery: RelayDelivery; result: ApplyResult }>
  /**
   * What SQLite threw for the delivery after the last one applied; it and the rest of the page
   * were not applied (the cursor stays before it), so the next poll retries it.
   */
  error: unknown
}

export interface ApplyResult {
  duplicate: boolean
  outcomes: MergeOutcome[]
  /** Bookings that changed at the desk. */
  changed: string[]
  /** Bookings to fetch from Cal.com. */
  doubts: string[]
}

const HELD = 'held:'
/**
 * Just past every `held:` key (';' follows ':'): a range on applied_events' primary key, where
 * `like 'held:%'` would read the whole table (SQLite's LIKE ignores case, so no index serves
 * it) — on every sync health read, which a screen showing it makes often during a backlog.
 */
const HELD_END = 'held;'

/**
 * Asks the inbox to refresh a booking from Cal.com once the outbox has let go of it (inside the
 * caller's transaction), e.g. after a desk change was discarded: the desk then shows Cal.com's
 * state even if news of it never came.
 */
export function refreshLater(tx: Pick<DeskDb, 'insert'>, uid: string): void {
  tx.insert(appliedEvents)
    .values({ eventKey: HELD + uid })
    .onConflictDoNothing()
    .run()
}

type Tx = Parameters<Parameters<DeskDb['transaction']>[0]>[0]

export class InboundApplier {
  /**
   * better-sqlite3's own nesting (a savepoint inside a transaction, with cached statements):
   * unlike drizzle's nested transaction it does not try to roll back to a savepoint SQLite has
   * already dropped when an error (disk full, I/O) ended the whole transaction.
   */
  readonly #savepoint: <T>(fn: () => T) => T
  readonly #q: InboxQueries

  constructor(private readonly ctx: ApplyContext) {
    const sp = ctx.db.$client.transaction((fn: () => unknown) => fn())
    this.#savepoint = <T>(fn: () => T) => sp(fn) as T
    this.#q = inboxQueries(ctx.db)
  }

  /** Applies one event's changes in one transaction. Throws only if SQLite does. */
  applyChanges(changes: readonly BookingChange[], opts: ApplyOptions): ApplyResult {
    const branch = this.ctx.branches.current()
    const dates = new Set<string>()
    const result = this.ctx.db.transaction(() => this.#apply(branch, changes, opts, dates))
    this.#announce(result.changed, dates)
    return result
  }

  /**
   * A page of relay deliveries, in seq order, in one transaction: each in a savepoint with its
   * key, the cursor moved to the last one applied. A delivery SQLite refuses is rolled back alone
   * and ends the page there: the ones before it commit, and its error comes back (see
   * PageResult) — as when each event was its own transaction. After the commit: the live bus,
   * then one fetch from Cal.com per booking the page left in doubt. Throws only if the commit
   * itself fails (then nothing of the page was applied).
   */
  async applyRelayPage(
    deliveries: readonly RelayDelivery[],
    opts: { client: CalcomClient | null },
  ): Promise<PageResult> {
    const branch = this.ctx.branches.current()
    const client = this.ctx.db.$client
    const dates = new Set<string>()
    const applied: PageResult['applied'] = []
    let error: unknown = null
    this.ctx.db.transaction((tx) => {
      let last = this.#cursorOf(tx, branch.id)
      for (const delivery of deliveries) {
        if (delivery.relay.seq <= last) continue
        const eventDates = new Set<string>()
        try {
          const result = this.#savepoint(() =>
            this.#apply(
              branch,
              delivery.mapped.changes,
              { source: 'calcom', key: delivery.mapped.key },
              eventDates,
            ),
          )
          applied.push({ delivery, result })
          for (const d of eventDates) dates.add(d)
          last = delivery.relay.seq
        } catch (err) {
          // SQLite ended the whole transaction (disk full, I/O): nothing of the page holds.
          if (!client.inTransaction) throw err
          error = err
          break
        }
      }
      if (applied.length) this.#advanceCursor(tx, branch.id, last)
    })
    const changed = applied.flatMap((a) => a.result.changed)
    this.#announce(changed, dates)
    // One booking at a time, as each event did on its own: a failed fetch (left to reconcile)
    // does not stop the others.
    const doubts = new Set(applied.flatMap((a) => a.result.doubts))
    if (opts.client) for (const uid of doubts) await this.refresh([uid], opts.client, 'calcom')
    return { applied, error }
  }

  #announce(changed: readonly string[], dates: ReadonlySet<string>): void {
    if (changed.length)
      this.ctx.bus.publish({ type: 'appointments', uids: [...new Set(changed)], dates: [...dates] })
  }

  /** One event's changes inside the caller's transaction; fills `dates` with the days touched. */
  #apply(
    branch: Pick<Branch, 'id' | 'timeZone'>,
    changes: readonly BookingChange[],
    opts: ApplyOptions,
    dates: Set<string>,
  ): ApplyResult {
    const q = this.#q
    if (opts.key && q.recordKey.run({ key: opts.key }).changes === 0)
      return { duplicate: true, outcomes: [], changed: [], doubts: [] }
    const refs = (b: CalcomBookingState): Refs => this.#refs(branch.id, b)
    const outcomes: MergeOutcome[] = []
    for (const change of changes) {
      const uid = 'booking' in change ? change.booking.uid : change.uid
      const existing = q.appointment.get({ uid })
      const outcome =
        !existing && this.#outboxCreating(change)
          ? ({ action: 'held', uid } as const)
          : mergeChange(existing, change, refs)
      outcomes.push(outcome)
      if (outcome.action === 'held') q.recordKey.run({ key: HELD + uid })
      if (outcome.action !== 'write') continue
      const { row } = outcome
      // A reschedule keeps the payment (Cal.com copies it; its API never says): a new booking
      // from a paid one is paid, and a payment heard late reaches the booking it moved to.
      if (
        !row.paid &&
        row.rescheduledFromUid &&
        q.paidOf.get({ uid: row.rescheduledFromUid })?.paid === true
      )
        row.paid = true
      q.writeAppointment(uid, row)
      if (row.paid && row.rescheduledToUid)
        q.markPaid.run({ uid: row.rescheduledToUid, now: Date.now() })
      if (outcome.change) {
        q.addHistory.run({
          uid,
          source: opts.source,
          change: outcome.change,
          detail: outcome.detail,
        })
        dates.add(dayOf(row.startsAt, branch.timeZone))
        if (existing && existing.startsAt !== row.startsAt)
          dates.add(dayOf(existing.startsAt, branch.timeZone))
      }
    }
    return {
      duplicate: false,
      outcomes,
      changed: outcomes.flatMap((o) => (o.action === 'write' && o.change ? [o.uid] : [])),
      doubts: outcomes.flatMap((o) => (o.action === 'doubt' ? [o.uid] : [])),
    }
  }

  /**
   * Fetches bookings from Cal.com and applies their API state. A booking Cal.com no longer
   * knows (404) is left as it is. Returns the first failure, if any, for sync health.
   */
  async refresh(
    uids: readonly string[],
    client: CalcomClient,
    source: HistorySource,
  ): Promise<{ changed: string[]; error: CalcomError | null }> {
    const changed: string[] = []
    for (const uid of uids) {
      const got = await client.bookings.get(uid)
      if (!got.ok) {
        if (got.error.code === 'NOT_FOUND') continue
        return { changed, error: got.error }
      }
      const list = Array.isArray(got.value) ? got.value : [got.value]
      const r = this.applyApiBookings(
        list.filter((b) => b.uid === uid || list.length === 1),
        source,
      )
      changed.push(...r.changed)
    }
    return { changed, error: null }
  }

  /** API bookings (reconcile pages, fetched bookings): one transaction for the lot. */
  applyApiBookings(
    bookings: readonly Parameters<typeof mapApiBooking>[0][],
    source: HistorySource,
  ) {
    return this.applyChanges(
      bookings.map((b) => ({
        kind: 'state' as const,
        booking: mapApiBooking(b),
        version: apiVersion(b),
        origin: 'api' as const,
      })),
      { source },
    )
  }

  /** Bookings whose Cal.com news waits for the outbox. */
  heldUids(): string[] {
    return this.ctx.db
      .select({ k: appliedEvents.eventKey })
      .from(appliedEvents)
      .where(and(gte(appliedEvents.eventKey, HELD), lt(appliedEvents.eventKey, HELD_END)))
      .all()
      .map((r) => r.k.slice(HELD.length))
  }

  /** Refreshes held bookings the outbox has let go of. */
  async releaseHeld(
    client: CalcomClient,
  ): Promise<{ changed: string[]; error: CalcomError | null }> {
    const { db } = this.ctx
    const ready = this.heldUids().filter((uid) => {
      const row = db
        .select({ s: appointments.syncState })
        .from(appointments)
        .where(eq(appointments.uid, uid))
        .get()
      return row?.s !== 'pending'
    })
    const changed: string[] = []
    for (const uid of ready) {
      const r = await this.refresh([uid], client, 'calcom')
      if (r.error) return { changed, error: r.error }
      changed.push(...r.changed)
      db.delete(appliedEvents)
        .where(eq(appliedEvents.eventKey, HELD + uid))
        .run()
    }
    return { changed, error: null }
  }

  /** Forgets event keys older than `maxAgeMs` (the relay keeps events 14 days). */
  pruneKeys(maxAgeMs: number): number {
    return this.ctx.db
      .delete(appliedEvents)
      .where(
        and(
          sql`${appliedEvents.appliedAt} < ${Date.now() - maxAgeMs}`,
          sql`${appliedEvents.eventKey} not like ${HELD + '%'}`,
        ),
      )
      .run().changes
  }

  /**
   * A booking the desk itself is creating (its outbox row still runs under a placeholder uid):
   * held until the outbox has given the row Cal.com's uid, so the day view never shows it twice.
   */
  #outboxCreating(change: BookingChange): boolean {
    const mutationId =
      'booking' in change ? change.booking.metadata?.frontdeskMutationId : undefined
    if (!mutationId) return false
    const row = this.#q.outboxState.get({ mutationId })
    return row?.state === 'pending' || row?.state === 'in_flight'
  }

  #cursorOf(tx: Tx, branchId: number): number {
    return (
      tx
        .select({ s: relayCursor.lastSeq })
        .from(relayCursor)
        .where(eq(relayCursor.branchId, branchId))
        .get()?.s ?? 0
    )
  }

  #advanceCursor(tx: Tx, branchId: number, seq: number): void {
    tx.insert(relayCursor)
      .values({ branchId, lastSeq: seq, lastEventAt: Date.now() })
      .onConflictDoUpdate({
        target: relayCursor.branchId,
        set: {
          lastSeq: sql`max(${relayCursor.lastSeq}, ${seq})`,
          lastEventAt: Date.now(),
          updatedAt: Date.now(),
        },
      })
      .run()
  }

  #refs(branchId: number, b: CalcomBookingState): Refs {
    const eventTypeId =
      b.calcomEventTypeId === null
        ? null
        : (this.#q.eventTypeId.get({ branchId, calcomId: b.calcomEventTypeId })?.id ?? null)
    let staffId: number | null = null
    if (b.host?.id != null) {
      staffId =
        this.#q.staffId.get({ branchId, hostId: b.host.id })?.id ??
        upsertHostStaff(this.ctx.staff, branchId, b.host).id
    }
    return { branchId, eventTypeId, staffId }
  }
}
