// The branch's appointments: the day view read (the desk's hottest query) and the writes that
// keep it current. Every write commits its history row in the same transaction and tells the
// desk's events only after the commit, so a listener never sees a change that could still roll back.
import { and, asc, desc, eq, gt, gte, inArray, lt, notInArray, or, sql } from 'drizzle-orm'
import type { HistoryChange } from '../../../shared/api/history-codes'
import type { Appointment, AppointmentHistoryEntry } from '../../../shared/api/schemas'
import type {
  AppointmentStatus,
  SyncState,
  VisitState,
} from '../../../shared/domain/appointment-status'
import type { DeskDb } from '../db/open-database'
import { placeholders, PreparedByShape } from '../db/prepared-by-shape'
import { actingPerson } from '../audit/acting-person'
import { appointmentHistory, appointments, branches, eventTypes, staff } from '../db/schema'
import type { DeskEvents } from '../events/desk-events'
import { dayOf, type DayRange } from '../time/branch-day'
import { StaffMoveStore } from './staff-move-store'

export interface AppointmentInput {
  uid: string
  calcomId?: number | null
  branchId: number
  eventTypeId?: number | null
  staffId?: number | null
  title: string
  start: Date | string
  end: Date | string
  status: AppointmentStatus
  visitState?: VisitState
  walkIn?: boolean
  attendee: { name: string; email?: string | null; phone?: string | null; timeZone?: string | null }
  rescheduledFromUid?: string | null
  rescheduledToUid?: string | null
  cancellationReason?: string | null
  paid?: boolean
  metadata?: Record<string, string> | null
  calcomUpdatedAt?: Date | string | null
  syncState?: SyncState
}

export type HistorySource = 'calcom' | 'reconcile' | 'desk'

/** The person signed in at the desk when a request wrote this history row. */
function actingColumns(): { personId: string | null; personName: string | null } {
  const person = actingPerson()?.person
  return { personId: person?.id ?? null, personName: person?.name ?? null }
}

/** An appointment that keeps its host busy, with its event type's buffers in minutes. */
export interface HostAppointment {
  uid: string
  title: string
  startsAt: number
  endsAt: number
  beforeBufferMinutes: number | null
  afterBufferMinutes: number | null
}

export interface PastClient {
  name: string
  email: string | null
  phone: string | null
  startsAt: number
}

/** Rows read per client search: the most recent matches are enough to fill a suggestion list. */
const CLIENT_CANDIDATE_ROWS = 500

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

const toMs = (t: Date | string): number => {
  const ms = t instanceof Date ? t.getTime() : Date.parse(t)
  if (Number.isNaN(ms)) throw new Error(`Not a date-time: ${String(t)}`)
  return ms
}

export class AppointmentStore {
  readonly #dayQuery
  readonly #history
  readonly #pending
  readonly #ofHost
  readonly #ofBranch
  readonly #linkClient
  readonly #byUid
  readonly #rowByUid
  readonly #startOf
  readonly #zoneOfBranch
  readonly #bookedAt
  readonly #pastClientsByText
  readonly #pastClientsByTextOrPhone
  readonly #eventTypeIdsOf
  readonly #startsAndZonesOf
  readonly #insertHistory
  readonly #insertRow
  /** An upsert by uid: one statement per set of fields it sets, the desk's own left out or not. */
  readonly #upsertRow
  readonly #takeOverDeskFields
  readonly #dropRow
  readonly #renameRow
  readonly #renameHistory
  readonly #relinkClient
  readonly #unlinkClients
  /** A patch sets the fields it is given: one statement per set of fields. */
  readonly #patch
  readonly #staffMoves

  // Statements are prepared once on the desk's one connection; a caller's transaction runs on
  // that same connection, so reads inside it see its writes.
  constructor(
    private readonly db: DeskDb,
    private readonly events: DeskEvents,
    /** The desk's clock: history rows are stamped by it, not SQLite's (a demo's day shows). */
    private readonly now: () => number = Date.now,
  ) {
    this.#staffMoves = new StaffMoveStore(db)
    // Only the columns the day view shows: the full row also carries JSON metadata and
    // bookkeeping that every row would pay to read and map.
    this.#dayQuery = db
      .select({
        ...shownColumns,
        eventTypeTitle: eventTypes.title,
        eventTypeLength: eventTypes.lengthMinutes,
      })
      .from(appointments)
      .leftJoin(eventTypes, eq(eventTypes.id, appointments.eventTypeId))
      .leftJoin(staff, eq(staff.id, appointments.staffId))
      .where(
        and(
          eq(appointments.branchId, sql.placeholder('branchId')),
          gte(appointments.startsAt, sql.placeholder('from')),
          lt(appointments.startsAt, sql.placeholder('to')),
        ),
      )
      .orderBy(asc(appointments.startsAt), asc(staff.name), asc(appointments.uid))
      .prepare()
    const uid = sql.placeholder('uid')
    this.#byUid = db
      .select({
        a: appointments,
        eventTypeTitle: eventTypes.title,
        eventTypeLength: eventTypes.lengthMinutes,
      })
      .from(appointments)
      .leftJoin(eventTypes, eq(eventTypes.id, appointments.eventTypeId))
      .where(eq(appointments.uid, uid))
      .prepare()
    this.#rowByUid = db.select().from(appointments).where(eq(appointments.uid, uid)).prepare()
    this.#startOf = db
      .select({ startsAt: appointments.startsAt })
      .from(appointments)
      .where(eq(appointments.uid, uid))
      .prepare()
    this.#zoneOfBranch = db
      .select({ z: branches.timeZone })
      .from(branches)
      .where(eq(branches.id, sql.placeholder('branchId')))
      .prepare()
    this.#history = db
      .select()
      .from(appointmentHistory)
      .where(eq(appointmentHistory.uid, sql.placeholder('uid')))
      .orderBy(asc(appointmentHistory.id))
      .prepare()
    this.#pending = db
      .select({ uid: appointments.uid })
      .from(appointments)
      .where(
        and(
          eq(appointments.branchId, sql.placeholder('branchId')),
          eq(appointments.status, 'PENDING'),
          gte(appointments.endsAt, sql.placeholder('now')),
        ),
      )
      .orderBy(asc(appointments.startsAt), asc(appointments.uid))
      .limit(sql.placeholder('limit'))
      .prepare()
    this.#ofHost = db
      .select({
        uid: appointments.uid,
        title: appointments.title,
        startsAt: appointments.startsAt,
        endsAt: appointments.endsAt,
        beforeBufferMinutes: eventTypes.beforeBufferMinutes,
        afterBufferMinutes: eventTypes.afterBufferMinutes,
      })
      .from(appointments)
      .leftJoin(eventTypes, eq(eventTypes.id, appointments.eventTypeId))
      .where(
        and(
          eq(appointments.branchId, sql.placeholder('branchId')),
          eq(appointments.staffId, sql.placeholder('staffId')),
          // Accepted or pending in Cal.com: a no-show or a completed visit was accepted too.
          inArray(appointments.status, ['SCHEDULED', 'PENDING', 'NO_SHOW', 'COMPLETED']),
          lt(appointments.startsAt, sql.placeholder('to')),
          gt(appointments.endsAt, sql.placeholder('from')),
        ),
      )
      .prepare()
    // Prepared once: deriving the clients of a large history links every appointment.
    this.#linkClient = db
      .update(appointments)
      .set({ clientId: sql.placeholder('clientId') as unknown as number })
      .where(eq(appointments.uid, sql.placeholder('uid')))
      .prepare()
    this.#ofBranch = db
      .select()
      .from(appointments)
      .where(eq(appointments.branchId, sql.placeholder('branchId')))
      .orderBy(asc(appointments.startsAt), asc(appointments.uid))
      .prepare()
    // A list is one JSON array parameter, so one statement serves lists of any length.
    const listOf = (name: string) => sql`(select value from json_each(${sql.placeholder(name)}))`
    this.#bookedAt = db
      .select()
      .from(appointments)
      .where(
        and(
          eq(appointments.branchId, sql.placeholder('branchId')),
          eq(appointments.startsAt, sql.placeholder('startsAt')),
          eq(appointments.eventTypeId, sql.placeholder('eventTypeId')),
          notInArray(appointments.status, listOf('exceptStatuses')),
          gte(appointments.createdAt, sql.placeholder('madeSince')),
        ),
      )
      .prepare()
    const pastClients = (phoneToo: boolean) => {
      const pattern = sql.placeholder('pattern')
      const matches = [
        sql`${appointments.attendeeName} LIKE ${pattern} ESCAPE '\\'`,
        sql`${appointments.attendeeEmail} LIKE ${pattern} ESCAPE '\\'`,
      ]
      if (phoneToo) {
        // Phones are stored as typed ("+1 (416) 555-0100"): compare their digits only.
        matches.push(
          sql`replace(replace(replace(replace(replace(${appointments.attendeePhone}, ' ', ''), '-', ''), '(', ''), ')', ''), '+', '') LIKE ${sql.placeholder('digits')}`,
        )
      }
      return db
        .select({
          name: appointments.attendeeName,
          email: appointments.attendeeEmail,
          phone: appointments.attendeePhone,
          startsAt: appointments.startsAt,
        })
        .from(appointments)
        .where(and(eq(appointments.branchId, sql.placeholder('branchId')), or(...matches)))
        .orderBy(desc(appointments.startsAt))
        .limit(CLIENT_CANDIDATE_ROWS)
        .prepare()
    }
    this.#pastClientsByText = pastClients(false)
    this.#pastClientsByTextOrPhone = pastClients(true)
    this.#eventTypeIdsOf = db
      .selectDistinct({ eventTypeId: appointments.eventTypeId })
      .from(appointments)
      .where(inArray(appointments.uid, listOf('uids')))
      .prepare()
    this.#startsAndZonesOf = db
      .select({ startsAt: appointments.startsAt, zone: branches.timeZone })
      .from(appointments)
      .innerJoin(branches, eq(branches.id, appointments.branchId))
      .where(inArray(appointments.uid, listOf('uids')))
      .prepare()
    this.#insertHistory = db
      .insert(appointmentHistory)
      .values({
        at: sql.placeholder('at'),
        uid: sql.placeholder('uid'),
        source: sql.placeholder('source'),
        change: sql.placeholder('change'),
        detail: sql.placeholder('detail'),
        personId: sql.placeholder('personId'),
        personName: sql.placeholder('personName'),
      })
      .prepare()
    this.#insertRow = new PreparedByShape((fields) =>
      db
        .insert(appointments)
        .values(placeholders(fields) as never)
        .prepare(),
    )
    this.#upsertRow = new PreparedByShape((fields) => {
      // Fields named `set:<column>` are what a conflict overwrites (the row less its uid and the
      // desk-owned fields the caller left out); the rest are the row inserted.
      const set = Object.fromEntries(
        fields.filter((f) => f.startsWith('set:')).map((f) => [f.slice(4), sql.placeholder(f)]),
      )
      return db
        .insert(appointments)
        .values(placeholders(fields.filter((f) => !f.startsWith('set:'))) as never)
        .onConflictDoUpdate({ target: appointments.uid, set: set as never })
        .prepare()
    })
    this.#takeOverDeskFields = db
      .update(appointments)
      .set({
        visitState: sql.placeholder('visitState') as never,
        walkIn: sql.placeholder('walkIn') as never,
        deskNotes: sql.placeholder('deskNotes') as never,
        clientId: sql.placeholder('clientId') as never,
      })
      .where(eq(appointments.uid, uid))
      .prepare()
    this.#dropRow = db.delete(appointments).where(eq(appointments.uid, uid)).prepare()
    this.#renameRow = db
      .update(appointments)
      .set({ uid: sql.placeholder('to') as never })
      .where(eq(appointments.uid, sql.placeholder('from')))
      .prepare()
    this.#renameHistory = db
      .update(appointmentHistory)
      .set({ uid: sql.placeholder('to') as never })
      .where(eq(appointmentHistory.uid, sql.placeholder('from')))
      .prepare()
    this.#relinkClient = db
      .update(appointments)
      .set({ clientId: sql.placeholder('to') as never })
      .where(eq(appointments.clientId, sql.placeholder('from')))
      .prepare()
    this.#unlinkClients = db
      .update(appointments)
      .set({ clientId: null })
      .where(eq(appointments.branchId, sql.placeholder('branchId')))
      .prepare()
    this.#patch = new PreparedByShape((fields) =>
      db
        .update(appointments)
        .set(placeholders(fields))
        .where(eq(appointments.uid, sql.placeholder('uid')))
        .prepare(),
    )
  }

  /** One history row, in the caller's transaction (prepared statements share its connection). */
  #writeHistory(row: {
    uid: string
    source: HistorySource
    change: string
    detail: unknown
    personId?: string | null
    personName?: string | null
  }): void {
    this.#insertHistory.run({ at: this.now(), personId: null, personName: null, ...row })
  }

  /** Every stored row of the branch, desk-owned fields included, by start (checks and support). */
  rowsOf(branchId: number): AppointmentRow[] {
    return this.#ofBranch.all({ branchId })
  }

  /** Appointments starting within the day, ordered by start, then staff. */
  day(branchId: number, range: DayRange): Appointment[] {
    return this.#dayQuery
      .all({ branchId, from: range.startsAt, to: range.endsAt })
      .map((r) => toAppointment(r, r.eventTypeTitle, r.eventTypeLength))
  }

  byUid(uid: string): Appointment | undefined {
    const r = this.#byUid.get({ uid })
    return r && toAppointment(r.a, r.eventTypeTitle, r.eventTypeLength)
  }

  /** An appointment's history, oldest first. */
  history(uid: string): AppointmentHistoryEntry[] {
    return this.#history.all({ uid }).map(
      (h) =>
        ({
          at: new Date(h.at).toISOString(),
          source: h.source,
          // The column pair is written only as a HistoryChange, so code and params agree.
          code: h.change,
          params: h.detail ?? {},
          ...(h.personId ? { by: { personId: h.personId, name: h.personName ?? '' } } : {}),
        }) as AppointmentHistoryEntry,
    )
  }

  /** The branch's appointments of one event type at one start, made since `madeSince`. */
  bookedAt(
    at: { branchId: number; startsAt: number; eventTypeId: number; madeSince: number },
    exceptStatuses: readonly AppointmentStatus[],
  ): AppointmentRow[] {
    return this.#bookedAt.all({ ...at, exceptStatuses: JSON.stringify(exceptStatuses) })
  }

  /** The branch's bookings waiting to be confirmed that are not over yet, soonest first. */
  pendingConfirmation(branchId: number, now: number, limit: number): Appointment[] {
    return this.#pending.all({ branchId, now, limit }).flatMap(({ uid }) => this.byUid(uid) ?? [])
  }

  /** The staff member's appointments that hold them busy and overlap [fromMs, toMs). */
  holdingHost(branchId: number, staffId: number, fromMs: number, toMs: number): HostAppointment[] {
    return this.#ofHost.all({ branchId, staffId, from: fromMs, to: toMs })
  }

  /**
   * The branch's most recent attendees whose name or email contains `query`, or whose phone's
   * digits contain `digits` (three or more).
   */
  pastClients(branchId: number, query: string, digits: string): PastClient[] {
    const pattern = `%${escapeLike(query.trim())}%`
    return digits.length >= 3
      ? this.#pastClientsByTextOrPhone.all({ branchId, pattern, digits: `%${digits}%` })
      : this.#pastClientsByText.all({ branchId, pattern })
  }

  /** The event types (desk ids) of these appointments. */
  eventTypeIdsOf(uids: readonly string[]): number[] {
    return this.#eventTypeIdsOf
      .all({ uids: JSON.stringify(uids) })
      .flatMap((r) => (r.eventTypeId === null ? [] : [r.eventTypeId]))
  }

  /** Inserts or replaces appointments by uid, all in one transaction, then announces them. */
  upsertMany(inputs: readonly AppointmentInput[], source: HistorySource): void {
    if (inputs.length === 0) return
    const touched = this.db.transaction(() => {
      const dates = new Set<string>()
      const zones = new Map<number, string>()
      const zoneOf = (branchId: number) => {
        let zone = zones.get(branchId)
        if (!zone) {
          zone = this.#zoneOfBranch.get({ branchId })?.z
          if (!zone) throw new Error(`No branch ${branchId}`)
          zones.set(branchId, zone)
        }
        return zone
      }
      for (const input of inputs) {
        const values = toRow(input)
        const before = this.#startOf.get({ uid: input.uid })
        const { uid: _uid, ...changes } = values
        // Visit state and the walk-in flag belong to the desk (DESIGN.md §2): a later write that
        // does not mention them (a Cal.com update, a reconcile) must not reset an arrival.
        if (input.visitState === undefined) delete changes.visitState
        if (input.walkIn === undefined) delete changes.walkIn
        const params: Record<string, unknown> = { ...values }
        for (const [field, value] of Object.entries({ ...changes, updatedAt: Date.now() }))
          params[`set:${field}`] = value
        this.#upsertRow.for(params).run(params)
        this.#writeHistory({
          uid: input.uid,
          source,
          change: before ? 'updated' : 'created',
          detail: { status: input.status, start: values.startsAt, end: values.endsAt },
        })
        const zone = zoneOf(input.branchId)
        dates.add(dayOf(values.startsAt, zone))
        if (before && before.startsAt !== values.startsAt) dates.add(dayOf(before.startsAt, zone))
      }
      return [...dates]
    })
    this.events.emit('appointmentsChanged', { uids: inputs.map((i) => i.uid), dates: touched })
  }

  upsert(input: AppointmentInput, source: HistorySource): void {
    this.upsertMany([input], source)
  }

  // The desk's own writes (actions and the outbox, src/main/core/{actions,outbox}). They join the
  // caller's transaction, which also writes the outbox and audit rows, and announce nothing: the
  // caller calls `announce` once the transaction has committed.

  /** The stored row as it is, desk-owned fields included. */
  rowByUid(uid: string): AppointmentRow | undefined {
    return this.#rowByUid.get({ uid })
  }

  /** Inserts a new appointment (a desk booking under its placeholder uid) with its history. */
  insertInTx(_tx: AppointmentTx, input: AppointmentInput, history: HistoryChange): void {
    const values = toRow(input)
    this.#insertRow.for(values).run(values)
    this.#writeHistory({
      uid: input.uid,
      source: 'desk',
      change: history.code,
      detail: history.params,
      ...actingColumns(),
    })
  }

  /** Changes some fields of one appointment, with a history row. */
  patchInTx(
    tx: AppointmentTx,
    uid: string,
    changes: AppointmentPatch,
    history?: HistoryChange & { source?: HistorySource },
  ): void {
    const values = { ...changes, updatedAt: Date.now() }
    this.#patch.for(values).run({ ...values, uid })
    if (history) {
      this.#writeHistory({
        uid,
        source: history.source ?? 'desk',
        change: history.code,
        detail: history.params,
        ...((history.source ?? 'desk') === 'desk' ? actingColumns() : {}),
      })
    }
  }

  /**
   * Gives an appointment the uid Cal.com assigned (the desk's placeholder until then), history
   * included. When Cal.com's uid is already stored (the inbox heard of the booking first), the
   * desk-owned fields move onto that row and the placeholder row goes.
   */
  renameInTx(_tx: AppointmentTx, from: string, to: string): void {
    if (from === to) return
    const existing = this.rowByUid(to)
    const placeholder = this.rowByUid(from)
    if (existing && placeholder) {
      this.#takeOverDeskFields.run({
        uid: to,
        visitState: placeholder.visitState,
        walkIn: placeholder.walkIn,
        deskNotes: placeholder.deskNotes ?? existing.deskNotes,
        clientId: existing.clientId ?? placeholder.clientId,
      })
      this.#dropRow.run({ uid: from })
    } else {
      this.#renameRow.run({ from, to })
    }
    this.#renameHistory.run({ from, to })
  }

  // Which client each appointment belongs to is the clients module's to decide
  // (clients/client-directory.ts); these write only the link, in the caller's transaction.

  /** Links one appointment to its client. */
  linkClient(uid: string, clientId: number): void {
    this.#linkClient.run({ uid, clientId })
  }

  /** Moves every appointment of one client to another (a merge). */
  relinkClient(fromClientId: number, toClientId: number): void {
    this.#relinkClient.run({ from: fromClientId, to: toClientId })
  }

  /** Unlinks every appointment of the branch from its client, before clients are derived again. */
  unlinkClients(branchId: number): void {
    this.#unlinkClients.run({ branchId })
  }

  /**
   * Moves every appointment of staff row `from` to `to` (the staff module's fold of a member split
   * in two, staff/split-member-store.ts), in the caller's transaction, announcing nothing; answers
   * the uids moved, for the caller to announce once it has committed.
   */
  moveStaff(from: number, to: number): string[] {
    return this.#staffMoves.moveAll(from, to, this.now())
  }

  /** Tells the desk's events about appointments a committed transaction changed. */
  announce(uids: readonly string[], alsoStartsAt: readonly number[] = []): void {
    if (uids.length === 0) return
    const rows = this.#startsAndZonesOf.all({ uids: JSON.stringify(uids) })
    const zone = rows[0]?.zone
    const dates = new Set(rows.map((r) => dayOf(r.startsAt, r.zone)))
    if (zone) for (const at of alsoStartsAt) dates.add(dayOf(at, zone))
    this.events.emit('appointmentsChanged', { uids: [...uids], dates: [...dates] })
  }
}

export type AppointmentRow = typeof appointments.$inferSelect
export type AppointmentPatch = Partial<Omit<AppointmentRow, 'uid' | 'createdAt' | 'updatedAt'>>
/** The database or an open transaction. */
export type AppointmentTx = Pick<DeskDb, 'select' | 'insert' | 'update' | 'delete'>

function toRow(input: AppointmentInput): typeof appointments.$inferInsert {
  const startsAt = toMs(input.start)
  const endsAt = toMs(input.end)
  if (endsAt < startsAt) throw new Error(`Appointment ${input.uid} ends before it starts`)
  return {
    uid: input.uid,
    calcomId: input.calcomId ?? null,
    branchId: input.branchId,
    eventTypeId: input.eventTypeId ?? null,
    staffId: input.staffId ?? null,
    title: input.title,
    startsAt,
    endsAt,
    status: input.status,
    visitState: input.visitState ?? 'NONE',
    walkIn: input.walkIn ?? false,
    attendeeName: input.attendee.name,
    attendeeEmail: input.attendee.email ?? null,
    attendeePhone: input.attendee.phone ?? null,
    attendeeTimeZone: input.attendee.timeZone ?? null,
    rescheduledFromUid: input.rescheduledFromUid ?? null,
    rescheduledToUid: input.rescheduledToUid ?? null,
    cancellationReason: input.cancellationReason ?? null,
    paid: input.paid ?? false,
    metadata: input.metadata ?? null,
    calcomUpdatedAt: input.calcomUpdatedAt ? toMs(input.calcomUpdatedAt) : null,
    syncState: input.syncState ?? 'synced',
  }
}

/** The columns an `Appointment` is made of (the day view reads just these). */
const SHOWN_COLUMNS = [
  'uid',
  'calcomId',
  'title',
  'startsAt',
  'endsAt',
  'status',
  'visitState',
  'syncState',
  'walkIn',
  'paid',
  'staffId',
  'eventTypeId',
  'attendeeName',
  'attendeeEmail',
  'attendeePhone',
  'attendeeTimeZone',
  'rescheduledFromUid',
  'rescheduledToUid',
  'cancellationReason',
  'deskNotes',
] as const
type AppointmentShownColumns = Pick<AppointmentRow, (typeof SHOWN_COLUMNS)[number]>
const shownColumns = Object.fromEntries(SHOWN_COLUMNS.map((c) => [c, appointments[c]])) as {
  [C in (typeof SHOWN_COLUMNS)[number]]: (typeof appointments)[C]
}

function toAppointment(
  a: AppointmentShownColumns,
  eventTypeTitle: string | null,
  eventTypeLength: number | null,
): Appointment {
  return {
    uid: a.uid,
    calcomId: a.calcomId,
    title: a.title,
    start: new Date(a.startsAt).toISOString(),
    end: new Date(a.endsAt).toISOString(),
    status: a.status,
    visitState: a.visitState,
    syncState: a.syncState,
    walkIn: a.walkIn,
    paid: a.paid,
    staffId: a.staffId,
    eventType:
      a.eventTypeId !== null && eventTypeTitle !== null && eventTypeLength !== null
        ? { id: a.eventTypeId, title: eventTypeTitle, lengthInMinutes: eventTypeLength }
        : null,
    attendee: {
      name: a.attendeeName,
      email: a.attendeeEmail,
      phone: a.attendeePhone,
      timeZone: a.attendeeTimeZone,
    },
    rescheduledFromUid: a.rescheduledFromUid,
    rescheduledToUid: a.rescheduledToUid,
    cancellationReason: a.cancellationReason,
    deskNotes: a.deskNotes,
  }
}
