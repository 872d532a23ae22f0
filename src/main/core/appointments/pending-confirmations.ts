// Bookings waiting for the desk to confirm or decline (Cal.com event types that require
// confirmation), soonest first; ones already over are past deciding and left out.
import type { Appointment } from '../../../shared/api/schemas'
import type { AppointmentStore } from './appointment-store'

/** More than a desk could decide in a day; the list says how many when it is cut. */
export const PENDING_LIST_LIMIT = 200

export function pendingConfirmations(
  store: AppointmentStore,
  branchId: number,
  now: number,
): Appointment[] {
  return store.pendingConfirmation(branchId, now, PENDING_LIST_LIMIT)
}
