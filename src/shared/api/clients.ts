// Wire shapes of the clients routes (`/api/clients…`): the branch's clients derived from its
// bookings, their search, the client card, desk notes and alerts, and merging two by hand.
import { Type, type Static } from '@sinclair/typebox'
import { APPOINTMENT_STATUSES } from '../domain/appointment-status'
import { VISIBLE_TEXT } from './schemas'

const literalUnion = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] })
const NoteKind = Type.Union([Type.Literal('note'), Type.Literal('alert')])

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()])

export const ClientIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) })
export type ClientIdParams = Static<typeof ClientIdParams>

export const ClientNoteParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  noteId: Type.String({ format: 'uuid', description: 'The note or alert id' }),
})
export type ClientNoteParams = Static<typeof ClientNoteParams>

/** `GET /api/clients?q=&page=`: the branch's clients, most recent booking first. */
export const ClientListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 100,
        description:
          'Words that start a name, email or phone (accents and case aside); empty lists everyone',
      }),
    ),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
)
export type ClientListQuery = Static<typeof ClientListQuery>

export const ClientSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String({ description: 'As on their latest booking' }),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  bookings: Type.Integer({
    description: 'Their bookings at the branch (reschedules counted once)',
  }),
  lastBooking: Nullable(Type.String({ format: 'date-time' })),
  alerts: Type.Array(Type.String(), { description: 'The texts of their alerts' }),
})
export type ClientSummary = Static<typeof ClientSummary>

export const ClientPage = Type.Object({
  clients: Type.Array(ClientSummary),
  page: Type.Integer(),
  hasMore: Type.Boolean(),
})
export type ClientPage = Static<typeof ClientPage>

export const CLIENT_NOTE_KINDS = ['note', 'alert'] as const
export type ClientNoteKind = (typeof CLIENT_NOTE_KINDS)[number]

export const ClientNote = Type.Object({
  id: Type.String(),
  kind: NoteKind,
  text: Type.String(),
  author: Type.Union([Type.Object({ personId: Type.String(), name: Type.String() }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
})
export type ClientNote = Static<typeof ClientNote>

export const ClientVisit = Type.Object({
  uid: Type.String(),
  start: Type.String({ format: 'date-time' }),
  end: Type.String({ format: 'date-time' }),
  status: literalUnion(APPOINTMENT_STATUSES),
  service: Type.String(),
  staffId: Type.Union([Type.Integer(), Type.Null()]),
  lateCancellation: Type.Boolean({
    description: 'Cancelled within the cancellation window before its start',
  }),
})
export type ClientVisit = Static<typeof ClientVisit>

export const ClientCard = Type.Object({
  client: ClientSummary,
  /** Every email, phone and name spelling their bookings used. */
  emails: Type.Array(Type.String()),
  phones: Type.Array(Type.String()),
  names: Type.Array(Type.String()),
  upcoming: Type.Array(ClientVisit),
  past: Type.Array(ClientVisit, { description: 'Newest first, the latest 50' }),
  services: Type.Array(Type.Object({ service: Type.String(), visits: Type.Integer() })),
  noShows: Type.Integer(),
  lateCancellations: Type.Integer(),
  cancellationWindowHours: Type.Integer(),
  notes: Type.Array(ClientNote),
  alerts: Type.Array(ClientNote),
})
export type ClientCard = Static<typeof ClientCard>

const NoteText = Type.String({
  minLength: 1,
  maxLength: 500,
  pattern: VISIBLE_TEXT,
  description: 'What the desk should know (an allergy, "prefers Liam"); up to 500 characters',
})

export const AddClientNoteBody = Type.Object(
  { kind: NoteKind, text: NoteText },
  { additionalProperties: false },
)
export type AddClientNoteBody = Static<typeof AddClientNoteBody>

export const ChangeClientNoteBody = Type.Object({ text: NoteText }, { additionalProperties: false })
export type ChangeClientNoteBody = Static<typeof ChangeClientNoteBody>

export const MergeClientsBody = Type.Object(
  {
    from: Type.Integer({
      minimum: 1,
      description: 'The client folded into this one: their bookings, notes and alerts move here',
    }),
  },
  { additionalProperties: false },
)
export type MergeClientsBody = Static<typeof MergeClientsBody>

/** `GET /api/clients/of-day?date=`: each appointment of the day with its client and alerts. */
export const DayClients = Type.Object({
  appointments: Type.Array(
    Type.Object({
      uid: Type.String(),
      clientId: Type.Union([Type.Integer(), Type.Null()]),
      alerts: Type.Array(Type.String()),
    }),
  ),
})
export type DayClients = Static<typeof DayClients>
