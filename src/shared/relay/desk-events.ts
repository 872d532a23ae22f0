// Desk events (DESIGN.md §9): a desk-owned change one desk of a branch made, shared with every
// desk of that branch through the relay. The desk posts it to `POST /v1/desk-events`; the relay
// appends it to the branch's channel log, where every desk (the author too) reads it in seq order
// like a Cal.com delivery. The schema is here so the relay validates posts with it and the desk
// validates what it reads from the log with the same definition.
import { Type, type Static, type TUnsafe } from '@sinclair/typebox'
import { VISIT_STATES } from '../domain/appointment-status.js'

/** `RelayEvent.contentType` of a desk event in the channel log. */
export const DESK_EVENT_CONTENT_TYPE = 'application/vnd.frontdesk.desk-event+json'
/** `triggerEvent` of a desk event's body in the log. */
export const DESK_EVENT_TRIGGER = 'FRONTDESK_DESK_EVENT'

// Unions of literals, not Type.Unsafe enums: TypeBox's Value (the desk's check) knows no Unsafe.
const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnsafe<T[number]>

const BookingUid = Type.String({ minLength: 1, maxLength: 200 })
// Patterns rather than formats: the desk checks log bodies with TypeBox's Value, which knows none.
const NoteId = Type.String({
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
})
const NoteText = Type.String({ minLength: 1, maxLength: 2000 })

/**
 * One desk-owned change. Each names the fields it sets; per field the change with the later
 * relay seq wins at every desk. A note's removal is final: no later edit brings it back.
 */
export const DeskChangeSchema = Type.Union([
  Type.Object(
    { kind: Type.Literal('visit'), bookingUid: BookingUid, state: literals(VISIT_STATES) },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('walk_in'), bookingUid: BookingUid, walkIn: Type.Boolean() },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('booking_notes'),
      bookingUid: BookingUid,
      notes: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('note_put'),
      noteId: NoteId,
      /** The client's identity key (clients/client-identity.ts): the same at every desk. */
      clientKey: Type.String({ minLength: 1, maxLength: 400 }),
      noteKind: literals(['note', 'alert'] as const),
      text: NoteText,
      author: Type.Union([
        Type.Object(
          {
            personId: Type.String({ minLength: 1, maxLength: 100 }),
            name: Type.String({ minLength: 1, maxLength: 100 }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('note_removed'), noteId: NoteId },
    { additionalProperties: false },
  ),
])
export type DeskChange = Static<typeof DeskChangeSchema>
export type DeskChangeKind = DeskChange['kind']

// The unit of "the later relay seq wins": a booking's visit state, walk-in flag and desk notes
// are one field each; a client note or alert is its content (`note:<id>`) and its removal
// (`note_removed:<id>`), kept apart so that a removal is final whatever edit comes after it. The
// relay keeps the branch's current state by these names (GET /v1/desk-state), the desk its seqs.
export const visitField = (uid: string): string => `visit:${uid}`
export const walkInField = (uid: string): string => `walk_in:${uid}`
export const bookingNotesField = (uid: string): string => `booking_notes:${uid}`
export const noteField = (id: string): string => `note:${id}`
export const noteRemovedField = (id: string): string => `note_removed:${id}`

/** The one field a change sets. */
export function deskFieldOf(change: DeskChange): string {
  switch (change.kind) {
    case 'visit':
      return visitField(change.bookingUid)
    case 'walk_in':
      return walkInField(change.bookingUid)
    case 'booking_notes':
      return bookingNotesField(change.bookingUid)
    case 'note_put':
      return noteField(change.noteId)
    case 'note_removed':
      return noteRemovedField(change.noteId)
  }
}

/** `POST /v1/desk-events` request (Bearer device token). */
export const DeskEventRequestSchema = Type.Object(
  {
    /** The desk's own idempotency key: the same key twice on a channel is one event. */
    key: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_.:-]+$' }),
    /**
     * When the desk made the change, ISO 8601 in UTC (shown, never used to order). The pattern
     * says the shape; the format that the instant exists (no month 13, no Feb 30), as
     * shared/time/real-instant.ts checks it where the relay registers it.
     */
    madeAt: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$',
      format: 'date-time',
    }),
    change: DeskChangeSchema,
  },
  { additionalProperties: false },
)
export type DeskEventRequest = Static<typeof DeskEventRequestSchema>

/** `POST /v1/desk-events` 200: where the event stands in the log (the first seq for a repeat). */
export interface DeskEventResponse {
  seq: number
  duplicate: boolean
}

/** The body of a desk event in the channel log (`RelayEvent.body`, JSON). */
export interface DeskEventBody {
  triggerEvent: typeof DESK_EVENT_TRIGGER
  key: string
  /** The relay device that posted it (a desk of this branch). */
  deviceId: string
  madeAt: string
  change: DeskChange
}
