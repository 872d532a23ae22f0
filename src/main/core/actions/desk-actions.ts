// The receptionist's actions (DESIGN.md §2 "Outbound"). Each one checks what it can without
// Cal.com, then writes the local change, its outbox row and an audit row in ONE transaction, and
// only after the commit tells the desk's events (the UI shows the change at once, marked "waiting to
// sync") and wakes the outbox worker. Visit state and desk notes are the desk's own: no outbox;
// they become desk events for the branch's other desks instead (shared-state/).
import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import type { HistoryCode } from '../../../shared/api/history-codes'
import type { Appointment } from '../../../shared/api/schemas'
import type { AppointmentStatus, VisitState } from '../../../shared/domain/appointment-status'
import type {
  AppointmentPatch,
  AppointmentRow,
  AppointmentStore,
} from '../appointments/appointment-store'
import { isValidTimeZone } from '../time/branch-day'
import type { BranchStore } from '../branch/branch-store'
import type { DeskDb } from '../db/open-database'
import type { AuditStore } from '../audit/audit-store'
import type { EventTypeStore } from '../event-types/event-type-store'
import type { StaffStore } from '../staff/staff-store'
import type { DeskEvents } from '../events/desk-events'
import type { BeforeAction, OutboxOp, PayloadOf, StoredPayload } from '../outbound/outbox-payloads'
import type { DeskTx, OutboxRow, OutboxStore } from '../outbound/outbox-store'
import type { SlotsCache } from '../slots/slots-cache'
import { DeskError } from '../errors/desk-error'
import { ValidationError } from '../errors/validation-error'
import { actionInstant } from './date-range'
import { hostNaming, staffNotBookable } from '../slots/host-naming'
import type { AuditAction } from '../../../shared/api/audit-actions'
import type { SharedState } from '../shared-state/shared-state'
import { whyNoAnotherTime, type AnotherTimeCase } from './another-time-rule'

/** Appointments the desk made before Cal.com gave them a uid carry this prefix. */
export const PLACEHOLDER_PREFIX = 'local-'

export interface BookInput {
  /** The desk's event type id (GET /api/event-types). */
  eventTypeId: number
  /** The desk's staff id; Cal.com picks a free host when omitted. */
  staffId?: number
  start: string
  attendee: { name: string; email?: string; phone?: string; timeZone?: string }
  walkIn?: boolean
  notes?: string
}

export interface ActionResult {
  appointment: Appointment
  /** The queued Cal.com change; null for desk-only changes. */
  outboxId: number | null
  /** What the desk could not check and Cal.com decides when the change reaches it. */
  notice?: string
}

export interface DeskActionsDeps {
  db: DeskDb
  events: DeskEvents
  appointments: AppointmentStore
  branches: BranchStore
  outbox: OutboxStore
  audit: AuditStore
  eventTypes: EventTypeStore
  staff: StaffStore
  slots: SlotsCache
  /** Wakes the outbox worker after a commit. */
  wake: () => void
  /** Queues desk-owned changes as desk events for the branch's other desks (DESIGN.md §9). */
  shared?: Pick<SharedState, 'record'>
  logger: Logger
  /** Whether cancelling now falls inside the service's policy window (no policy: never late). */
  lateness?: (a: { branchId: number; eventTypeId: number | null; startsAt: number }) => {
    windowHours: number
  } | null
}

const LIVE: readonly AppointmentStatus[] = ['SCHEDULED', 'PENDING']

type DeskActionHistoryCode = Extract<
  HistoryCode,
  | 'rescheduled_at_desk'
  | 'cancelled_at_desk'
  | 'confirmed_at_desk'
  | 'declined_at_desk'
  | 'no_show_marked_at_desk'
  | 'no_show_unmarked_at_desk'
>

export class DeskActions {
  constructor(private readonly d: DeskActionsDeps) {}

  /**
   * A walk-in or phone booking, checked against Cal.com's slots when Cal.com answers. `inTx` runs
   * last in the booking's transaction (BookingRequests keeps its answer there); it may refuse.
   */
  async book(
    input: BookInput,
    userId: number | null,
    inTx?: (tx: DeskTx, booked: { uid: string; outboxId: number; notice?: string }) => void,
  ): Promise<ActionResult> {
    const branch = this.d.branches.current()
    const eventType = this.d.eventTypes.byId(branch.id, input.eventTypeId)
    if (!eventType) {
      throw new ValidationError(
        'eventTypeId',
        'not_available',
        `eventTypeId ${input.eventTypeId} is not an event type of this branch`,
      )
    }
    const member =
      input.staffId === undefined ? undefined : this.d.staff.activeById(branch.id, input.staffId)
    if (input.staffId !== undefined && !member) {
      throw new ValidationError(
        'staffId',
        'not_available',
        `staffId ${input.staffId} is not active staff of this branch`,
      )
    }
    const timeZone = input.attendee.timeZone ?? branch.timeZone
    if (!isValidTimeZone(timeZone)) {
      throw new ValidationError(
        'attendee.timeZone',
        'not_a_time_zone',
        `attendee.timeZone "${timeZone}" is not a time zone`,
      )
    }
    const startsAt = actionInstant(input.start, 'start')
    const endsAt = startsAt + eventType.lengthMinutes * 60_000
    const { naming, checked } = await this.#checkStart(eventType, member, startsAt, {
      busyField: 'staffId',
    })
    // Said unless Cal.com has just answered for the member's own free times.
    const ownConfirmed = naming?.by === 'username' && checked === 'available'
    const notice =
      member && !ownConfirmed
        ? `Cal.com confirms ${member.name}'s own working hours and calendar only when it receives ` +
          `this booking; if ${member.name} cannot take it then, it will show as needing attention.`
        : undefined
    const uid = `${PLACEHOLDER_PREFIX}${randomUUID()}`
    const payload: PayloadOf['create'] = {
      eventTypeId: eventType.calcomId,
      start: new Date(startsAt).toISOString(),
      end: new Date(endsAt).toISOString(),
      attendee: {
        name: input.attendee.name,
        timeZone,
        ...(input.attendee.email ? { email: input.attendee.email } : {}),
        ...(input.attendee.phone ? { phoneNumber: input.attendee.phone } : {}),
      },
      ...(naming?.by === 'id' ? { hostId: naming.hostId } : {}),
      ...(naming?.by === 'username'
        ? { hostByUsername: { username: naming.username, eventTypeSlug: eventType.slug } }
        : {}),
      ...(input.notes ? { notes: input.notes } : {}),
    }
    const outboxId = this.d.db.transaction((tx) => {
      this.d.appointments.insertInTx(
        tx,
        {
          uid,
          branchId: branch.id,
          eventTypeId: eventType.id,
          staffId: member?.id ?? null,
          title: `${eventType.title} with ${input.attendee.name}`,
          start: new Date(startsAt),
          end: new Date(endsAt),
          status: eventType.requiresConfirmation ? 'PENDING' : 'SCHEDULED',
          walkIn: input.walkIn ?? false,
          attendee: {
            name: input.attendee.name,
            email: input.attendee.email ?? null,
            phone: input.attendee.phone ?? null,
            timeZone,
          },
          syncState: 'pending',
        },
        { code: 'booked_at_desk', params: { walkIn: input.walkIn ?? false } },
      )
      if (input.notes) {
        this.d.appointments.patchInTx(tx, uid, { deskNotes: input.notes })
        this.d.shared?.record({ kind: 'booking_notes', bookingUid: uid, notes: input.notes })
      }
      // Under the placeholder uid: the desk event is sent once Cal.com has named the booking.
      if (input.walkIn) this.d.shared?.record({ kind: 'walk_in', bookingUid: uid, walkIn: true })
      const row = this.d.outbox.enqueue(tx, {
        op: 'create',
        bookingUid: uid,
        payload,
        createdBy: userId,
      })
      this.#audit(tx, userId, 'appointment.book', uid, {
        outboxId: row.id,
        mutationId: row.mutationId,
        eventTypeId: eventType.id,
        start: payload.start,
        walkIn: input.walkIn ?? false,
      })
      inTx?.(tx, { uid, outboxId: row.id, notice })
      return row.id
    })
    return { ...this.#committed(uid, outboxId), ...(notice ? { notice } : {}) }
  }

  /**
   * Moves a booking to another start. When Cal.com refused the booking's new booking or last
   * move for its time, a move queued behind that change would wait on it forever, and it would
   * still ask for the taken time: that change is sent again for the new start instead
   * (`anotherTime`), whoever asks (the drawer, a card dragged, a script on the local API).
   */
  async reschedule(
    uid: string,
    input: { start: string; reason?: string },
    userId: number | null,
  ): Promise<ActionResult> {
    const refused = this.#refusedTimedRowOf(uid)
    if (refused) return this.anotherTime(refused.id, input, userId)
    return this.#queueReschedule(uid, input, userId)
  }

  /**
   * The booking's last new booking or move, when Cal.com refused it; whether what was queued
   * after it lets it take another time is anotherTime's rule (another-time-rule.ts).
   */
  #refusedTimedRowOf(uid: string): OutboxRow | undefined {
    const timed = this.d.outbox
      .openRowsOf(uid)
      .filter((r) => r.op === 'create' || r.op === 'reschedule')
    const last = timed[timed.length - 1]
    return last?.state === 'needs_attention' ? last : undefined
  }

  #queueReschedule(uid: string, input: { start: string; reason?: string }, userId: number | null) {
    const startsAt = actionInstant(input.start, 'start')
    return this.#change(uid, userId, 'reschedule', {
      allowed: LIVE,
      what: 'rescheduled',
      history: 'rescheduled_at_desk',
      local: (a) => ({ startsAt, endsAt: startsAt + (a.endsAt - a.startsAt) }),
      payload: (before) => ({
        start: new Date(startsAt).toISOString(),
        ...(input.reason ? { reason: input.reason } : {}),
        before,
      }),
    })
  }

  /**
   * A new booking or a move that Cal.com refused (the time was taken meanwhile, or had passed)
   * is sent again for another time: the refused outbox row itself takes the new start and goes
   * back to the queue. A reschedule queued behind a refused create could not help, since the
   * create would still ask Cal.com for the taken time; so the booking Cal.com never made is
   * asked for at the new time (under the same placeholder and mutation id, so an earlier attempt
   * Cal.com did carry out after all is still found and adopted, not booked twice), and a refused
   * move moves to it instead. The new time is checked as a booking's is. A confirm queued after
   * it stays queued after it; a later move, cancel, decline or no-show refuses it
   * (another-time-rule.ts).
   */
  async anotherTime(
    outboxId: number,
    input: { start: string; reason?: string },
    userId: number | null,
  ): Promise<ActionResult> {
    const startsAt = actionInstant(input.start, 'start')
    const { a } = this.#refusedTimeChange(outboxId)
    const eventType =
      a.eventTypeId === null ? undefined : this.d.eventTypes.byId(a.branchId, a.eventTypeId)
    if (eventType) {
      const member = a.staffId === null ? undefined : this.d.staff.activeById(a.branchId, a.staffId)
      // The booking's own time is not in its way.
      await this.#checkStart(eventType, member, startsAt, { busyField: 'start', moving: a.uid })
    }
    let oldStartsAt = 0
    const uid = this.d.db.transaction((tx) => {
      // Read again: the slot check waited for Cal.com.
      const { row, a: now } = this.#refusedTimeChange(outboxId)
      oldStartsAt = now.startsAt
      const endsAt = startsAt + (now.endsAt - now.startsAt)
      const start = new Date(startsAt).toISOString()
      const payload =
        row.op === 'create'
          ? {
              ...(row.payload as StoredPayload<'create'>),
              start,
              end: new Date(endsAt).toISOString(),
            }
          : {
              ...(row.payload as StoredPayload<'reschedule'>),
              start,
              ...(input.reason ? { reason: input.reason } : {}),
            }
      this.d.outbox.markPending(
        tx,
        { ...row, payload },
        { nextAttemptAt: 0, lastError: row.lastError },
      )
      this.d.appointments.patchInTx(
        tx,
        row.bookingUid,
        { startsAt, endsAt, syncState: this.d.outbox.syncStateOf(row.bookingUid) },
        { code: 'another_time_at_desk', params: { op: row.op, outboxId: row.id } },
      )
      this.d.audit.record({
        userId,
        action: 'outbox.anotherTime',
        target: `outbox:${row.id}`,
        detail: {
          op: row.op,
          bookingUid: row.bookingUid,
          mutationId: row.mutationId,
          from: new Date(oldStartsAt).toISOString(),
          start,
          ...(input.reason ? { reason: input.reason } : {}),
        },
      })
      return row.bookingUid
    })
    return this.#committed(uid, outboxId, [oldStartsAt])
  }

  /**
   * Whether `startsAt` may be asked of Cal.com for this service, and this member if one is
   * chosen; throws the refusal. How Cal.com is told "this member" (host-naming.ts): one it cannot
   * be told of would be booked with whoever Cal.com picks, so it is refused before anything is
   * queued. Cal.com's slots answer for the event type (any host free), never for one staff member,
   * so the member's own appointments are checked here (less the booking being `moving`); a
   * member known by username only is asked for by their own free times, and Cal.com having no
   * such service under their username cannot book them at all.
   */
  async #checkStart(
    eventType: NonNullable<ReturnType<DeskActionsDeps['eventTypes']['byId']>>,
    member: ReturnType<DeskActionsDeps['staff']['activeById']>,
    startsAt: number,
    opts: { busyField: 'staffId' | 'start'; moving?: string },
  ) {
    const naming = member && hostNaming(member)
    if (member && naming?.by === 'nothing') throw staffNotBookable(member.name, eventType.title)
    const staffBusy =
      member && this.d.slots.staffConflict(eventType.id, member.id, startsAt, opts.moving)
    if (staffBusy) {
      throw new DeskError(
        'STAFF_UNAVAILABLE',
        staffBusy.message,
        opts.busyField,
        undefined,
        staffBusy.params,
      )
    }
    const checked = await this.d.slots.check(eventType.id, startsAt, { staffId: member?.id })
    if (member && checked === 'not_bookable') throw staffNotBookable(member.name, eventType.title)
    if (checked === 'unavailable') {
      throw new DeskError(
        'SLOT_UNAVAILABLE',
        `${new Date(startsAt).toISOString()} is not a free slot of ${eventType.title}` +
          // Asked of the member's own free times when Cal.com knows their username (slots-cache.ts).
          `${member?.calcomUsername || naming?.by === 'username' ? ` with ${member!.name}` : ''} in Cal.com`,
        'start',
      )
    }
    return { naming, checked }
  }

  /**
   * Whether `anotherTime` would take this outbox row: the flag each entry of GET /api/outbox
   * carries, by the same rule (another-time-rule.ts). Cal.com's news of a booking with open rows
   * waits for them (held bookings), so only the desk's own actions, which announce the outbox,
   * can change it.
   */
  canTakeAnotherTime(row: OutboxRow): boolean {
    return whyNoAnotherTime(this.#anotherTimeCase(row)) === null
  }

  #anotherTimeCase(row: OutboxRow): AnotherTimeCase {
    return {
      row,
      openRows: this.d.outbox.openRowsOf(row.bookingUid),
      status: this.d.appointments.rowByUid(row.bookingUid)?.status,
    }
  }

  /** The refused create or reschedule `anotherTime` re-times, and its booking; throws why not. */
  #refusedTimeChange(outboxId: number): { row: OutboxRow; a: AppointmentRow } {
    const row = this.d.outbox.byId(outboxId)
    if (!row) throw new DeskError('NOT_FOUND', `No outbox entry ${outboxId}`)
    const refusal = whyNoAnotherTime(this.#anotherTimeCase(row))
    if (refusal) throw new DeskError(refusal.code, refusal.message)
    return { row, a: this.#existing(row.bookingUid) }
  }

  cancel(uid: string, input: { reason: string }, userId: number | null) {
    return this.#change(uid, userId, 'cancel', {
      allowed: LIVE,
      what: 'cancelled',
      history: 'cancelled_at_desk',
      local: () => ({ status: 'CANCELLED', cancellationReason: input.reason }),
      payload: (before) => ({ reason: input.reason, before }),
      // Marked late in the history and the audit when inside the service's window: the client
      // card counts them, the owner hears of them from the relay once Cal.com tells it.
      mark: (a) => {
        const late = this.d.lateness?.(a)
        return late ? { late: true, windowHours: late.windowHours } : {}
      },
    })
  }

  confirm(uid: string, userId: number | null) {
    return this.#change(uid, userId, 'confirm', {
      allowed: ['PENDING'],
      what: 'confirmed',
      history: 'confirmed_at_desk',
      local: () => ({ status: 'SCHEDULED' }),
      payload: (before) => ({ before }),
    })
  }

  decline(uid: string, input: { reason?: string }, userId: number | null) {
    return this.#change(uid, userId, 'decline', {
      allowed: ['PENDING'],
      what: 'declined',
      history: 'declined_at_desk',
      local: () => ({ status: 'REJECTED', rejectionReason: input.reason ?? null }),
      payload: (before) => ({ ...(input.reason ? { reason: input.reason } : {}), before }),
    })
  }

  /** Marks (or, with `absent: false`, unmarks) the attendee as a no-show; Cal.com is told. */
  markNoShow(uid: string, input: { absent: boolean }, userId: number | null) {
    return this.#change(uid, userId, 'mark_absent', {
      allowed: input.absent ? ['SCHEDULED', 'COMPLETED'] : ['NO_SHOW'],
      what: input.absent ? 'marked as a no-show' : 'unmarked as a no-show',
      history: input.absent ? 'no_show_marked_at_desk' : 'no_show_unmarked_at_desk',
      local: (a) =>
        input.absent
          ? { status: 'NO_SHOW', statusBeforeNoShow: a.status }
          : { status: a.statusBeforeNoShow ?? 'SCHEDULED', statusBeforeNoShow: null },
      payload: (before) => ({ absent: input.absent, before }),
    })
  }

  /** Arrived / in service / done, and the desk's notes: the desk's own, never sent to Cal.com. */
  visit(
    uid: string,
    input: { state?: VisitState; notes?: string | null },
    userId: number | null,
  ): ActionResult {
    this.d.db.transaction((tx) => {
      const a = this.#existing(uid)
      if (
        input.state !== undefined &&
        input.state !== 'NONE' &&
        !['SCHEDULED', 'PENDING', 'COMPLETED', 'NO_SHOW'].includes(a.status)
      ) {
        throw new DeskError(
          'NOT_ALLOWED',
          `A ${a.status.toLowerCase()} appointment cannot be marked ${input.state.toLowerCase().replace('_', ' ')}`,
          'state',
        )
      }
      this.d.appointments.patchInTx(
        tx,
        uid,
        {
          ...(input.state !== undefined ? { visitState: input.state } : {}),
          ...(input.notes !== undefined ? { deskNotes: input.notes } : {}),
        },
        {
          ...(input.state !== undefined
            ? { code: 'visit_changed' as const, params: { state: input.state } }
            : { code: 'desk_notes_changed' as const, params: {} }),
        },
      )
      if (input.state !== undefined)
        this.d.shared?.record({ kind: 'visit', bookingUid: uid, state: input.state })
      if (input.notes !== undefined)
        this.d.shared?.record({ kind: 'booking_notes', bookingUid: uid, notes: input.notes })
      this.#audit(tx, userId, 'appointment.visit', uid, {
        ...(input.state !== undefined ? { state: input.state } : {}),
        notesChanged: input.notes !== undefined,
      })
    })
    this.d.appointments.announce([uid])
    return { appointment: this.d.appointments.byUid(uid)!, outboxId: null }
  }

  #change<O extends Exclude<OutboxOp, 'create'>>(
    uid: string,
    userId: number | null,
    op: O,
    spec: {
      allowed: readonly AppointmentStatus[]
      what: string
      history: DeskActionHistoryCode
      local: (a: AppointmentRow) => AppointmentPatch
      payload: (before: BeforeAction) => PayloadOf[O]
      /** More to say in the history entry and the audit row about this change. */
      mark?: (a: AppointmentRow) => { late?: true; windowHours?: number }
    },
  ): ActionResult {
    let oldStartsAt = 0
    const outboxId = this.d.db.transaction((tx) => {
      const a = this.#existing(uid)
      if (!spec.allowed.includes(a.status)) {
        throw new DeskError(
          'NOT_ALLOWED',
          `Only ${spec.allowed.map((s) => s.toLowerCase().replace('_', '-')).join(' or ')} appointments can be ${spec.what}; this one is ${a.status.toLowerCase().replace('_', '-')}`,
        )
      }
      oldStartsAt = a.startsAt
      const mark = spec.mark?.(a) ?? {}
      const before: BeforeAction = {
        status: a.status,
        statusBeforeNoShow: a.statusBeforeNoShow,
        startsAt: a.startsAt,
        endsAt: a.endsAt,
        cancellationReason: a.cancellationReason,
        rejectionReason: a.rejectionReason,
        calcomUpdatedAt: a.calcomUpdatedAt,
      }
      this.d.appointments.patchInTx(
        tx,
        uid,
        {
          ...spec.local(a),
          syncState: a.syncState === 'needs_attention' ? 'needs_attention' : 'pending',
        },
        { code: spec.history, params: { op, ...mark } },
      )
      const row = this.d.outbox.enqueue(tx, {
        op,
        bookingUid: uid,
        payload: spec.payload(before),
        createdBy: userId,
      })
      this.#audit(tx, userId, `appointment.${op as Exclude<OutboxOp, 'create'>}`, uid, {
        outboxId: row.id,
        mutationId: row.mutationId,
        ...mark,
      })
      return row.id
    })
    return this.#committed(uid, outboxId, [oldStartsAt])
  }

  #existing(uid: string): AppointmentRow {
    const a = this.d.appointments.rowByUid(uid)
    if (!a) throw new DeskError('NOT_FOUND', `No appointment ${uid}`)
    return a
  }

  #committed(uid: string, outboxId: number, alsoStartsAt: number[] = []): ActionResult {
    this.d.appointments.announce([uid], alsoStartsAt)
    this.d.events.emit('outboxChanged', {})
    this.d.wake()
    return { appointment: this.d.appointments.byUid(uid)!, outboxId }
  }

  #audit(
    tx: DeskTx,
    userId: number | null,
    action: AuditAction,
    uid: string,
    detail: Record<string, unknown>,
  ): void {
    this.d.audit.record({ userId, action, target: `appointment:${uid}`, detail })
  }
}
