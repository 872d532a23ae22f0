// The shapes the desk relies on in Cal.com's answers (REFERENCE.md §2–§3, openapi-v2.json).
// Deliberately loose where Cal.com is: extra fields are always allowed (Cal.com adds fields
// without a version bump), status values are any string (unknown ones must not crash us), and
// only what the desk reads is required.
import { Type, type Static, type TLiteral, type TObject, type TSchema } from '@sinclair/typebox'

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const Opt = <T extends TSchema>(t: T) => Type.Optional(t)

type SuccessEnvelope<T extends TSchema> = TObject<{ status: TLiteral<'success'>; data: T }>
const envelopes = new WeakMap<TSchema, TSchema>()

/**
 * `{status: "success", data}` around `data`. One envelope object per inner schema: the validator
 * compiles each schema object once, so a fresh envelope per call would recompile (and keep) a
 * validator for every Cal.com answer.
 */
export function successEnvelope<T extends TSchema>(data: T): SuccessEnvelope<T> {
  let envelope = envelopes.get(data) as SuccessEnvelope<T> | undefined
  if (!envelope) {
    envelope = Type.Object({ status: Type.Literal('success'), data })
    envelopes.set(data, envelope)
  }
  return envelope
}

export const CalcomErrorBody = Type.Object({
  status: Opt(Type.String()),
  error: Opt(
    Type.Object({
      code: Opt(Type.String()),
      message: Opt(Type.Union([Type.String(), Type.Array(Type.String())])),
      details: Opt(Type.Unknown()),
    }),
  ),
})
export type CalcomErrorBody = Static<typeof CalcomErrorBody>

/** An IANA zone the desk knows (response-validation.ts defines the format). */
const TimeZone = Type.String({ format: 'time-zone' })
/** An RFC 3339 time that exists (response-validation.ts defines the format). */
const Instant = Type.String({ format: 'instant' })

/** `GET /v2/me` (MeOutput). */
export const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  email: Opt(Type.String()),
  name: Opt(Nullable(Type.String())),
  timeZone: TimeZone,
  defaultScheduleId: Opt(Nullable(Type.Integer())),
  timeFormat: Opt(Nullable(Type.Number())),
  weekStart: Opt(Nullable(Type.String())),
  organizationId: Opt(Nullable(Type.Integer())),
})
export type Me = Static<typeof Me>

/**
 * A host as an event type lists it. The Jan-2026 spec says `users` is a list of usernames; older
 * and team outputs carry objects. Both are accepted.
 */
export const EventTypeUser = Type.Union([
  Type.String(),
  Type.Object({
    id: Opt(Type.Integer()),
    userId: Opt(Type.Integer()),
    name: Opt(Nullable(Type.String())),
    username: Opt(Nullable(Type.String())),
    email: Opt(Nullable(Type.String())),
  }),
])
export type EventTypeUser = Static<typeof EventTypeUser>

/** EventTypeOutput_2024_06_14, the parts the desk uses. */
export const EventType = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  slug: Type.String(),
  lengthInMinutes: Type.Number(),
  description: Opt(Nullable(Type.String())),
  hidden: Opt(Type.Boolean()),
  ownerId: Opt(Nullable(Type.Integer())),
  scheduleId: Opt(Nullable(Type.Integer())),
  users: Opt(Type.Array(EventTypeUser)),
  hosts: Opt(Type.Array(EventTypeUser)),
  price: Opt(Nullable(Type.Number())),
  currency: Opt(Nullable(Type.String())),
  beforeEventBuffer: Opt(Nullable(Type.Number())),
  afterEventBuffer: Opt(Nullable(Type.Number())),
  /**
   * Minutes before a start that Cal.com still takes a booking (its slots and its booking check
   * both honour it). A number in the spec, optional; a negative one is no notice at all.
   */
  minimumBookingNotice: Opt(Nullable(Type.Number({ minimum: 0 }))),
  /** Present (an object) when bookings need the owner's confirmation. */
  confirmationPolicy: Opt(Nullable(Type.Object({}))),
  requiresConfirmation: Opt(Type.Boolean()),
})
export type EventType = Static<typeof EventType>

/** ScheduleOutput_2024_06_11. */
export const Schedule = Type.Object({
  id: Type.Integer(),
  ownerId: Opt(Type.Integer()),
  name: Type.String(),
  timeZone: TimeZone,
  isDefault: Type.Boolean(),
  availability: Type.Array(
    Type.Object({
      days: Type.Array(Type.String()),
      startTime: Type.String(),
      endTime: Type.String(),
    }),
  ),
  overrides: Opt(
    Type.Array(
      Type.Object({ date: Type.String(), startTime: Type.String(), endTime: Type.String() }),
    ),
  ),
})
export type Schedule = Static<typeof Schedule>

/** Booking statuses Cal.com documents; any other string may still arrive (e.g. awaiting_host). */
export type KnownBookingStatus = 'accepted' | 'pending' | 'cancelled' | 'rejected'

export const BookingHost = Type.Object({
  id: Type.Integer(),
  name: Opt(Nullable(Type.String())),
  email: Opt(Nullable(Type.String())),
  username: Opt(Nullable(Type.String())),
  timeZone: Opt(Nullable(Type.String())),
})

export const BookingAttendee = Type.Object({
  name: Type.String(),
  email: Opt(Nullable(Type.String())),
  timeZone: Opt(Nullable(Type.String())),
  phoneNumber: Opt(Nullable(Type.String())),
  language: Opt(Nullable(Type.String())),
  absent: Opt(Nullable(Type.Boolean())),
})

/** BookingOutput_2024_08_13. */
export const Booking = Type.Object({
  id: Type.Integer(),
  uid: Type.String(),
  title: Type.String(),
  description: Opt(Nullable(Type.String())),
  status: Type.String(),
  start: Instant,
  end: Instant,
  duration: Opt(Type.Number()),
  eventTypeId: Opt(Nullable(Type.Integer())),
  eventType: Opt(Nullable(Type.Object({ id: Type.Integer(), slug: Opt(Type.String()) }))),
  hosts: Type.Array(BookingHost),
  attendees: Type.Array(BookingAttendee),
  guests: Opt(Type.Array(Type.String())),
  absentHost: Opt(Nullable(Type.Boolean())),
  cancellationReason: Opt(Nullable(Type.String())),
  reschedulingReason: Opt(Nullable(Type.String())),
  rescheduledFromUid: Opt(Nullable(Type.String())),
  rescheduledToUid: Opt(Nullable(Type.String())),
  metadata: Opt(Nullable(Type.Record(Type.String(), Type.Unknown()))),
  location: Opt(Nullable(Type.String())),
  createdAt: Opt(Type.String()),
  updatedAt: Opt(Nullable(Type.String())),
})
export type Booking = Static<typeof Booking>

export const Pagination = Type.Object({
  totalItems: Opt(Type.Integer()),
  remainingItems: Opt(Type.Integer()),
  returnedItems: Opt(Type.Integer()),
  itemsPerPage: Opt(Type.Integer()),
  currentPage: Opt(Type.Integer()),
  totalPages: Opt(Type.Integer()),
  hasNextPage: Opt(Type.Boolean()),
  hasPreviousPage: Opt(Type.Boolean()),
  nextCursor: Opt(Nullable(Type.String())),
  hasMore: Opt(Type.Boolean()),
})
export type Pagination = Static<typeof Pagination>

/** `POST /v2/bookings` may answer one booking or, for a recurring event, several. */
export const BookingOrSeries = Type.Union([Booking, Type.Array(Booking)])

export const BookingList = Type.Object({
  status: Type.Literal('success'),
  data: Type.Array(Booking),
  pagination: Opt(Pagination),
})
export type BookingList = Static<typeof BookingList>

/** `GET /v2/slots` (2024-09-04): day → slots, times in the requested zone. */
export const SlotsByDay = Type.Record(
  Type.String(),
  Type.Array(Type.Object({ start: Type.String(), end: Opt(Type.String()) })),
)
export type SlotsByDay = Static<typeof SlotsByDay>

export const SlotReservation = Type.Object({
  reservationUid: Type.String(),
  eventTypeId: Opt(Type.Integer()),
  slotStart: Type.String(),
  slotEnd: Opt(Type.String()),
  reservationUntil: Opt(Type.String()),
})
export type SlotReservation = Static<typeof SlotReservation>

/** A user webhook. `id` is a uuid in practice (the spec says number); triggers an array. */
export const Webhook = Type.Object({
  id: Type.Union([Type.String(), Type.Integer()]),
  subscriberUrl: Type.String(),
  triggers: Type.Array(Type.String()),
  active: Type.Boolean(),
  payloadTemplate: Opt(Nullable(Type.String())),
  secret: Opt(Nullable(Type.String())),
})
export type Webhook = Static<typeof Webhook>

/** TeamOutputDto, the parts the desk uses. */
export const Team = Type.Object({ id: Type.Integer(), name: Opt(Type.String()) })
export type Team = Static<typeof Team>

/**
 * TeamMembershipOutput: one member of a team, named by Cal.com user id and, on `user`, by their
 * current username and name. (The spec's GetTeamMembershipsOutput says `data` is one membership;
 * the operation answers the list, as the sandbox does.)
 */
export const TeamMembership = Type.Object({
  userId: Type.Integer(),
  teamId: Opt(Type.Integer()),
  accepted: Opt(Type.Boolean()),
  user: Type.Object({
    username: Opt(Nullable(Type.String())),
    name: Opt(Nullable(Type.String())),
    email: Opt(Nullable(Type.String())),
  }),
})
export type TeamMembership = Static<typeof TeamMembership>
