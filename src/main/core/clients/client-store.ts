// The branch's clients as stored: `clients`, their identity keys, merges by hand, desk notes and
// alerts, and the FTS5 search index over them (`clients_fts`, drizzle/0006_clients.sql). Raw
// SQL through statements prepared once, because drizzle knows nothing of FTS5 and the search is
// a hot path; client-directory.ts decides what to write, this file only reads and writes.
import type { Statement } from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import type { AppointmentStatus } from '../../../shared/domain/appointment-status'
import type { ClientNoteKind } from '../../../shared/api/clients'
import type { DeskDb } from '../db/open-database'
// Imported for the table it owns (the repository's one-owner rule reads imports of the schema).
import type { clientNotes } from '../db/schema'

export interface ClientRow {
  id: number
  branchId: number
  name: string
  email: string | null
  phone: string | null
  clientKey: string
  bookings: number
  lastBookingAt: number | null
}

/** A client's search row: each field's words separated by spaces. */
export interface SearchRow {
  names: string
  emails: string
  phones: string
}

export type ClientNoteRow = Omit<typeof clientNotes.$inferSelect, 'kind'> & { kind: ClientNoteKind }

export interface AttendeeOfAppointment {
  uid: string
  branchId: number
  clientId: number | null
  name: string
  email: string | null
  phone: string | null
}

export interface VisitRow {
  uid: string
  startsAt: number
  endsAt: number
  status: AppointmentStatus
  staffId: number | null
  service: string
}

export interface CancelledRow {
  uid: string
  branchId: number
  eventTypeId: number | null
  startsAt: number
  /** When it became cancelled: its first history entry saying so, else its last update. */
  cancelledAt: number
}

export interface MergeRow {
  fromKey: string
  intoKey: string
}

const CLIENT_COLUMNS = `c.id, c.branch_id as branchId, c.name, c.email, c.phone,
  c.client_key as clientKey, c.bookings, c.last_booking_at as lastBookingAt`

/** Visits that were not replaced by a reschedule: the ones a client actually had or has. */
const NOT_SUPERSEDED = `a.status <> 'RESCHEDULED'`

export class ClientStore {
  readonly #s: Record<string, Statement>

  constructor(private readonly db: DeskDb) {
    const p = (sql: string) => db.$client.prepare(sql)
    this.#s = {
      keyOwner: p('select client_id as id from client_keys where branch_id = ? and key = ?'),
      insertKey: p(
        'insert or ignore into client_keys (branch_id, key, client_id) values (?, ?, ?)',
      ),
      keysOf: p('select key from client_keys where client_id = ? order by key'),
      moveKeys: p('update client_keys set client_id = ? where client_id = ?'),
      insertClient: p(
        'insert into clients (branch_id, name, email, phone, client_key) values (?, ?, ?, ?, ?) returning id',
      ),
      client: p(`select ${CLIENT_COLUMNS} from clients c where c.id = ?`),
      clientOfKey: p(
        `select ${CLIENT_COLUMNS} from client_keys k join clients c on c.id = k.client_id
         where k.branch_id = ? and k.key = ?`,
      ),
      deleteClient: p('delete from clients where id = ?'),
      latestOf: p(
        `select attendee_name as name,
           (select attendee_email from appointments where client_id = @id and attendee_email is not null
             order by starts_at desc limit 1) as email,
           (select attendee_phone from appointments where client_id = @id and attendee_phone is not null
             order by starts_at desc limit 1) as phone
         from appointments where client_id = @id order by starts_at desc limit 1`,
      ),
      refreshCounts: p(
        `update clients set
           bookings = (select count(*) from appointments a where a.client_id = @id and ${NOT_SUPERSEDED}),
           last_booking_at = (select max(starts_at) from appointments where client_id = @id),
           name = coalesce(@name, name), email = @email, phone = @phone,
           updated_at = cast(unixepoch('subsec') * 1000 as integer)
         where id = @id`,
      ),
      identitiesOf: p(
        `select distinct attendee_name as name, attendee_email as email, attendee_phone as phone
         from appointments where client_id = ?`,
      ),
      ftsDelete: p(
        'delete from clients_fts where rowid = (select search_rowid from clients where id = ?)',
      ),
      ftsInsert: p(
        `insert into clients_fts (rowid, names, emails, phones, client_id, branch_id)
         values (@rowid, @names, @emails, @phones, @id, @branchId)`,
      ),
      setSearchRowid: p('update clients set search_rowid = ? where id = ?'),
      ftsDeleteRow: p('delete from clients_fts where rowid = ?'),
      searchPlace: p(
        `select branch_id as branchId, last_booking_at as lastBookingAt, search_rowid as searchRowid
         from clients where id = ?`,
      ),
      // Newest first straight from the index: FTS5 walks its rowids (recency) backwards and stops
      // at the page's end, instead of sorting every client the words match.
      search: p(
        `select ${CLIENT_COLUMNS} from (
           select rowid as r, client_id from clients_fts
           where clients_fts match @match and branch_id = @branchId
           order by rowid desc limit @limit offset @offset
         ) f join clients c on c.id = f.client_id order by f.r desc`,
      ),
      list: p(
        `select ${CLIENT_COLUMNS} from clients c where c.branch_id = @branchId
         order by c.last_booking_at desc nulls last, c.id desc limit @limit offset @offset`,
      ),
      attendeeOf: p(
        `select uid, branch_id as branchId, client_id as clientId, attendee_name as name,
           attendee_email as email, attendee_phone as phone from appointments where uid = ?`,
      ),
      unassigned: p(
        `select uid, branch_id as branchId, client_id as clientId, attendee_name as name,
           attendee_email as email, attendee_phone as phone
         -- The index by client holds the unlinked rows first; left to the planner, statistics
         -- taken while most rows were unlinked make it scan the whole table at every start.
         from appointments indexed by appointments_client where client_id is null limit ?`,
      ),
      clientIdsOfBranch: p('select id from clients where branch_id = ?'),
      ftsOfBranch: p('delete from clients_fts where branch_id = ?'),
      uncounted: p('select id from clients where last_booking_at is null'),
      deleteKeysOfBranch: p('delete from client_keys where branch_id = ?'),
      deleteClientsOfBranch: p('delete from clients where branch_id = ?'),
      visits: p(
        `select a.uid, a.starts_at as startsAt, a.ends_at as endsAt, a.status, a.staff_id as staffId,
           coalesce(e.title, a.title) as service
         from appointments a left join event_types e on e.id = a.event_type_id
         where a.client_id = @id and ${NOT_SUPERSEDED}
           -- A visit under way (arrived, in service) or done is no longer upcoming, whatever
           -- the clocks say: it is the latest of the past ones.
           and case when @upcoming = 1
             then a.starts_at >= @now and a.status in ('SCHEDULED', 'PENDING')
               and a.visit_state = 'NONE'
             else a.starts_at < @now or a.visit_state <> 'NONE' end
         order by case when @upcoming = 1 then a.starts_at else -a.starts_at end
         limit @limit`,
      ),
      services: p(
        `select coalesce(e.title, a.title) as service, count(*) as visits
         from appointments a left join event_types e on e.id = a.event_type_id
         where a.client_id = ? and a.status not in ('CANCELLED', 'REJECTED', 'RESCHEDULED')
         group by 1 order by visits desc, service`,
      ),
      noShows: p(
        `select count(*) as n from appointments where client_id = ? and status = 'NO_SHOW'`,
      ),
      cancelled: p(
        `select a.uid, a.branch_id as branchId, a.event_type_id as eventTypeId,
           a.starts_at as startsAt, coalesce(
           (select min(h.at) from appointment_history h where h.uid = a.uid and (
              h.change = 'cancelled_at_desk'
              or json_extract(h.detail, '$.status') = 'CANCELLED'
              or json_extract(h.detail, '$.statusTo') = 'CANCELLED')),
           a.updated_at) as cancelledAt
         from appointments a where a.client_id = ? and a.status = 'CANCELLED'`,
      ),
      notesOf: p(
        `select n.id, n.branch_id as branchId, n.client_key as clientKey, n.kind, n.text,
           n.author_person_id as authorPersonId, n.author_name as authorName,
           n.created_at as createdAt, n.updated_at as updatedAt, n.removed_at as removedAt
         from client_keys k join client_notes n on n.branch_id = k.branch_id and n.client_key = k.key
         where k.client_id = ? and n.removed_at is null order by n.created_at, n.id`,
      ),
      note: p(
        `select id, branch_id as branchId, client_key as clientKey, kind, text,
           author_person_id as authorPersonId, author_name as authorName, created_at as createdAt,
           updated_at as updatedAt, removed_at as removedAt
         from client_notes where id = ?`,
      ),
      notesOfBranch: p(
        `select id, branch_id as branchId, client_key as clientKey, kind, text,
           author_person_id as authorPersonId, author_name as authorName, created_at as createdAt,
           updated_at as updatedAt, removed_at as removedAt
         from client_notes where branch_id = ? order by created_at, id`,
      ),
      insertNote: p(
        `insert into client_notes (id, branch_id, client_key, kind, text, author_person_id, author_name,
           created_at, updated_at) values (@id, @branchId, @clientKey, @kind, @text, @personId,
           @personName, @at, @at)`,
      ),
      changeNote: p('update client_notes set text = ?, updated_at = ? where id = ?'),
      removeNote: p('update client_notes set removed_at = ?, updated_at = ? where id = ?'),
      dayAlerts: p(
        `select a.uid, a.client_id as clientId, n.text as alert
         from appointments a
         left join client_keys k on k.client_id = a.client_id
         left join client_notes n on n.branch_id = k.branch_id and n.client_key = k.key
           and n.kind = 'alert' and n.removed_at is null
         where a.branch_id = ? and a.starts_at >= ? and a.starts_at < ?
         order by a.starts_at, a.uid, n.created_at`,
      ),
      insertMerge: p(
        `insert into client_merges (id, branch_id, from_key, into_key, person_id, person_name)
         values (?, ?, ?, ?, ?, ?)`,
      ),
      mergesOf: p(
        'select from_key as fromKey, into_key as intoKey from client_merges where branch_id = ? order by merged_at, rowid',
      ),
    }
  }

  /** Runs `work` in one SQLite transaction (nested calls join the outer one). */
  transaction<T>(work: () => T): T {
    return this.db.$client.transaction(work)()
  }

  ownerOf(branchId: number, key: string): number | undefined {
    return (this.#s.keyOwner!.get(branchId, key) as { id: number } | undefined)?.id
  }

  addKeys(branchId: number, clientId: number, keys: readonly string[]): void {
    for (const key of keys) this.#s.insertKey!.run(branchId, key, clientId)
  }

  keysOf(clientId: number): string[] {
    return (this.#s.keysOf!.all(clientId) as { key: string }[]).map((r) => r.key)
  }

  create(
    branchId: number,
    a: { name: string; email: string | null; phone: string | null },
    key: string,
  ): number {
    const { id } = this.#s.insertClient!.get(branchId, a.name, null, null, key) as { id: number }
    return id
  }

  byId(id: number): ClientRow | undefined {
    return this.#s.client!.get(id) as ClientRow | undefined
  }

  byKey(branchId: number, key: string): ClientRow | undefined {
    return this.#s.clientOfKey!.get(branchId, key) as ClientRow | undefined
  }

  /** Moves every key of `fromId` to `intoId` and deletes `fromId` (its bookings moved first). */
  absorb(intoId: number, fromId: number): void {
    this.#s.moveKeys!.run(intoId, fromId)
    this.#s.ftsDelete!.run(fromId)
    this.#s.deleteClient!.run(fromId)
  }

  /** Recounts a client's bookings and takes their name, email and phone from the latest ones. */
  refresh(id: number): void {
    const latest = this.#s.latestOf!.get({ id }) as
      { name: string; email: string | null; phone: string | null } | undefined
    this.#s.refreshCounts!.run({
      id,
      name: latest?.name ?? null,
      email: latest?.email ?? null,
      phone: latest?.phone ?? null,
    })
  }

  /**
   * Writes the clients' search rows (each field words separated by spaces) under rowids that
   * order them by their latest booking: its minute, then the client id (unique below 2^21
   * clients), which stays within the integers a JavaScript number holds exactly. FTS5 keeps a
   * transaction's pending writes only while their rowids ascend and flushes a segment at each
   * step back, so the old rows go first and the new ones follow, each in rowid order: indexing
   * 5,000 clients in the order they come cost a segment each (seconds per batch at a million).
   */
  index(rows: readonly ({ id: number } & SearchRow)[]): void {
    const writes = rows.flatMap((row) => {
      const client = this.#s.searchPlace!.get(row.id) as
        { branchId: number; lastBookingAt: number | null; searchRowid: number | null } | undefined
      if (!client) return []
      const minute = Math.floor((client.lastBookingAt ?? 0) / 60_000)
      const rowid = Math.max(0, minute) * 2 ** 21 + (row.id % 2 ** 21)
      return [{ ...row, rowid, old: client.searchRowid, branchId: client.branchId }]
    })
    const olds = writes.flatMap((w) => (w.old === null ? [] : [w.old])).sort((a, b) => a - b)
    for (const old of olds) this.#s.ftsDeleteRow!.run(old)
    for (const w of writes.sort((a, b) => a.rowid - b.rowid)) {
      this.#s.ftsInsert!.run({
        rowid: w.rowid,
        names: w.names,
        emails: w.emails,
        phones: w.phones,
        id: w.id,
        branchId: w.branchId,
      })
      this.#s.setSearchRowid!.run(w.rowid, w.id)
    }
  }

  /** Every name spelling, email and phone the client's bookings used. */
  identities(id: number): { names: string[]; emails: string[]; phones: string[] } {
    const rows = this.#s.identitiesOf!.all(id) as {
      name: string
      email: string | null
      phone: string | null
    }[]
    const distinct = (values: (string | null)[]) =>
      [...new Set(values.filter((v): v is string => !!v?.trim()))].sort()
    return {
      names: distinct(rows.map((r) => r.name)),
      emails: distinct(rows.map((r) => r.email)),
      phones: distinct(rows.map((r) => r.phone)),
    }
  }

  search(branchId: number, match: string, limit: number, offset: number): ClientRow[] {
    return this.#s.search!.all({ branchId, match, limit, offset }) as ClientRow[]
  }

  list(branchId: number, limit: number, offset: number): ClientRow[] {
    return this.#s.list!.all({ branchId, limit, offset }) as ClientRow[]
  }

  attendeeOf(uid: string): AttendeeOfAppointment | undefined {
    return this.#s.attendeeOf!.get(uid) as AttendeeOfAppointment | undefined
  }

  /** Up to `limit` appointments not yet matched to a client (after an upgrade, or a rebuild). */
  unassigned(limit: number): AttendeeOfAppointment[] {
    return this.#s.unassigned!.all(limit) as AttendeeOfAppointment[]
  }

  /** Clients never counted yet (a derivation stopped before it counted them). */
  uncounted(): number[] {
    return (this.#s.uncounted!.all() as { id: number }[]).map((r) => r.id)
  }

  /** Forgets the branch's derived clients (keys, rows, search rows); notes and merges stay. */
  forgetDerived(branchId: number): void {
    for (const { id } of this.#s.clientIdsOfBranch!.all(branchId) as { id: number }[]) {
      this.#s.ftsDelete!.run(id)
    }
    // Rows a stopped derivation left without a client (none in the normal course).
    this.#s.ftsOfBranch!.run(branchId)
    this.#s.deleteKeysOfBranch!.run(branchId)
    this.#s.deleteClientsOfBranch!.run(branchId)
  }

  /** Upcoming visits (booked, from `now`, not yet arrived) or the others, the past ones. */
  visits(id: number, now: number, upcoming: boolean, limit: number): VisitRow[] {
    return this.#s.visits!.all({ id, now, upcoming: upcoming ? 1 : 0, limit }) as VisitRow[]
  }

  services(id: number): { service: string; visits: number }[] {
    return this.#s.services!.all(id) as { service: string; visits: number }[]
  }

  noShows(id: number): number {
    return (this.#s.noShows!.get(id) as { n: number }).n
  }

  cancelled(id: number): CancelledRow[] {
    return this.#s.cancelled!.all(id) as CancelledRow[]
  }

  notesOf(clientId: number): ClientNoteRow[] {
    return this.#s.notesOf!.all(clientId) as ClientNoteRow[]
  }

  /** Every note and alert of the branch, removed ones included (what desks compare). */
  notesOfBranch(branchId: number): ClientNoteRow[] {
    return this.#s.notesOfBranch!.all(branchId) as ClientNoteRow[]
  }

  note(id: string): ClientNoteRow | undefined {
    return this.#s.note!.get(id) as ClientNoteRow | undefined
  }

  /** `id`: a note another desk of the branch made (its desk event carries the id). */
  addNote(note: {
    id?: string
    branchId: number
    clientKey: string
    kind: ClientNoteKind
    text: string
    person: { id: string; name: string } | null
    at: number
  }): string {
    const id = note.id ?? randomUUID()
    this.#s.insertNote!.run({
      id,
      branchId: note.branchId,
      clientKey: note.clientKey,
      kind: note.kind,
      text: note.text,
      personId: note.person?.id ?? null,
      personName: note.person?.name ?? null,
      at: note.at,
    })
    return id
  }

  changeNote(id: string, text: string, at: number): void {
    this.#s.changeNote!.run(text, at, id)
  }

  removeNote(id: string, at: number): void {
    this.#s.removeNote!.run(at, at, id)
  }

  /** The day's appointments with their client and each active alert of that client (a row each). */
  dayAlerts(branchId: number, from: number, to: number) {
    return this.#s.dayAlerts!.all(branchId, from, to) as {
      uid: string
      clientId: number | null
      alert: string | null
    }[]
  }

  recordMerge(
    branchId: number,
    merge: MergeRow,
    person: { id: string; name: string } | null,
  ): void {
    this.#s.insertMerge!.run(
      randomUUID(),
      branchId,
      merge.fromKey,
      merge.intoKey,
      person?.id ?? null,
      person?.name ?? null,
    )
  }

  merges(branchId: number): MergeRow[] {
    return this.#s.mergesOf!.all(branchId) as MergeRow[]
  }
}
