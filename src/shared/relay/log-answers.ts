// The relay's answers about a branch's channel log (DESIGN.md §4.1, §9), as the desk checks them:
// enrollment, a page of `GET /v1/events` and its 410, an ack, a revoke, the seq a posted desk
// event got, and the desk state. Extra fields are allowed (a newer relay may add some). A desk event's own body is
// checked where it is applied (shared-state/desk-fields.ts), one by one, so that one a newer
// desk wrote is set aside rather than failing the whole answer.
import { Type, type Static } from '@sinclair/typebox'
import { Count, Id, Instant, Seq, type Agrees } from './answer-parts.js'
import type { DeskEventResponse } from './desk-events.js'
import type {
  AckResponse,
  EnrollResponse,
  EventsResponse,
  RelayEvent,
  RevokeResponse,
} from './relay-contract.js'

/** `POST /v1/enroll` 200. */
export const EnrollResponseSchema = Type.Object({
  channelId: Id,
  deviceId: Id,
  deviceToken: Type.String({ minLength: 1 }),
})

export const RelayEventSchema = Type.Object({
  seq: Seq,
  receivedAt: Instant,
  contentType: Type.String(),
  body: Type.String(),
})

/** `GET /v1/events` 200. */
export const EventsResponseSchema = Type.Object({
  events: Type.Array(RelayEventSchema),
  nextAfter: Count,
})

/** `GET /v1/events` 410 RESYNC_REQUIRED: where to read on once reconciled. */
export const ResyncAnswerSchema = Type.Object({
  code: Type.Literal('RESYNC_REQUIRED'),
  // Absent, the desk resumes where it asked from (as it always did).
  resumeAfter: Type.Optional(Count),
})

/** `POST /v1/ack` 200: the cursor the relay keeps for the device. */
export const AckResponseSchema = Type.Object({ ok: Type.Literal(true), cursor: Count })

/** `POST /v1/device/revoke` 200: the token no longer works. */
export const RevokeResponseSchema = Type.Object({ ok: Type.Literal(true) })

/** `POST /v1/desk-events` 200. */
export const DeskEventResponseSchema = Type.Object({ seq: Seq, duplicate: Type.Boolean() })

/** `GET /v1/desk-state` 200; each entry's event is checked on its own when applied. */
export const DeskStateAnswerSchema = Type.Object({
  asOf: Count,
  entries: Type.Array(Type.Object({ seq: Seq, event: Type.Unknown() })),
})
export type DeskStateAnswer = Static<typeof DeskStateAnswerSchema>

/** Any refusal (4xx, 5xx) as the relay words it; a body that does not fit is said by status. */
export const RelayErrorBodySchema = Type.Object({
  code: Type.String({ minLength: 1 }),
  message: Type.Optional(Type.String()),
  field: Type.Optional(Type.String()),
  resumeAfter: Type.Optional(Count),
})

export const logAnswersAgree: [
  Agrees<Static<typeof EnrollResponseSchema>, EnrollResponse>,
  Agrees<Static<typeof RelayEventSchema>, RelayEvent>,
  Agrees<Static<typeof EventsResponseSchema>, EventsResponse>,
  Agrees<Static<typeof AckResponseSchema>, AckResponse>,
  Agrees<Static<typeof RevokeResponseSchema>, RevokeResponse>,
  Agrees<Static<typeof DeskEventResponseSchema>, DeskEventResponse>,
] = [true, true, true, true, true, true]
