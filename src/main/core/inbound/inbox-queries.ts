// The statements the inbox runs for every event, prepared once. Built per call, drizzle spent
// more time assembling and preparing these (~1 ms an event) than SQLite spent running them,
// which capped a backlog drain once the page became one transaction.
import { and, eq, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import {
  appliedEvents,
  appointmentHistory,
  appointments,
  eventTypes,
  outbox,
  staff,
} from '../db/schema'
import type { CalcomColumns } from './booking-merge'

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

export type InboxQueries = ReturnType<typeof inboxQueries>

export function inboxQueries(db: DeskDb) {
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
    /** Records an event key; `changes` is 0 when it was there already. */
    recordKey: db
      .insert(appliedEvents)
      .values({ eventKey: p('key') })
      .onConflictDoNothing()
      .prepare(),
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
    addHistory: db
      .insert(appointmentHistory)
      .values({ uid: p('uid'), source: p('source'), change: p('change'), detail: p('detail') })
      .prepare(),
    outboxState: db
      .select({ state: outbox.state })
      .from(outbox)
      .where(eq(outbox.mutationId, p('mutationId')))
      .prepare(),
    eventTypeId: db
      .select({ id: eventTypes.id })
      .from(eventTypes)
      .where(and(eq(eventTypes.branchId, p('branchId')), eq(eventTypes.calcomId, p('calcomId'))))
      .prepare(),
    staffId: db
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.branchId, p('branchId')), eq(staff.calcomHostId, p('hostId'))))
      .prepare(),
  }
}
