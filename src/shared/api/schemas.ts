// Wire shapes of the local API (DESIGN.md §4.3). The server validates against these and
// the renderer reads the same types, so the two cannot drift apart.
import { Type, type Static } from '@sinclair/typebox'
import { HISTORY_CODES, type HistoryChange } from './history-codes'
import { OUTBOX_REASON_CODES } from './outbox-reasons'
import {
  APPOINTMENT_STATUSES,
  CONNECTION_STATES,
  OUTBOX_STATES,
  SYNC_STATES,
  VISIT_STATES,
} from '../domain/appointment-status'

/** A string enum that keeps its literal type and reads as `enum` in the OpenAPI document. */
const literalUnion = <T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options })

/**
 * Text that shows something: not blank, not only spaces or invisible characters (zero-width
 * spaces and joiners, format controls, fillers). A name like that would book "nobody".
 */
export const VISIBLE_TEXT = '[^\\s\\p{Cc}\\p{Cf}\\p{Z}\\p{M}\\u115F\\u1160\\u3164\\uFFA0\\u2800]'

/** A query that takes no parameters: an unknown one is refused, not ignored. */
export const EmptyQuery = Type.Object({}, { additionalProperties: false })

export const ApiError = Type.Object(
  {
    error: Type.Object({
      code: Type.String({
        description:
          'Stable machine-readable code: a DeskErrorCode (error-codes.ts) or a server one',
      }),
      message: Type.String({ description: 'One sentence a person can act on' }),
      field: Type.Optional(Type.String({ description: 'The input that was wrong, when one was' })),
      reason: Type.Optional(
        Type.String({
          description:
            'Why a VALIDATION refusal refused the field: a ValidationReason (validation-reasons.ts)',
        }),
      ),
      uid: Type.Optional(
        Type.String({ description: 'The existing booking a refusal is about (DUPLICATE_BOOKING)' }),
      ),
      params: Type.Optional(
        Type.Record(Type.String(), Type.Unknown(), {
          description: "The code's parameters (error-codes.ts), for words in the reader's language",
        }),
      ),
    }),
  },
  { $id: 'ApiError' },
)
export type ApiError = Static<typeof ApiError>

export const Health = Type.Object({
  ok: Type.Boolean(),
  database: Type.Literal('ok'),
  version: Type.String(),
})
export type Health = Static<typeof Health>

export const Branch = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  timeZone: Type.String({ description: 'IANA zone; the day view is in this zone' }),
  calcomAccountId: Type.Union([Type.Integer(), Type.Null()]),
  calcomUsername: Type.Union([Type.String(), Type.Null()]),
  connection: literalUnion(CONNECTION_STATES),
})
export type Branch = Static<typeof Branch>

export const Staff = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  colour: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
})
export type Staff = Static<typeof Staff>

export const Appointment = Type.Object({
  uid: Type.String(),
  calcomId: Type.Union([Type.Integer(), Type.Null()]),
  title: Type.String(),
  start: Type.String({ format: 'date-time', description: 'UTC, ISO 8601' }),
  end: Type.String({ format: 'date-time', description: 'UTC, ISO 8601' }),
  status: literalUnion(APPOINTMENT_STATUSES),
  visitState: literalUnion(VISIT_STATES),
  syncState: literalUnion(SYNC_STATES),
  walkIn: Type.Boolean(),
  paid: Type.Boolean(),
  staffId: Type.Union([Type.Integer(), Type.Null()]),
  eventType: Type.Union([
    Type.Object({ id: Type.Integer(), title: Type.String(), lengthInMinutes: Type.Integer() }),
    Type.Null(),
  ]),
  attendee: Type.Object({
    name: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    timeZone: Type.Union([Type.String(), Type.Null()]),
  }),
  rescheduledFromUid: Type.Union([Type.String(), Type.Null()]),
  rescheduledToUid: Type.Union([Type.String(), Type.Null()]),
  cancellationReason: Type.Union([Type.String(), Type.Null()]),
  deskNotes: Type.Union([Type.String(), Type.Null()], {
    description: 'The desk’s own notes on the visit; never sent to Cal.com after booking',
  }),
})
export type Appointment = Static<typeof Appointment>

export const DayQuery = Type.Object(
  {
    date: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'A calendar day in the branch time zone, YYYY-MM-DD, within 10 years of today',
    }),
  },
  { additionalProperties: false },
)
export type DayQuery = Static<typeof DayQuery>

export const DayView = Type.Object({
  date: Type.String(),
  timeZone: Type.String(),
  /** UTC instants bounding the day in the branch zone (23 or 25 hours long on DST days). */
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  staff: Type.Array(Staff),
  /** Ordered by start, then staff. */
  appointments: Type.Array(Appointment),
})
export type DayView = Static<typeof DayView>

/** What `GET /api/live` sends, one SSE `data:` line per change. */
/** Up to this many changed appointments travel in their live event (beyond it, days are read). */
export const LIVE_ROWS_AT_MOST = 20

export const LiveEvent = Type.Union([
  Type.Object({
    type: Type.Literal('appointments'),
    /** Appointment uids that changed. */
    uids: Type.Array(Type.String()),
    /** The branch-zone days those appointments touch, so a view can ignore other days. */
    dates: Type.Array(Type.String()),
    /**
     * The changed appointments as they now are, when at most `LIVE_ROWS_AT_MOST` changed: a
     * view lays them in without reading them back. A uid without a row here no longer exists.
     */
    appointments: Type.Optional(Type.Array(Appointment)),
  }),
  Type.Object({ type: Type.Literal('branch') }),
  /** Clients changed (bookings, notes, alerts, a merge): their ids, or `all` when too many. */
  Type.Object({
    type: Type.Literal('clients'),
    ids: Type.Array(Type.Integer()),
    all: Type.Boolean(),
  }),
  Type.Object({ type: Type.Literal('sync') }),
  Type.Object({ type: Type.Literal('outbox') }),
  /** The business copy or who is signed in changed: read GET /api/session again. */
  Type.Object({ type: Type.Literal('people') }),
  /** Desktop notifications wait to be shown: read GET /api/notifications/desktop/pending. */
  Type.Object({ type: Type.Literal('notifications') }),
  /**
   * What the app shows of its branches changed, at any branch (an app holding several): read the
   * app's GET /api/branches again. Every branch's stream carries it.
   */
  Type.Object({ type: Type.Literal('branches') }),
])
export type LiveEvent = Static<typeof LiveEvent>

/** `POST /api/branch/connect`: an API key connects at once; an empty body starts OAuth. */
export const ConnectBody = Type.Object(
  {
    apiKey: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 512,
        description: 'A Cal.com API key (cal_live_…), from Cal.com Settings › Developer › API keys',
      }),
    ),
  },
  { additionalProperties: false },
)
export type ConnectBody = Static<typeof ConnectBody>

export const ConnectResult = Type.Union([
  Type.Object({ branch: Branch }, { description: 'Connected with the API key' }),
  Type.Object(
    {
      authorizeUrl: Type.String({
        description: 'Open in the system browser to sign in to Cal.com',
      }),
    },
    { description: 'OAuth started; the branch turns connected when the browser comes back' },
  ),
])
export type ConnectResult = Static<typeof ConnectResult>

export const EventTypeInfo = Type.Object({
  id: Type.Integer(),
  calcomId: Type.Integer(),
  slug: Type.String(),
  title: Type.String(),
  lengthInMinutes: Type.Integer(),
  beforeBufferMinutes: Type.Integer(),
  afterBufferMinutes: Type.Integer(),
  minimumNoticeMinutes: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
    description:
      "Cal.com's minimum booking notice: no start sooner than this many minutes from now. Null when the desk does not know it yet",
  }),
  price: Type.Integer({ description: 'Minor units of currency' }),
  currency: Type.Union([Type.String(), Type.Null()]),
  requiresConfirmation: Type.Boolean(),
  hidden: Type.Boolean(),
})
export type EventTypeInfo = Static<typeof EventTypeInfo>

export const API_LOG_RESULTS = ['ok', 'failed'] as const
export type ApiLogResult = (typeof API_LOG_RESULTS)[number]

export const ApiLogQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    result: Type.Optional(
      literalUnion(API_LOG_RESULTS, {
        description: 'ok: Cal.com answered below 400; failed: no answer, or 400 and above',
      }),
    ),
    text: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Calls whose method, path, status or error contains this',
      }),
    ),
  },
  { additionalProperties: false },
)
export type ApiLogQuery = Static<typeof ApiLogQuery>

/** One call the desk made to Cal.com: no tokens, no personal data beyond ids. */
export const ApiLogEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  method: Type.String(),
  path: Type.String(),
  status: Type.Union([Type.Integer(), Type.Null()]),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
  result: literalUnion(API_LOG_RESULTS),
  error: Type.Union([Type.String(), Type.Null()]),
})
export type ApiLogEntry = Static<typeof ApiLogEntry>

/** `GET /api/sync`: how the inbound sync is doing (DESIGN.md §4.3). */
export const SyncHealth = Type.Object({
  connection: literalUnion(CONNECTION_STATES),
  relay: Type.Object({
    configured: Type.Boolean({ description: 'FRONTDESK_RELAY_URL is set' }),
    state: Type.String({ description: 'off, enrolling, connecting, online, retrying, stopped' }),
    url: Type.Union([Type.String(), Type.Null()]),
    channelId: Type.Union([Type.String(), Type.Null()]),
    cursor: Type.Integer({ description: 'Last relay seq applied at this desk' }),
    lagMs: Type.Union([Type.Integer(), Type.Null()], {
      description: 'From the relay receiving the last event to the desk applying it',
    }),
    retryInMs: Type.Union([Type.Integer(), Type.Null()]),
    since: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'When the relay state last changed (or the desk started)',
      }),
    ),
  }),
  connectionSince: Type.Optional(
    Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'When the branch was last connected, disconnected or asked to reconnect',
    }),
  ),
  lastEvent: Type.Union([
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      seq: Type.Integer(),
      trigger: Type.Union([Type.String(), Type.Null()]),
      uids: Type.Array(Type.String()),
    }),
    Type.Null(),
  ]),
  lastReconcile: Type.Union([
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      trigger: Type.Union([Type.String(), Type.Null()]),
      mode: Type.Union([Type.String(), Type.Null()]),
      ok: Type.Boolean(),
      fetched: Type.Integer(),
      changed: Type.Integer(),
      error: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  queueDepth: Type.Integer({ description: 'Desk changes waiting in the outbox' }),
  heldBookings: Type.Integer({ description: 'Cal.com news waiting for the outbox to finish' }),
  recentErrors: Type.Array(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      source: literalUnion(['relay', 'reconcile', 'inbox', 'calcom'] as const),
      code: Type.String(),
      message: Type.String(),
    }),
    { description: 'Newest first; unknown Cal.com triggers and statuses show here' },
  ),
})
export type SyncHealth = Static<typeof SyncHealth>

export const ReconcileBody = Type.Object(
  {
    window: Type.Optional(
      Type.Boolean({ description: 'Re-read every booking from 30 days back to 90 days ahead' }),
    ),
  },
  { additionalProperties: false },
)
export type ReconcileBody = Static<typeof ReconcileBody>

export const ReconcileOutcome = Type.Object({
  trigger: Type.String(),
  mode: literalUnion(['window', 'incremental'] as const),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.String({ format: 'date-time' }),
  ok: Type.Boolean(),
  pages: Type.Integer(),
  fetched: Type.Integer(),
  changed: Type.Integer(),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
})
export type ReconcileOutcome = Static<typeof ReconcileOutcome>

export const AppointmentHistoryEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  source: literalUnion(['calcom', 'reconcile', 'desk'] as const),
  code: literalUnion(HISTORY_CODES),
  params: Type.Record(Type.String(), Type.Unknown(), {
    description: "The code's parameters (Cal.com's own words, when it gave any, among them)",
  }),
  by: Type.Optional(
    Type.Object(
      { personId: Type.String(), name: Type.String() },
      { description: 'Who did it at a desk, when someone was signed in' },
    ),
  ),
})
/** The wire shape, with each code's params typed (schemas.ts keeps params open for old rows). */
export type AppointmentHistoryEntry = Omit<
  Static<typeof AppointmentHistoryEntry>,
  'code' | 'params'
> &
  HistoryChange

/** `GET /api/appointments/:uid`: one appointment and what happened to it, oldest first. */
export const AppointmentDetail = Type.Object({
  appointment: Appointment,
  history: Type.Array(AppointmentHistoryEntry),
  cancellationPolicy: Type.Optional(
    Type.Union(
      [
        Type.Object({
          windowHours: Type.Integer({ minimum: 0 }),
          text: Type.String(),
        }),
        Type.Null(),
      ],
      {
        description:
          'The cancellation policy of its service at this branch, set by the owner or an admin: ' +
          'cancelling less than windowHours before the start is late; text is read to the client',
      },
    ),
  ),
})
export type AppointmentDetail = Static<typeof AppointmentDetail>

// --- Desk actions, the outbox and slots (DESIGN.md §2 "Outbound", §4.3) ---

const IsoInstant = (description: string) => Type.String({ format: 'date-time', description })

export const BookBody = Type.Object(
  {
    eventTypeId: Type.Integer({
      minimum: 1,
      description: 'The desk event type id (GET /api/event-types)',
    }),
    staffId: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'The desk staff id; Cal.com picks a free host when omitted',
      }),
    ),
    start: IsoInstant('A free slot start (GET /api/slots), within 2 years of today'),
    attendee: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 200, pattern: VISIBLE_TEXT }),
        email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
        phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ()-]{5,32}$' })),
        timeZone: Type.Optional(
          Type.String({
            minLength: 1,
            maxLength: 64,
            description: 'IANA zone; the branch zone when omitted',
          }),
        ),
      },
      { additionalProperties: false },
    ),
    walkIn: Type.Optional(Type.Boolean()),
    notes: Type.Optional(
      Type.String({
        maxLength: 2000,
        description: 'Desk notes (also sent to Cal.com as booking notes)',
      }),
    ),
  },
  { additionalProperties: false },
)
export type BookBody = Static<typeof BookBody>

export const UidParams = Type.Object({ uid: Type.String({ minLength: 1, maxLength: 200 }) })
export type UidParams = Static<typeof UidParams>

export const RescheduleBody = Type.Object(
  {
    start: IsoInstant('The new start, within 2 years of today'),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)
export type RescheduleBody = Static<typeof RescheduleBody>

export const CancelBody = Type.Object(
  {
    reason: Type.String({
      minLength: 1,
      maxLength: 500,
      pattern: VISIBLE_TEXT,
      description: 'Shown to the client by Cal.com',
    }),
  },
  { additionalProperties: false },
)
export type CancelBody = Static<typeof CancelBody>

export const NoShowBody = Type.Object(
  {
    absent: Type.Optional(Type.Boolean({ default: true, description: 'false unmarks a no-show' })),
  },
  { additionalProperties: false },
)
export type NoShowBody = Static<typeof NoShowBody>

export const DeclineBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
)
export type DeclineBody = Static<typeof DeclineBody>

export const EmptyBody = Type.Object({}, { additionalProperties: false })

export const VisitBody = Type.Object(
  {
    state: Type.Optional(literalUnion(VISIT_STATES)),
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type VisitBody = Static<typeof VisitBody>

export const ActionResult = Type.Object({
  appointment: Appointment,
  outboxId: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The queued Cal.com change; null for desk-only changes (visit state, notes)',
  }),
  notice: Type.Optional(
    Type.String({
      description:
        'What the desk could not check and Cal.com will decide when the change reaches it',
    }),
  ),
})
export type ActionResult = Static<typeof ActionResult>

const OutboxReasonSchema = Type.Object({
  code: literalUnion(OUTBOX_REASON_CODES),
  params: Type.Object({
    message: Type.Optional(Type.String()),
    status: Type.Optional(Type.Integer()),
  }),
})

export const OutboxEntry = Type.Object({
  id: Type.Integer(),
  mutationId: Type.String(),
  op: Type.String({ description: 'create, reschedule, cancel, confirm, decline, mark_absent' }),
  bookingUid: Type.String({
    description: 'A local- placeholder until the booking exists in Cal.com',
  }),
  state: literalUnion(OUTBOX_STATES),
  attempts: Type.Integer(),
  nextAttemptAt: Type.Union([IsoInstant('When it is tried again'), Type.Null()]),
  reason: Type.Union([OutboxReasonSchema, Type.Null()], {
    description: "Why it waits or needs attention; Cal.com's own words are `params.message`",
  }),
  createdBy: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: IsoInstant('Queued at'),
  updatedAt: IsoInstant('Last change'),
  canTakeAnotherTime: Type.Boolean({
    description:
      'Whether POST /api/outbox/:id/another-time takes it: a new booking or a move that needs ' +
      'attention, of a booking still scheduled or pending, with nothing queued after it but a ' +
      'confirm (a later move, cancel, decline or no-show would undo the new time)',
  }),
})
export type OutboxEntry = Static<typeof OutboxEntry>

export const OutboxQuery = Type.Object(
  {
    state: Type.Optional(
      Type.Array(literalUnion(OUTBOX_STATES), {
        description: 'Default: pending, in_flight, needs_attention',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
  },
  { additionalProperties: false },
)
export type OutboxQuery = Static<typeof OutboxQuery>

export const OutboxIdParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
})
export type OutboxIdParams = Static<typeof OutboxIdParams>

export const DiscardBody = Type.Object(
  {
    confirm: Type.Literal(true, {
      description: 'Must be true: discarding never sends the change and undoes it at the desk',
    }),
  },
  { additionalProperties: false },
)
export type DiscardBody = Static<typeof DiscardBody>

export const AnotherTimeBody = Type.Object(
  {
    start: IsoInstant(
      'The new start (GET /api/slots), within 2 years of today: the refused new booking or ' +
        'reschedule is sent again for this time',
    ),
    reason: Type.Optional(
      Type.String({
        maxLength: 500,
        description: "A refused reschedule's reason, told to Cal.com",
      }),
    ),
  },
  { additionalProperties: false },
)
export type AnotherTimeBody = Static<typeof AnotherTimeBody>

export const SlotsQuery = Type.Object(
  {
    eventTypeId: Type.Integer({ minimum: 1, description: 'The desk event type id' }),
    date: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'A day in the branch time zone, within 2 years of today',
    }),
    staffId: Type.Optional(
      Type.Integer({
        minimum: 1,
        description:
          "The desk staff id: that staff member's free times (the event type's slots less their known appointments)",
      }),
    ),
  },
  { additionalProperties: false },
)
export type SlotsQuery = Static<typeof SlotsQuery>

export const DaySlots = Type.Object({
  eventTypeId: Type.Integer(),
  staffId: Type.Optional(
    Type.Integer({
      description:
        'Asked for this staff member: Cal.com confirms their own working hours only when it takes the booking',
    }),
  ),
  date: Type.String(),
  timeZone: Type.String(),
  slots: Type.Array(Type.String({ format: 'date-time' }), { description: 'Slot starts, UTC' }),
  stale: Type.Boolean({ description: 'Cal.com could not be asked; this is its last answer' }),
  fetchedAt: Type.String({ format: 'date-time' }),
  ageSeconds: Type.Integer(),
})
export type DaySlots = Static<typeof DaySlots>
