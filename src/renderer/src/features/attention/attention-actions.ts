// Which actions a row of Needs attention offers, and which one is its main (blue) button: the
// one that can work for that refusal. A change refused because its time is gone (someone else
// took it, or it had passed) can only be refused again if sent as it is, so "Choose another time"
// leads, with the slot picker the drawer's reschedule uses; for anything else (Cal.com out of
// reach, an error of its own) sending it again is the way, and leads.
import type { OutboxReasonCode } from '../../../../shared/api/outbox-reasons'
import type { Appointment, OutboxEntry } from '../../../../shared/api/schemas'
import { isMovable } from '../appointment/appointment-actions'

export type AttentionAction = 'another-time' | 'retry'

/** Refusals that say the time itself is gone. */
const TIME_GONE: ReadonlySet<OutboxReasonCode> = new Set(['slot_taken', 'in_past'])

/** The changes that ask for a time, and can be sent again for another (the local API's rule). */
const ASKS_FOR_A_TIME: ReadonlySet<string> = new Set(['create', 'reschedule'])

/**
 * The row's actions, its main one first (Discard, a matter of permission, is apart).
 * `canPickTime`: free times can be asked for (the booking's service is known) and the person at
 * the desk may move bookings.
 */
export function attentionActions(
  entry: Pick<OutboxEntry, 'op' | 'reason'>,
  canPickTime: boolean,
): AttentionAction[] {
  if (!canPickTime || !ASKS_FOR_A_TIME.has(entry.op)) return ['retry']
  return isTimeGone(entry) ? ['another-time', 'retry'] : ['retry', 'another-time']
}

export function isTimeGone(entry: Pick<OutboxEntry, 'reason'>): boolean {
  return entry.reason !== null && TIME_GONE.has(entry.reason.code)
}

/**
 * Whether a row may offer "Choose another time": the person at the desk may move bookings, and
 * the booking is one the drawer could move (not cancelled since, its service known). Decided by
 * the permission alone while the booking loads, so the main button does not change for nothing.
 */
export function mayPickTime(
  mayMove: boolean,
  appointment: Pick<Appointment, 'status' | 'visitState' | 'eventType'> | undefined,
): boolean {
  return mayMove && (appointment === undefined || isMovable(appointment))
}
