// Which actions a row of Needs attention offers, and which one is its main (blue) button: the
// one that can work for that refusal. Whether a change can be sent again for another time at all
// is the desk core's rule, given with each entry (`canTakeAnotherTime`): a new booking or a move,
// with nothing queued after it that another time would undo. When it can and its time is gone
// (someone else took it, or it had passed), sending it as it is can only be refused again, so
// "Choose another time" leads, with the slot picker the drawer's reschedule uses; for anything
// else (Cal.com out of reach, an error of its own) sending it again is the way, and leads.
import type { OutboxReasonCode } from '../../../../shared/api/outbox-reasons'
import type { Appointment, OutboxEntry } from '../../../../shared/api/schemas'

export type AttentionAction = 'another-time' | 'retry'

/** Refusals that say the time itself is gone. */
const TIME_GONE: ReadonlySet<OutboxReasonCode> = new Set(['slot_taken', 'in_past'])

/**
 * The row's actions, its main one first (Discard, a matter of permission, is apart).
 * `canPickTime`: free times can be asked for (the booking's service is known) and the person at
 * the desk may move bookings.
 */
export function attentionActions(
  entry: Pick<OutboxEntry, 'canTakeAnotherTime' | 'reason'>,
  canPickTime: boolean,
): AttentionAction[] {
  if (!canPickTime || !entry.canTakeAnotherTime) return ['retry']
  return isTimeGone(entry) ? ['another-time', 'retry'] : ['retry', 'another-time']
}

export function isTimeGone(entry: Pick<OutboxEntry, 'reason'>): boolean {
  return entry.reason !== null && TIME_GONE.has(entry.reason.code)
}

/**
 * Whether free times can be picked for the row's booking: the person at the desk may move
 * bookings, and the booking's service is known (a booking of none has no free times to offer).
 * Decided by the permission alone while the booking loads, so the main button does not change
 * for nothing. Whether the booking may take another time (not cancelled since, say) is the
 * entry's own `canTakeAnotherTime`.
 */
export function mayPickTime(
  mayMove: boolean,
  appointment: Pick<Appointment, 'eventType'> | undefined,
): boolean {
  return mayMove && (appointment === undefined || appointment.eventType !== null)
}
