// What a person can do with the queue (GET /api/outbox, retry, discard). Retry puts a row that
// needs attention (or one waiting for its backoff) back at the front. Discard takes a row out of
// the queue for good, with an explicit confirmation at the API: the desk's local change is undone
// (a discarded booking is shown as never booked), and it is audited. Nothing is deleted.
import type { Logger } from 'pino'
import type { AppointmentPatch, AppointmentStore } from '../appointments/appointment-store'
import type { DeskDb } from '../db/open-database'
import type { AuditStore } from '../audit/audit-store'
import type { DeskEvents } from '../events/desk-events'
import { DeskError } from '../errors/desk-error'
import type { BeforeAction, OutboxOp, StoredPayload } from './outbox-payloads'
import type { DeskTx, OutboxRow, OutboxStore } from './outbox-store'
import type { CalcomBookings } from '../appointments/calcom-bookings'
import type { AuditAction } from '../../../shared/api/audit-actions'

export interface OutboxCommandsDeps {
  db: DeskDb
  events: DeskEvents
  outbox: OutboxStore
  appointments: AppointmentStore
  calcomBookings: CalcomBookings
  audit: AuditStore
  wake: () => void
  logger: Logger
}

export const DISCARDED_BOOKING_REASON = 'Never booked: discarded at the desk before Cal.com took it'

export class OutboxCommands {
  constructor(private readonly d: OutboxCommandsDeps) {}

  retry(id: number, userId: number | null): OutboxRow {
    const row = this.d.db.transaction((tx) => {
      const row = this.#row(id, tx, ['needs_attention', 'pending'], 'retried')
      this.d.outbox.markPending(tx, row, { nextAttemptAt: 0, lastError: row.lastError })
      this.#resync(tx, row.bookingUid)
      this.#audit(tx, userId, 'outbox.retry', row)
      return this.d.outbox.byId(id)!
    })
    this.#announce(row.bookingUid)
    this.d.wake()
    return row
  }

  discard(id: number, userId: number | null): OutboxRow {
    const row = this.d.db.transaction((tx) => {
      const row = this.#row(id, tx, ['needs_attention', 'pending'], 'discarded')
      this.d.outbox.markDiscarded(tx, row.id)
      if (row.op === 'create') {
        // Nothing can reach Cal.com for a booking that will never exist there.
        for (const later of this.d.outbox.openRowsOf(row.bookingUid)) {
          this.d.outbox.markDiscarded(tx, later.id)
        }
        this.d.appointments.patchInTx(
          tx,
          row.bookingUid,
          {
            status: 'CANCELLED',
            cancellationReason: DISCARDED_BOOKING_REASON,
            syncState: 'synced',
          },
          { code: 'booking_discarded_at_desk', params: { outboxId: row.id } },
        )
      } else {
        const before = (row.payload as StoredPayload<Exclude<OutboxOp, 'create'>>).before
        const now = this.d.appointments.rowByUid(row.bookingUid)
        // Cal.com's news since the action (it refused the change because its booking had moved
        // on) already replaced the desk's change: that is the state to keep, not the older one.
        const calcomSpokeSince =
          before.calcomUpdatedAt !== undefined &&
          now !== undefined &&
          now.calcomUpdatedAt !== before.calcomUpdatedAt
        this.d.appointments.patchInTx(
          tx,
          row.bookingUid,
          {
            ...(calcomSpokeSince ? {} : undo(row.op as OutboxOp, before)),
            syncState: this.d.outbox.syncStateOf(row.bookingUid),
          },
          {
            code: 'change_discarded_at_desk',
            params: {
              op: row.op,
              outboxId: row.id,
              ...(calcomSpokeSince ? { kept: 'Cal.com state' } : {}),
            },
          },
        )
        // And in any case Cal.com is asked what the booking is now, once it can be.
        this.d.calcomBookings.refreshLater(row.bookingUid)
      }
      this.#audit(tx, userId, 'outbox.discard', row)
      return this.d.outbox.byId(id)!
    })
    this.d.logger.info(
      { outboxId: id, op: row.op, bookingUid: row.bookingUid },
      'outbox row discarded',
    )
    this.#announce(row.bookingUid)
    return row
  }

  #row(id: number, tx: DeskTx, allowed: readonly string[], what: string): OutboxRow {
    const row = this.d.outbox.byId(id)
    if (!row) throw new DeskError('NOT_FOUND', `No outbox entry ${id}`)
    if (!allowed.includes(row.state)) {
      throw new DeskError(
        'NOT_ALLOWED',
        `Outbox entry ${id} is ${row.state.replace('_', ' ')}; only entries that need attention or wait to be sent can be ${what}`,
      )
    }
    return row
  }

  #resync(tx: DeskTx, uid: string): void {
    this.d.appointments.patchInTx(
      tx,
      uid,
      { syncState: this.d.outbox.syncStateOf(uid) },
      { code: 'retry_asked_at_desk', params: {} },
    )
  }

  #announce(uid: string): void {
    this.d.appointments.announce([uid])
    this.d.events.emit('outboxChanged', {})
  }

  #audit(tx: DeskTx, userId: number | null, action: AuditAction, row: OutboxRow): void {
    this.d.audit.record({
      userId,
      action,
      target: `outbox:${row.id}`,
      detail: { op: row.op, bookingUid: row.bookingUid, mutationId: row.mutationId },
    })
  }
}

/** The fields a discarded change had set, as they were before it. */
function undo(op: OutboxOp, before: BeforeAction): AppointmentPatch {
  switch (op) {
    case 'reschedule':
      return { startsAt: before.startsAt, endsAt: before.endsAt }
    case 'cancel':
      return { status: before.status, cancellationReason: before.cancellationReason }
    case 'decline':
      return { status: before.status, rejectionReason: before.rejectionReason }
    case 'mark_absent':
      return { status: before.status, statusBeforeNoShow: before.statusBeforeNoShow }
    default:
      return { status: before.status }
  }
}
