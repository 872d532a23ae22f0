// Which actions the drawer offers for an appointment, in the order a visit goes: the same rules
// the desk core enforces (a refused action would only be an error after a click).
import type { Appointment } from '../../../../shared/api/schemas'

export type DrawerAction =
  | 'check-in'
  | 'start-service'
  | 'finish'
  | 'confirm'
  | 'decline'
  | 'reschedule'
  | 'no-show'
  | 'undo-no-show'
  | 'cancel'

export function availableActions(
  a: Pick<Appointment, 'status' | 'visitState' | 'start'>,
  now: Date,
): DrawerAction[] {
  const actions: DrawerAction[] = []
  if (a.status === 'PENDING') actions.push('confirm', 'decline')
  if (a.status === 'SCHEDULED') {
    if (a.visitState === 'NONE') actions.push('check-in')
    else if (a.visitState === 'ARRIVED') actions.push('start-service')
    else if (a.visitState === 'IN_SERVICE') actions.push('finish')
  }
  if (canMove(a)) actions.push('reschedule')
  // Cal.com refuses a no-show before the start time: offered then, the press would only end in
  // Needs attention, with a client who may still be on the way.
  const started = Date.parse(a.start) <= now.getTime()
  if (a.status === 'SCHEDULED' && a.visitState === 'NONE' && started) actions.push('no-show')
  if (a.status === 'NO_SHOW') actions.push('undo-no-show')
  if (canMove(a)) actions.push('cancel')
  return actions
}

/** A live booking nobody has checked in yet: it can still be moved or cancelled. Once the client
 * is here, moving or cancelling the booking is no longer the question. */
function canMove(a: Pick<Appointment, 'status' | 'visitState'>): boolean {
  return (a.status === 'SCHEDULED' || a.status === 'PENDING') && a.visitState === 'NONE'
}

/**
 * Whether its card can be dragged to another time on the grid: when the drawer would offer
 * Reschedule, and Cal.com can be asked for the service's free times (a booking with no event
 * type has none to offer).
 */
export function isMovable(a: Pick<Appointment, 'status' | 'visitState' | 'eventType'>): boolean {
  return a.eventType !== null && canMove(a)
}
