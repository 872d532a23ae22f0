// Cal.com's state of a booking meets the appointment the desk holds — the one place it does,
// for webhook events (the inbox), reconcile pages and fetched bookings, and the outbox's answers,
// so all three lay statuses, versions and hosts the same way (booking-merge.ts has the rules).
// Also the held bookings: news the desk could not apply while the outbox owned the row.
import type { HistoryChange } from '../../../shared/api/history-codes'
import type { Branch } from '../../../shared/api/schemas'
import type { DeskDb } from '../db/open-database'
import type { EventTypeStore } from '../event-types/event-type-store'
import type { StaffStore } from '../staff/staff-store'
import type { HistorySource } from './appointment-store'
import { dayOf } from '../time/branch-day'
import type { BookingChange, CalcomBookingState } from './booking-mapping'
import { mergeChange, type MergeOutcome, type Refs } from './booking-merge'
import { calcomBookingStatements, type CalcomBookingStatements } from './calcom-booking-store'
import { HeldBookingStore } from './held-booking-store'

export interface ApplyBookingOptions {
  branch: Pick<Branch, 'id' | 'timeZone'>
  /** Filled with the branch days the change touched (for the desk's events, after the commit). */
  dates?: Set<string>
  /**
   * The outbox's own call came back with this booking: the row is the outbox's, so the state
   * is taken even though the row is pending, and history says what the desk's call did.
   */
  answer?: HistoryChange
}

export class CalcomBookings {
  readonly held: HeldBookingStore
  readonly #q: CalcomBookingStatements

  constructor(
    db: DeskDb,
    private readonly refs: {
      staff: StaffStore
      eventTypes: EventTypeStore
      /**
       * Whether a cancellation Cal.com tells of (a client cancelling online) fell inside the
       * service's policy window, as the desk's own cancel is judged (people/cancellation-policies).
       */
      lateness?: (
        a: { branchId: number; eventTypeId: number | null; startsAt: number },
        cancelledAt: number,
      ) => { windowHours: number } | null
      /** The desk's clock: history rows are stamped by it, not SQLite's (a demo's day shows). */
      now?: () => number
    },
  ) {
    this.#q = calcomBookingStatements(db)
    this.held = new HeldBookingStore(db)
  }

  /**
   * Lays one change Cal.com told of onto the desk's appointment, inside the caller's
   * transaction (statements run on the desk's one connection). Cal.com's columns only: the
   * desk's own (visit state, walk-in, notes, sync state) keep what they hold.
   */
  applyCalcomBooking(
    change: BookingChange,
    source: HistorySource,
    opts: ApplyBookingOptions,
  ): MergeOutcome {
    const q = this.#q
    const { branch, dates, answer } = opts
    const uid = 'booking' in change ? change.booking.uid : change.uid
    const stored = q.appointment.get({ uid })
    if (answer && !stored) return { action: 'none', uid }
    const existing = answer && stored ? { ...stored, syncState: 'synced' as const } : stored
    const outcome = mergeChange(existing, change, (b) => this.#refs(branch.id, b))
    if (outcome.action === 'held') this.held.hold(uid)
    if (outcome.action === 'write') {
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
      if (outcome.change || answer) {
        dates?.add(dayOf(row.startsAt, branch.timeZone))
        if (existing && existing.startsAt !== row.startsAt)
          dates?.add(dayOf(existing.startsAt, branch.timeZone))
      }
      if (outcome.change && !answer) {
        const cancelled =
          outcome.change === 'calcom_changed' &&
          (outcome.detail as { statusTo?: string }).statusTo === 'CANCELLED'
        const late = cancelled
          ? this.refs.lateness?.(
              { branchId: branch.id, eventTypeId: row.eventTypeId ?? null, startsAt: row.startsAt },
              row.calcomUpdatedAt ?? this.#now(),
            )
          : null
        const detail = late
          ? { ...outcome.detail, late: true, windowHours: late.windowHours }
          : outcome.detail
        q.addHistory.run({ at: this.#now(), uid, source, change: outcome.change, detail })
      }
    } else if (answer && stored && 'booking' in change && change.booking.calcomId != null) {
      // Older than what the desk holds (the inbox got there first): only the link to Cal.com's
      // booking is news.
      q.linkCalcomId.run({ uid, calcomId: change.booking.calcomId, now: Date.now() })
    }
    if (answer) {
      q.addHistory.run({
        at: this.#now(),
        uid,
        source,
        change: answer.code,
        detail: answer.params,
      })
    }
    return outcome
  }

  #now(): number {
    return (this.refs.now ?? Date.now)()
  }

  /** Whether the desk holds an appointment under this uid. */
  known(uid: string): boolean {
    return this.#q.appointment.get({ uid }) !== undefined
  }

  /**
   * Asks for a booking to be read from Cal.com once the outbox has let go of it (inside the
   * caller's transaction), e.g. after a desk change was discarded: the desk then shows Cal.com's
   * state even if news of it never came.
   */
  refreshLater(uid: string): void {
    this.held.hold(uid)
  }

  #refs(branchId: number, b: CalcomBookingState): Refs {
    const eventTypeId =
      b.calcomEventTypeId === null
        ? null
        : (this.refs.eventTypes.idOfCalcom(branchId, b.calcomEventTypeId) ?? null)
    let staffId: number | null = null
    // Also how the desk learns a member's id (one known by username from an event type) and
    // the username of a member known from before migration 0010.
    if (b.host?.id != null)
      staffId = this.refs.staff.idOfBookingHost(branchId, { ...b.host, id: b.host.id })
    return { branchId, eventTypeId, staffId }
  }
}
