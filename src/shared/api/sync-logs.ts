// The event log of the sync health page (DESIGN.md §10): every Cal.com event and reconcile the
// desk handled since it started (`GET /api/sync/events`, a ring in memory); the Cal.com call log
// beside it is `GET /api/api-log` (schemas.ts). Each row says when, what and how it ended; none
// holds a token, a key or an attendee's address.
import { Type, type Static } from '@sinclair/typebox'

const literalUnion = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] })

const FilterText = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'Rows whose words contain this (any case)',
})

export const SYNC_EVENT_KINDS = ['webhook', 'reconcile'] as const
export type SyncEventKind = (typeof SYNC_EVENT_KINDS)[number]

/** changed: the desk's appointments changed; unchanged: nothing new (a repeat, say); failed. */
export const SYNC_EVENT_RESULTS = ['changed', 'unchanged', 'failed'] as const
export type SyncEventResult = (typeof SYNC_EVENT_RESULTS)[number]

export const SyncEventQuery = Type.Object(
  {
    kind: Type.Optional(literalUnion(SYNC_EVENT_KINDS)),
    result: Type.Optional(literalUnion(SYNC_EVENT_RESULTS)),
    text: Type.Optional(FilterText),
  },
  { additionalProperties: false },
)
export type SyncEventQuery = Static<typeof SyncEventQuery>

export const SyncEventRow = Type.Object({
  at: Type.String({ format: 'date-time' }),
  kind: literalUnion(SYNC_EVENT_KINDS),
  /** A webhook's Cal.com trigger (BOOKING_CREATED…); a reconcile's trigger (interval, demand…). */
  what: Type.String(),
  seq: Type.Union([Type.Integer(), Type.Null()], { description: 'The relay seq of a webhook' }),
  uids: Type.Array(Type.String(), { description: 'Bookings it named' }),
  result: literalUnion(SYNC_EVENT_RESULTS),
  /** Bookings the desk changed (for a reconcile: what it healed). */
  changed: Type.Integer(),
  /** Bookings a reconcile read from Cal.com. */
  fetched: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
})
export type SyncEventRow = Static<typeof SyncEventRow>

export const SyncEventPage = Type.Object({
  since: Type.String({
    format: 'date-time',
    description: 'The log is kept in memory: it covers the time since the desk started',
  }),
  capacity: Type.Integer({ description: 'At most this many of the latest are kept' }),
  rows: Type.Array(SyncEventRow, { description: 'Newest first' }),
})
export type SyncEventPage = Static<typeof SyncEventPage>
