// Applying what Cal.com says to the desk's SQLite: one transaction per event holding its
// change(s), its key in applied_events (so a redelivery changes nothing) and, for relay events,
// the relay cursor (so a restart resumes exactly after the last applied event). The live bus
// hears about it only after the commit.
//
// When an event alone cannot settle a booking (a no-show for a booking the desk never saw, a
// webhook exactly as old as what the desk holds that says something else), the booking is
// fetched from Cal.com and its API state applied in a second transaction. Bookings whose row
// the outbox owns (syncState `pending`) are held: their keys `held:<uid>` wait in
// applied_events until the outbox lets go, then `releaseHeld` refreshes them from Cal.com.
import { and, eq, like, sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { CalcomClient } from '../calcom/calcom-client'
import type { CalcomError } from '../calcom/calcom-errors'
import type { BranchStore } from '../branch/branch-store'
import { dayOf } from '../appointments/branch-day'
import type { HistorySource } from '../appointments/appointment-store'
import { upsertHostStaff } from '../connect/reference-sync'
import type { DeskDb } from '../db/open-database'
import {
  appliedEvents,
  appointmentHistory,
  appointments,
  eventTypes,
  outbox,
  relayCursor,
  staff as staffTable,
} from '../db/schema'
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
  relay?: RelayPosition
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

export class InboundApplier {
  constructor(private readonly ctx: ApplyContext) {}

  /** Applies one event's changes in one transaction. Throws only if SQLite does. */
  applyChanges(changes: readonly BookingChange[], opts: ApplyOptions): ApplyResult {
    const { db } = this.ctx
    const branch = this.ctx.branches.current()
    const dates = new Set<string>()
    const result = db.transaction((tx): ApplyResult => {
      if (opts.relay) this.#advanceCursor(branch.id, opts.relay)
      if (opts.key) {
        const inserted = tx
          .insert(appliedEvents)
          .values({ eventKey: opts.key })
          .onConflictDoNothing()
          .run()
        if (inserted.changes === 0)
          return { duplicate: true, outcomes: [], changed: [], doubts: [] }
      }
      const refs = (b: CalcomBookingState): Refs => this.#refs(branch.id, b)
      const outcomes: MergeOutcome[] = []
      for (const change of changes) {
        const uid = 'booking' in change ? change.booking.uid : change.uid
        const existing = tx.select().from(appointments).where(eq(appointments.uid, uid)).get()
        const outcome =
          !existing && this.#outboxCreating(change)
            ? ({ action: 'held', uid } as const)
            : mergeChange(existing, change, refs)
        outcomes.push(outcome)
        if (outcome.action === 'held') {
          tx.insert(appliedEvents)
            .values({ eventKey: HELD + uid })
            .onConflictDoNothing()
            .run()
        }
        if (outcome.action !== 'write') continue
        const { row } = outcome
        // A reschedule keeps the payment (Cal.com copies it; its API never says): a new booking
        // from a paid one is paid, and a payment heard late reaches the booking it moved to.
        if (!row.paid && row.rescheduledFromUid && this.#paid(tx, row.rescheduledFromUid))
          row.paid = true
        tx.insert(appointments)
          .values({ uid, ...row })
          .onConflictDoUpdate({ target: appointments.uid, set: { ...row, updatedAt: Date.now() } })
          .run()
        if (row.paid && row.rescheduledToUid) {
          tx.update(appointments)
            .set({ paid: true, updatedAt: Date.now() })
            .where(and(eq(appointments.uid, row.rescheduledToUid), eq(appointments.paid, false)))
            .run()
        }
        if (outcome.change) {
          tx.insert(appointmentHistory)
            .values({ uid, source: opts.source, change: outcome.change, detail: outcome.detail })
            .run()
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
    })
    if (result.changed.length) {
      this.ctx.bus.publish({ type: 'appointments', uids: result.changed, dates: [...dates] })
    }
    return result
  }

  /** A relay event: its changes, then a fetch of whatever it left in doubt. */
  async applyWebhook(
    mapped: MappedWebhook,
    opts: { relay?: RelayPosition; client: CalcomClient | null },
  ): Promise<ApplyResult> {
    const result = this.applyChanges(mapped.changes, {
      source: 'calcom',
      key: mapped.key,
      relay: opts.relay,
    })
    if (result.doubts.length && opts.client) {
      const refreshed = await this.refresh(result.doubts, opts.client, 'calcom')
      result.changed.push(...refreshed.changed)
    }
    return result
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
      .where(like(appliedEvents.eventKey, `${HELD}%`))
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
    const row = this.ctx.db
      .select({ state: outbox.state })
      .from(outbox)
      .where(eq(outbox.mutationId, mutationId))
      .get()
    return row?.state === 'pending' || row?.state === 'in_flight'
  }

  #paid(tx: Pick<DeskDb, 'select'>, uid: string): boolean {
    return (
      tx
        .select({ paid: appointments.paid })
        .from(appointments)
        .where(eq(appointments.uid, uid))
        .get()?.paid === true
    )
  }

  #advanceCursor(branchId: number, relay: RelayPosition): void {
    this.ctx.db
      .insert(relayCursor)
      .values({ branchId, lastSeq: relay.seq, lastEventAt: Date.now() })
      .onConflictDoUpdate({
        target: relayCursor.branchId,
        set: {
          lastSeq: sql`max(${relayCursor.lastSeq}, ${relay.seq})`,
          lastEventAt: Date.now(),
          updatedAt: Date.now(),
        },
      })
      .run()
  }

  #refs(branchId: number, b: CalcomBookingState): Refs {
    const { db } = this.ctx
    const eventTypeId =
      b.calcomEventTypeId === null
        ? null
        : (db
            .select({ id: eventTypes.id })
            .from(eventTypes)
            .where(
              and(eq(eventTypes.branchId, branchId), eq(eventTypes.calcomId, b.calcomEventTypeId)),
            )
            .get()?.id ?? null)
    let staffId: number | null = null
    if (b.host?.id != null) {
      staffId =
        db
          .select({ id: staffTable.id })
          .from(staffTable)
          .where(and(eq(staffTable.branchId, branchId), eq(staffTable.calcomHostId, b.host.id)))
          .get()?.id ?? upsertHostStaff(this.ctx.staff, branchId, b.host).id
    }
    return { branchId, eventTypeId, staffId }
  }
}
