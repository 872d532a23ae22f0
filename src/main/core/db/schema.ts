// The desk's whole domain in one place (DESIGN.md §2–§4). Times are UTC epoch milliseconds in
// integer columns: they sort and range-scan fast, and no zone ambiguity can creep in.
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type {
  AppointmentStatus,
  ConnectionState,
  DeskRole,
  OutboxState,
  SyncState,
  VisitState,
} from '../../../shared/domain/appointment-status'
import type { HistoryChange, HistoryCode } from '../../../shared/api/history-codes'
import type { OutboxReason } from '../../../shared/api/outbox-reasons'
import type { Role } from '../../../shared/people/roles'
import type { DeskChange } from '../../../shared/relay/desk-events'

const nowMs = sql`(cast(unixepoch('subsec') * 1000 as integer))`
const createdAt = () => integer('created_at').notNull().default(nowMs)
const updatedAt = () => integer('updated_at').notNull().default(nowMs)

/** Small desk-wide facts, e.g. which branch this desk serves. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

export const branches = sqliteTable('branches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  calcomAccountId: integer('calcom_account_id').unique(),
  calcomUsername: text('calcom_username'),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  connection: text('connection').$type<ConnectionState>().notNull().default('disconnected'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

export const staff = sqliteTable(
  'staff',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    calcomHostId: integer('calcom_host_id'),
    /**
     * The member's Cal.com username, lower-cased (Cal.com's are, and compares them so). Event
     * types name their hosts by username only, so it is how the desk knows a member before any
     * booking tells their id. Null on rows from before migration 0010 until Cal.com names them
     * again (a booking of theirs, the next reference refresh).
     */
    calcomUsername: text('calcom_username'),
    name: text('name').notNull(),
    email: text('email'),
    colour: text('colour'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    uniqueIndex('staff_branch_host').on(t.branchId, t.calcomHostId),
    // One row per username: a member can never get a second column under the same username.
    uniqueIndex('staff_branch_username').on(t.branchId, t.calcomUsername),
  ],
)

export const eventTypes = sqliteTable(
  'event_types',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    calcomId: integer('calcom_id').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    lengthMinutes: integer('length_minutes').notNull(),
    beforeBufferMinutes: integer('before_buffer_minutes').notNull().default(0),
    afterBufferMinutes: integer('after_buffer_minutes').notNull().default(0),
    /**
     * Cal.com's minimumBookingNotice. Null when not known: rows synced before the desk kept it
     * (until the branch's reference data is read again), or a Cal.com answer without it.
     */
    minimumNoticeMinutes: integer('minimum_notice_minutes'),
    /** Minor units of `currency` (cents). */
    price: integer('price').notNull().default(0),
    currency: text('currency'),
    requiresConfirmation: integer('requires_confirmation', { mode: 'boolean' })
      .notNull()
      .default(false),
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('event_types_branch_calcom').on(t.branchId, t.calcomId)],
)

/**
 * People who book, derived from the attendees of the branch's bookings (clients/). The old
 * `notes` and `alerts` columns were never written; notes and alerts live in `client_notes`.
 */
export const clients = sqliteTable(
  'clients',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    timeZone: text('time_zone'),
    notes: text('notes'),
    alerts: text('alerts'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** The identity key the client was first known by (clients/client-identity.ts). */
    clientKey: text('client_key'),
    /** Their bookings at the branch and the start of the latest, kept as bookings arrive. */
    bookings: integer('bookings').notNull().default(0),
    lastBookingAt: integer('last_booking_at'),
    /** The rowid of their row in `clients_fts`, which orders the search by recency. */
    searchRowid: integer('search_rowid'),
  },
  (t) => [
    uniqueIndex('clients_branch_email').on(t.branchId, t.email),
    uniqueIndex('clients_branch_key').on(t.branchId, t.clientKey),
    index('clients_branch_recent').on(t.branchId, t.lastBookingAt),
  ],
)

/**
 * Every identity key (an email, a phone's digits, a name) that means a client at a branch. A
 * booking is matched to a client through these; a merge by hand moves the keys of one client to
 * the other. Derived from the bookings and `client_merges`, so it can always be built again.
 */
export const clientKeys = sqliteTable(
  'client_keys',
  {
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    key: text('key').notNull(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.key] }), index('client_keys_client').on(t.clientId)],
)

/**
 * Two clients a receptionist said are one person, by identity key (stable on every desk of the
 * branch, unlike row ids), so the merge outlives re-deriving clients and can be shared (DESIGN §9).
 */
export const clientMerges = sqliteTable(
  'client_merges',
  {
    id: text('id').primaryKey(),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    fromKey: text('from_key').notNull(),
    intoKey: text('into_key').notNull(),
    personId: text('person_id'),
    personName: text('person_name'),
    mergedAt: integer('merged_at').notNull().default(nowMs),
  },
  (t) => [index('client_merges_branch').on(t.branchId, t.mergedAt)],
)

/**
 * Desk notes and alerts about a client: desk-owned state with ids made at the desk (UUIDs, so
 * several desks can share them, DESIGN §9), tied to the client by identity key. A removal keeps
 * the row (`removed_at`) so a later sync can tell "removed" from "never heard of".
 */
export const clientNotes = sqliteTable(
  'client_notes',
  {
    id: text('id').primaryKey(),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    clientKey: text('client_key').notNull(),
    kind: text('kind').$type<'note' | 'alert'>().notNull(),
    text: text('text').notNull(),
    authorPersonId: text('author_person_id'),
    authorName: text('author_name'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    removedAt: integer('removed_at'),
  },
  (t) => [index('client_notes_key').on(t.branchId, t.clientKey)],
)

export const appointments = sqliteTable(
  'appointments',
  {
    uid: text('uid').primaryKey(),
    calcomId: integer('calcom_id'),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    eventTypeId: integer('event_type_id').references(() => eventTypes.id),
    staffId: integer('staff_id').references(() => staff.id),
    clientId: integer('client_id').references(() => clients.id),
    title: text('title').notNull(),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    status: text('status').$type<AppointmentStatus>().notNull(),
    /** The status to return to when a no-show is unmarked. */
    statusBeforeNoShow: text('status_before_no_show').$type<AppointmentStatus>(),
    visitState: text('visit_state').$type<VisitState>().notNull().default('NONE'),
    walkIn: integer('walk_in', { mode: 'boolean' }).notNull().default(false),
    attendeeName: text('attendee_name').notNull(),
    attendeeEmail: text('attendee_email'),
    attendeePhone: text('attendee_phone'),
    attendeeTimeZone: text('attendee_time_zone'),
    rescheduledFromUid: text('rescheduled_from_uid'),
    rescheduledToUid: text('rescheduled_to_uid'),
    cancellationReason: text('cancellation_reason'),
    requestReschedule: integer('request_reschedule', { mode: 'boolean' }).notNull().default(false),
    rejectionReason: text('rejection_reason'),
    paid: integer('paid', { mode: 'boolean' }).notNull().default(false),
    deskNotes: text('desk_notes'),
    /** JSON object as Cal.com holds it (our frontdeskMutationId lives here). */
    metadata: text('metadata', { mode: 'json' }).$type<Record<string, string>>(),
    /** Cal.com's `updatedAt` of the state we hold; older news never overwrites newer. */
    calcomUpdatedAt: integer('calcom_updated_at'),
    syncState: text('sync_state').$type<SyncState>().notNull().default('synced'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The day view: one branch, a UTC range, ordered by start. The index also carries every
    // column the day view shows, so a day is read from a few adjacent index pages instead of one
    // table page per appointment (a branch's rows are spread over the whole table). It costs
    // disk (about 60 % more at 1,000,000 appointments) and buys the desk's hottest read.
    index('appointments_day_view').on(
      t.branchId,
      t.startsAt,
      t.endsAt,
      t.uid,
      t.calcomId,
      t.title,
      t.status,
      t.visitState,
      t.syncState,
      t.walkIn,
      t.paid,
      t.staffId,
      t.eventTypeId,
      t.attendeeName,
      t.attendeeEmail,
      t.attendeePhone,
      t.attendeeTimeZone,
      t.rescheduledFromUid,
      t.rescheduledToUid,
      t.cancellationReason,
      t.deskNotes,
    ),
    index('appointments_updated').on(t.calcomUpdatedAt),
    // A client's visits, newest first (the client card, the client list's counts).
    index('appointments_client').on(t.clientId, t.startsAt),
  ],
)

/** What happened to an appointment, newest last: the history shown at the desk. */
export const appointmentHistory = sqliteTable(
  'appointment_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    uid: text('uid').notNull(),
    at: integer('at').notNull().default(nowMs),
    source: text('source').$type<'calcom' | 'reconcile' | 'desk'>().notNull(),
    /** A HistoryCode, never a sentence; `detail` holds that code's params. */
    change: text('change').$type<HistoryCode>().notNull(),
    detail: text('detail', { mode: 'json' }).$type<HistoryChange['params']>(),
    /** Who did it at a desk (a business person, by id and name as then), when someone was signed in. */
    personId: text('person_id'),
    personName: text('person_name'),
  },
  (t) => [index('appointment_history_uid').on(t.uid, t.id)],
)

/** The desk's own changes waiting for Cal.com, drained in order per booking. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    mutationId: text('mutation_id').notNull().unique(),
    op: text('op').notNull(),
    bookingUid: text('booking_uid').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    state: text('state').$type<OutboxState>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull().default(0),
    /** Why it waits or needs attention, as a code (Cal.com's own words are a param). */
    lastError: text('last_error', { mode: 'json' }).$type<OutboxReason>(),
    createdBy: integer('created_by').references(() => deskUsers.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('outbox_state_next').on(t.state, t.nextAttemptAt),
    index('outbox_booking').on(t.bookingUid, t.id),
  ],
)

/** Keys of inbound events already applied, so a redelivery changes nothing. */
export const appliedEvents = sqliteTable('applied_events', {
  eventKey: text('event_key').primaryKey(),
  appliedAt: integer('applied_at').notNull().default(nowMs),
})

/**
 * Bookings whose Cal.com news arrived while the outbox owned their row: refreshed from Cal.com
 * once the outbox lets go of them.
 */
export const heldBookings = sqliteTable('held_bookings', {
  uid: text('uid').primaryKey(),
  heldAt: integer('held_at').notNull().default(nowMs),
})

/** Where this desk is in its relay channel, and how sync is doing. */
export const relayCursor = sqliteTable('relay_cursor', {
  branchId: integer('branch_id')
    .primaryKey()
    .references(() => branches.id),
  channelId: text('channel_id'),
  deviceId: text('device_id'),
  lastSeq: integer('last_seq').notNull().default(0),
  lastEventAt: integer('last_event_at'),
  lastReconcileAt: integer('last_reconcile_at'),
  updatedAt: updatedAt(),
})

/** Every call to Cal.com: never tokens, never personal data beyond ids. */
export const apiLog = sqliteTable(
  'api_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull().default(nowMs),
    direction: text('direction').$type<'out' | 'in'>().notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    status: integer('status'),
    durationMs: integer('duration_ms'),
    error: text('error'),
  },
  (t) => [index('api_log_at').on(t.at)],
)

export const deskUsers = sqliteTable('desk_users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  role: text('role').$type<DeskRole>().notNull(),
  pinHash: text('pin_hash'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
})

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull().default(nowMs),
    userId: integer('user_id').references(() => deskUsers.id),
    action: text('action').notNull(),
    target: text('target'),
    detail: text('detail', { mode: 'json' }),
    /** The signed-in business person (id and name as then); null before a business exists. */
    personId: text('person_id'),
    personName: text('person_name'),
    /** This desk's device at the relay, once enrolled. */
    deviceId: text('device_id'),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_person_at').on(t.personId, t.at)],
)

/**
 * The business this desk's branch belongs to, as last copied from the relay (DESIGN.md §7): at
 * most one row. The relay is the authority; this copy lets people sign in offline.
 */
export const businessCopy = sqliteTable('business_copy', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  version: integer('version').notNull(),
  /** Relay channel ids of the business's branches. */
  branches: text('branches', { mode: 'json' }).$type<string[]>().notNull(),
  copiedAt: integer('copied_at').notNull().default(nowMs),
})

/** The business's people as in the copy, PIN hashes (argon2id) included for offline sign-in. */
export const businessPeople = sqliteTable('business_people', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  language: text('language').notNull(),
  role: text('role').$type<Role>().notNull(),
  branches: text('branches', { mode: 'json' }).$type<string[]>().notNull(),
  pinHash: text('pin_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
})

/** Wrong PINs typed at this desk, per person: five in a row lock that person here a while. */
export const pinLockouts = sqliteTable('pin_lockouts', {
  personId: text('person_id').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: integer('locked_until'),
})

/**
 * Who hears about which event. A change proposed by an admin is stored `pending` beside the
 * `approved` rule it would replace, until an owner approves it.
 */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    eventKind: text('event_kind').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    roles: text('roles', { mode: 'json' }).$type<DeskRole[]>().notNull(),
    channels: text('channels', { mode: 'json' }).$type<string[]>().notNull(),
    suppressIfCalcomEmails: integer('suppress_if_calcom_emails', { mode: 'boolean' })
      .notNull()
      .default(false),
    approval: text('approval').$type<'pending' | 'approved'>().notNull(),
    proposedBy: integer('proposed_by').references(() => deskUsers.id),
    approvedBy: integer('approved_by').references(() => deskUsers.id),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('notification_rule').on(t.branchId, t.eventKind, t.approval)],
)

/**
 * Cal.com slots as last fetched, served marked stale when offline: one answer per event type,
 * branch day and zone, and whose free times they are (`staffUsername`).
 */
export const slotsCache = sqliteTable(
  'slots_cache',
  {
    eventTypeId: integer('event_type_id')
      .notNull()
      .references(() => eventTypes.id),
    /**
     * '' for the event type's answer (any host); else the Cal.com username of the member it was
     * asked for, by their own event type (slots/host-naming.ts): their free times only. A
     * username, not a staff row, because it is what Cal.com was asked and answered for.
     * Rows from before migration 0011 are the event type's.
     */
    staffUsername: text('staff_username').notNull().default(''),
    date: text('date').notNull(),
    timeZone: text('time_zone').notNull(),
    fetchedAt: integer('fetched_at').notNull(),
    slots: text('slots', { mode: 'json' }).$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventTypeId, t.date, t.timeZone, t.staffUsername] })],
)

/**
 * The first answer to a request sent with an Idempotency-Key (POST /api/appointments), written
 * in the same transaction as the booking it made, so a repeat (a double click, a retry after a
 * lost answer, a restart) is answered with it instead of booking again. Kept about a day.
 */
export const idempotentRequests = sqliteTable(
  'idempotent_requests',
  {
    key: text('key').primaryKey(),
    /** Method and route the key was first used on. */
    route: text('route').notNull(),
    /** SHA-256 of the request body in canonical JSON: the same key with another body is refused. */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: text('response', { mode: 'json' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('idempotent_requests_created').on(t.createdAt)],
)

/**
 * Desk events (DESIGN.md §9) this desk made, in the order it made them: sent to the relay in id
 * order when it answers (`sent_seq` is then where the relay put it), and deleted once the desk
 * has applied that very event from the channel log. Until then the field it sets is this desk's
 * own pending value, which older news from the other desks does not overwrite.
 */
export const deskEventOutbox = sqliteTable(
  'desk_event_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The idempotency key sent to the relay (the same key is one event there). */
    key: text('key').notNull().unique(),
    /** The booking the change is about; a placeholder uid waits for Cal.com's. */
    bookingUid: text('booking_uid'),
    change: text('change', { mode: 'json' }).$type<DeskChange>().notNull(),
    madeAt: integer('made_at').notNull(),
    sentSeq: integer('sent_seq'),
    attempts: integer('attempts').notNull().default(0),
    /**
     * When the relay refused it for good (400). The row stays, neither sent nor waiting, so sync
     * health names it after a restart too (DESK_EVENT_REFUSED), until the field is changed again.
     */
    refusedAt: integer('refused_at'),
    /** The relay's answer to it (code, field), as sync health's details. */
    refusal: text('refusal'),
  },
  (t) => [index('desk_event_outbox_booking').on(t.bookingUid)],
)

/**
 * Per desk-owned field (`visit:<uid>`, `walk_in:<uid>`, `booking_notes:<uid>`, `note:<id>`,
 * `note_removed:<id>`), the relay seq and value of the latest desk event applied: a desk event
 * sets a field only when its seq is later. Kept for bookings the desk has not heard of yet, so the
 * value lands when Cal.com's news of the booking does.
 */
export const deskFieldSeqs = sqliteTable('desk_field_seqs', {
  field: text('field').primaryKey(),
  seq: integer('seq').notNull(),
  value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
})
