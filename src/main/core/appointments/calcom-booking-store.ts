// The statements that write Cal.com's state of a booking (every inbox event, reconcile page and
// outbox answer), prepared once. Built per call, drizzle spent
// more time assembling and preparing these (~1 ms an event) than SQLite spent running them,
// which capped a backlog drain once the page became one transaction.
import { and, eq, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { appointmentHistory, appointments } from '../db/schema'
import type { AppointmentStatus } from '../../../shared/domain/appointment-status'

/** The columns Cal.com owns. */
export interface CalcomColumns {
  calcomId: number | null
  branchId: number
  eventTypeId: number | null
  staffId: number | null
  title: string
  startsAt: number
  endsAt: number
  status: AppointmentStatus
  statusBeforeNoShow: AppointmentStatus | null
  attendeeName: string
  attendeeEmail: string | null
  attendeePhone: string | null
  attendeeTimeZone: string | null
  rescheduledFromUid: string | null
  rescheduledToUid: string | null
  cancellationReason: string | null
  requestReschedule: boolean
  rejectionReason: string | null
  paid: boolean
  metadata: Record<string, string> | null
  calcomUpdatedAt: number | null
}

/** Every column Cal.com owns. */
const CALCOM_COLUMNS = [
  'calcomId',
  'branchId',
  'eventTypeId',
  'staffId',
  'title',
  'startsAt',
  'endsAt',
  'status',
  'statusBeforeNoShow',
  'attendeeName',
  'attendeeEmail',
  'attendeePhone',
  'attendeeTimeZone',
  'rescheduledFromUid',
  'rescheduledToUid',
  'cancellationReason',
  'requestReschedule',
  'rejectionReason',
  'paid',
  'metadata',
  'calcomUpdatedAt',
] as const satisfies readonly (keyof CalcomColumns)[]
// Does not compile once CalcomColumns has a column the list above lacks.
const _allListed: Record<Exclude<keyof CalcomColumns, (typeof CALCOM_COLUMNS)[number]>, never> = {}

const p = sql.placeholder
const placeholders = {
  ...(Object.fromEntries(CALCOM_COLUMNS.map((c) => [c, p(c)])) as Record<
    keyof CalcomColumns,
    ReturnType<typeof p>
  >),
  // Encoded here, not by drizzle: a placeholder's value goes through the column's encoder even
  // when null, and the JSON encoder would store the text 'null' where the column should be NULL.
  metadata: sql`${p('metadataJson')}`,
}

export type CalcomBookingStatements = ReturnType<typeof calcomBookingStatements>

export function calcomBookingStatements(db: DeskDb) {
  const upsert = db
    .insert(appointments)
    .values({ uid: p('uid'), ...placeholders })
    .onConflictDoUpdate({
      target: appointments.uid,
      // Cal.com's columns take the values the insert carried (`excluded.`); nothing else moves.
      set: {
        ...Object.fromEntries(
          CALCOM_COLUMNS.map((c) => [c, sql.raw(`excluded.${appointments[c].name}`)]),
        ),
        updatedAt: sql`${p('now')}`,
      },
    })
    .prepare()
  return {
    appointment: db
      .select()
      .from(appointments)
      .where(eq(appointments.uid, p('uid')))
      .prepare(),
    paidOf: db
      .select({ paid: appointments.paid })
      .from(appointments)
      .where(eq(appointments.uid, p('uid')))
      .prepare(),
    /** Writes Cal.com's columns of a booking; the desk's own columns keep what they hold. */
    writeAppointment: (uid: string, row: CalcomColumns) =>
      upsert.run({
        ...row,
        uid,
        metadataJson: row.metadata === null ? null : JSON.stringify(row.metadata),
        now: Date.now(),
      }),
    markPaid: db
      .update(appointments)
      .set({ paid: true, updatedAt: sql`${p('now')}` })
      .where(and(eq(appointments.uid, p('uid')), eq(appointments.paid, false)))
      .prepare(),
    linkCalcomId: db
      .update(appointments)
      .set({ calcomId: sql`${p('calcomId')}`, updatedAt: sql`${p('now')}` })
      .where(eq(appointments.uid, p('uid')))
      .prepare(),
    addHistory: db
      .insert(appointmentHistory)
      .values({
        at: p('at'),
        uid: p('uid'),
        source: p('source'),
        change: p('change'),
        detail: p('detail'),
      })
      .prepare(),
  }
}
