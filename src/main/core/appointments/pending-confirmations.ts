// Bookings waiting for the desk to confirm or decline (Cal.com event types that require
// confirmation), soonest first; ones already over are past deciding and left out.
import { and, asc, eq, gte } from 'drizzle-orm'
import type { Appointment } from '../../../shared/api/schemas'
import type { DeskDb } from '../db/open-database'
import { appointments } from '../db/schema'
import type { AppointmentStore } from './appointment-store'

/** More than a desk could decide in a day; the list says how many when it is cut. */
export const PENDING_LIST_LIMIT = 200

export function pendingConfirmations(
  db: DeskDb,
  store: AppointmentStore,
  branchId: number,
  now: number,
): Appointment[] {
  return db
    .select({ uid: appointments.uid })
    .from(appointments)
    .where(
      and(
        eq(appointments.branchId, branchId),
        eq(appointments.status, 'PENDING'),
        gte(appointments.endsAt, now),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.uid))
    .limit(PENDING_LIST_LIMIT)
    .all()
    .flatMap(({ uid }) => store.byUid(uid) ?? [])
}
