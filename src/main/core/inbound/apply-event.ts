// Applying what Cal.com says to the desk's SQLite. Each event's change(s) are written together
// with its key in applied_events (so a redelivery changes nothing). Relay events come a page at a
// time (the relay client asks for 100): the page is one transaction, because under
// `synchronous = FULL` every commit waits for an fsync (~2.5 ms, which made a backlog drain at a
// few hundred events a second); inside it each event has its own savepoint, and the relay cursor
// moves to the last event applied (so a restart resumes exactly after it). The desk's events hear
// about changes only after the commit.
//
// When an event alone cannot settle a booking (a no-show for a booking the desk never saw, a
// webhook exactly as old as what the desk holds that says something else), the booking is
// fetched from Cal.com after the commit and its API state applied in a second transaction.
// Bookings whose row the outbox owns (syncState `pending`) are held (held_bookings) until the
// outbox lets go, then `releaseHeld` refreshes them.
import type { Logger } from 'pino'
import type { Branch } from '../../../shared/api/schemas'
import type { RelayEvent } from '../../../shared/relay/relay-contract'
import {
  DESK_EVENT_CONTENT_TYPE,
  DESK_EVENT_TRIGGER,
  type DeskEventBody,
} from '../../../shared/relay/desk-events'
import { DESK_EVENT_UNREADABLE } from '../../../shared/api/sync-problems'
import { readDeskEvent } from '../shared-state/desk-fields'
import type { DeskTouched, SharedState } from '../shared-state/shared-state'
import type { CalcomClient } from '../calcom/calcom-client'
import type { CalcomError } from '../calcom/calcom-errors'
import type { BranchStore } from '../branch/branch-store'
import type { HistorySource } from '../appointments/appointment-store'
import type { CalcomBookings } from '../appointments/calcom-bookings'
import type { DeskDb } from '../db/open-database'
import type { DeskEvents } from '../events/desk-events'
import type { OutboxStore } from '../outbound/outbox-store'
import {
  apiVersion,
  mapApiBooking,
  mapWebhookBody,
  type BookingChange,
  type MappedWebhook,
} from '../appointments/booking-mapping'
import type { MergeOutcome } from '../appointments/booking-merge'
import type { AppliedEventStore } from './applied-event-store'
import type { RelayCursorStore } from './relay-cursor-store'

export interface ApplyContext {
  db: DeskDb
  events: DeskEvents
  branches: BranchStore
  calcomBookings: CalcomBookings
  outbox: OutboxStore
  appliedEvents: AppliedEventStore
  cursor: RelayCursorStore
  logger: Logger
  /** Desk-owned state shared by the branch's desks (desk events, DESIGN.md §9). */
  shared?: SharedState
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
  /** A desk event from the log at this seq (its changes are empty). */
  desk?: { event: DeskEventBody; seq: number }
}

/** One relay event, read. */
export interface RelayDelivery {
  mapped: MappedWebhook
  relay: RelayPosition
  /** A desk event (content type DESK_EVENT_CONTENT_TYPE) rather than Cal.com's news. */
  desk?: DeskEventBody
}

/** How a relay page settles the bookings it leaves in doubt. */
export interface PageOptions {
  /** Cal.com, to fetch them; null: left to the next reconcile. */
  client: CalcomClient | null
  /** Aborted when the desk closes: a fetch still waiting for Cal.com is cut off. */
  closing?: AbortSignal
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
  /** What a desk event changed (announced after the commit). */
  desk?: DeskTouched
}

export class InboundApplier {
  /**
   * better-sqlite3's own nesting (a savepoint inside a transaction, with cached statements):
   * unlike drizzle's nested transaction it does not try to roll back to a savepoint SQLite has
   * already dropped when an error (disk full, I/O) ended the whole transaction.
   */
  readonly #savepoint: <T>(fn: () => T) => T

  constructor(private readonly ctx: ApplyContext) {
    const sp = ctx.db.$client.transaction((fn: () => unknown) => fn())
    this.#savepoint = <T>(fn: () => T) => sp(fn) as T
  }

  /**
   * A page the relay handed over, as it came: events at or below the cursor (a redelivered
   * page) are skipped unparsed, the rest applied as applyRelayPage does. The cursor is read once
   * for the page; `seq` is where it stands after.
   */
  async applyRelayEvents(
    events: readonly RelayEvent[],
    opts: PageOptions,
  ): Promise<PageResult & { seq: number }> {
    const branch = this.ctx.branches.current()
    const cursor = this.ctx.cursor.seq(branch.id)
    const deliveries = events
      .filter((event) => event.seq > cursor)
      .map((event): RelayDelivery => ({
        ...readDelivery(event),
        relay: { seq: event.seq, receivedAt: Date.parse(event.receivedAt) },
      }))
    const result = await this.#applyPage(branch, cursor, deliveries, opts)
    return { ...result, seq: result.applied.at(-1)?.delivery.relay.seq ?? cursor }
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
   * PageResult) — as when each event was its own transaction. After the commit: the desk's events,
   * then one fetch from Cal.com per booking the page left in doubt. Throws only if the commit
   * itself fails (then nothing of the page was applied).
   */
  async applyRelayPage(
    deliveries: readonly RelayDelivery[],
    opts: PageOptions,
  ): Promise<PageResult> {
    const branch = this.ctx.branches.current()
    return this.#applyPage(branch, this.ctx.cursor.seq(branch.id), deliveries, opts)
  }

  async #applyPage(
    branch: Branch,
    cursor: number,
    deliveries: readonly RelayDelivery[],
    opts: PageOptions,
  ): Promise<PageResult> {
    const client = this.ctx.db.$client
    const dates = new Set<string>()
    const applied: PageResult['applied'] = []
    let error: unknown = null
    this.ctx.db.transaction(() => {
      let last = cursor
      for (const delivery of deliveries) {
        if (delivery.relay.seq <= last) continue
        const eventDates = new Set<string>()
        try {
          const result = this.#savepoint(() =>
            this.#apply(
              branch,
              delivery.mapped.changes,
              {
                source: 'calcom',
                key: delivery.mapped.key,
                ...(delivery.desk
                  ? { desk: { event: delivery.desk, seq: delivery.relay.seq } }
                  : {}),
              },
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
      if (applied.length) this.ctx.cursor.advance(branch.id, last)
    })
    const changed = applied.flatMap((a) => a.result.changed)
    this.#announce(changed, dates)
    this.ctx.shared?.announce({
      uids: applied.flatMap((a) => a.result.desk?.uids ?? []),
      clientIds: applied.flatMap((a) => a.result.desk?.clientIds ?? []),
    })
    // One booking at a time, as each event did on its own: a failed fetch (left to reconcile)
    // does not stop the others.
    const doubts = new Set(applied.flatMap((a) => a.result.doubts))
    if (opts.client)
      for (const uid of doubts) await this.refresh([uid], opts.client, 'calcom', opts.closing)
    return { applied, error }
  }

  #announce(changed: readonly string[], dates: ReadonlySet<string>): void {
    if (changed.length)
      this.ctx.events.emit('appointmentsChanged', {
        uids: [...new Set(changed)],
        dates: [...dates],
      })
  }

  /** One event's changes inside the caller's transaction; fills `dates` with the days touched. */
  #apply(
    branch: Pick<Branch, 'id' | 'timeZone'>,
    changes: readonly BookingChange[],
    opts: ApplyOptions,
    dates: Set<string>,
  ): ApplyResult {
    if (opts.key && !this.ctx.appliedEvents.record(opts.key))
      return { duplicate: true, outcomes: [], changed: [], doubts: [] }
    if (opts.desk) {
      const desk = this.ctx.shared?.applyInTx(opts.desk.event, opts.desk.seq)
      return { duplicate: false, outcomes: [], changed: [], doubts: [], desk }
    }
    const outcomes: MergeOutcome[] = []
    const partlyKnown: string[] = []
    for (const change of changes) {
      const uid = 'booking' in change ? change.booking.uid : change.uid
      const creating = this.#outboxCreating(change)
      const partial = partialBody(change)
      // Looked up only when it matters: most bodies carry the whole booking.
      const known = creating || partial ? this.ctx.calcomBookings.known(uid) : true
      if (creating && !known) {
        this.ctx.calcomBookings.refreshLater(uid)
        outcomes.push({ action: 'held', uid })
        continue
      }
      const outcome = this.ctx.calcomBookings.applyCalcomBooking(change, opts.source, {
        branch,
        dates,
      })
      outcomes.push(outcome)
      if (partial && !known && outcome.action === 'write') partlyKnown.push(uid)
    }
    const written = outcomes.flatMap((o) => (o.action === 'write' ? [o.uid] : []))
    // Desk-owned values the log gave before Cal.com's news of the booking land on it now.
    const overlaid = this.ctx.shared?.overlayInTx(written) ?? []
    const changed = outcomes.flatMap((o) => (o.action === 'write' && o.change ? [o.uid] : []))
    return {
      duplicate: false,
      outcomes,
      changed: [...new Set([...changed, ...overlaid])],
      doubts: [...outcomes.flatMap((o) => (o.action === 'doubt' ? [o.uid] : [])), ...partlyKnown],
    }
  }

  /**
   * Fetches bookings from Cal.com and applies their API state. A booking Cal.com no longer
   * knows (404) is left as it is. Returns the first failure, if any, for sync health. `closing`
   * aborted (the desk is closing) cuts off a read still waiting for Cal.com.
   */
  async refresh(
    uids: readonly string[],
    client: CalcomClient,
    source: HistorySource,
    closing?: AbortSignal,
  ): Promise<{ changed: string[]; error: CalcomError | null }> {
    const changed: string[] = []
    for (const uid of uids) {
      const got = await client.bookings.get(uid, closing)
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
    return this.ctx.calcomBookings.held.uids()
  }

  /** Refreshes held bookings the outbox has let go of. */
  async releaseHeld(
    client: CalcomClient,
    closing?: AbortSignal,
  ): Promise<{ changed: string[]; error: CalcomError | null }> {
    const held = this.ctx.calcomBookings.held
    const changed: string[] = []
    for (const uid of held.readyUids()) {
      const r = await this.refresh([uid], client, 'calcom', closing)
      if (r.error) return { changed, error: r.error }
      changed.push(...r.changed)
      held.release(uid)
    }
    return { changed, error: null }
  }

  /** Forgets event keys older than `maxAgeMs` (the relay keeps events 14 days). */
  pruneKeys(maxAgeMs: number): number {
    return this.ctx.appliedEvents.prune(maxAgeMs)
  }

  /**
   * A booking the desk itself is creating (its outbox row still runs under a placeholder uid):
   * held until the outbox has given the row Cal.com's uid, so the day view never shows it twice.
   */
  #outboxCreating(change: BookingChange): boolean {
    const mutationId =
      'booking' in change ? change.booking.metadata?.frontdeskMutationId : undefined
    if (!mutationId) return false
    return this.ctx.outbox.isSending(mutationId)
  }
}

/** A relay event as the applier takes it: Cal.com's news, or a desk event of the branch. */
function readDelivery(event: RelayEvent): Pick<RelayDelivery, 'mapped' | 'desk'> {
  if (event.contentType !== DESK_EVENT_CONTENT_TYPE) return { mapped: mapWebhookBody(event.body) }
  const read = readDeskEvent(event.body)
  if (!read.ok)
    return {
      mapped: {
        trigger: DESK_EVENT_TRIGGER,
        key: `desk-unreadable:${event.seq}`,
        changes: [],
        notices: [
          {
            code: DESK_EVENT_UNREADABLE,
            message: `A desk event from the relay could not be read (${read.why}); it was skipped.`,
          },
        ],
      },
    }
  return {
    mapped: {
      trigger: DESK_EVENT_TRIGGER,
      key: `desk:${read.event.key}`,
      changes: [],
      notices: [],
    },
    desk: read.event,
  }
}

/**
 * A webhook body that does not carry the whole booking: Cal.com's BOOKING_REJECTED (and a
 * request to reschedule's BOOKING_CANCELLED) has no metadata, BOOKING_PAID carries the payment's,
 * and a reschedule names its old half by uid only. The first the desk hears of a booking in such
 * a body makes its row at once, and the booking is then read from Cal.com: later news at that
 * version or older is dropped, and an incremental reconcile whose watermark has passed it never
 * lists it again, so its metadata (the `frontdeskMutationId` that ties a booking to the desk that
 * made it) would otherwise stay missing for good.
 */
function partialBody(change: BookingChange): boolean {
  switch (change.kind) {
    case 'state':
      return change.origin === 'webhook' && change.booking.metadata === undefined
    case 'paid':
    case 'completed':
      return change.booking.metadata === undefined
    case 'retire':
      return true
    case 'noShow':
      return false
  }
}
