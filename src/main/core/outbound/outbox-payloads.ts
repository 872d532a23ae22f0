// What each outbox row asks of Cal.com. The payload is stored as JSON in the row, written by a
// desk action and read by the worker, possibly after a restart, so it carries every Cal.com id
// the call needs (never the desk's local ids) and, for changes to existing bookings, the fields
// as they were before, so a discarded action can be undone locally.
import type { AppointmentStatus } from '../../../shared/domain/appointment-status'

export const OUTBOX_OPS = [
  'create',
  'reschedule',
  'cancel',
  'confirm',
  'decline',
  'mark_absent',
] as const
export type OutboxOp = (typeof OUTBOX_OPS)[number]

/** The appointment's fields an action changed, as they were before it. */
export interface BeforeAction {
  status: AppointmentStatus
  statusBeforeNoShow: AppointmentStatus | null
  startsAt: number
  endsAt: number
  cancellationReason: string | null
  rejectionReason: string | null
  /**
   * The Cal.com version the appointment held (calcomUpdatedAt). If Cal.com's news moved it by
   * the time the change is discarded, the appointment already shows Cal.com's state, and the
   * undo must not bring back this older one. Absent in rows queued before it was recorded.
   */
  calcomUpdatedAt?: number | null
}

export interface CreatePayload {
  /** Cal.com's event type id. */
  eventTypeId: number
  start: string
  /** Used to find the booking again after an unknown outcome. */
  end: string
  attendee: { name: string; timeZone: string; email?: string; phoneNumber?: string }
  /** Cal.com user id of the chosen staff member, when one was chosen and the desk knows it. */
  hostId?: number
  /**
   * The chosen staff member when the desk knows them by Cal.com username only (a new member with
   * no booking yet): the booking names their own event type of this slug, which books them and
   * nobody else (bookings-api.ts), instead of `eventTypeId`.
   */
  hostByUsername?: { username: string; eventTypeSlug: string }
  notes?: string
}

export interface ReschedulePayload {
  start: string
  reason?: string
  before: BeforeAction
}

export interface CancelPayload {
  reason: string
  before: BeforeAction
}

export interface ConfirmPayload {
  before: BeforeAction
}

export interface DeclinePayload {
  reason?: string
  before: BeforeAction
}

export interface MarkAbsentPayload {
  absent: boolean
  before: BeforeAction
}

export interface PayloadOf {
  create: CreatePayload
  reschedule: ReschedulePayload
  cancel: CancelPayload
  confirm: ConfirmPayload
  decline: DeclinePayload
  mark_absent: MarkAbsentPayload
}

/**
 * Set by the worker when an attempt may have reached Cal.com without us hearing the answer
 * (timeout, dropped connection, a crash mid-call): the next attempt looks before it sends.
 */
export interface OutcomeFlag {
  outcomeUnknown?: boolean
}

export type StoredPayload<O extends OutboxOp = OutboxOp> = PayloadOf[O] & OutcomeFlag
