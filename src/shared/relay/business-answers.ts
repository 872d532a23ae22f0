// The relay's answers about the business and its people (DESIGN.md §7), as the desk checks them:
// `GET /v1/business` and the snapshot create and join answer with, and the answers of the team
// changes. Extra fields are allowed (a newer relay may add some); fields an older relay leaves
// out are optional, as relay-contract.ts says.
import { Type, type Static } from '@sinclair/typebox'
import { ROLES } from '../people/roles.js'
import { Count, Id, Instant, Nullable, oneOf, type Agrees } from './answer-parts.js'
import type {
  BusinessSnapshot,
  CancellationPolicyResponse,
  CreateBusinessResponse,
  JoinCodeResponse,
  PersonChangeResponse,
  PersonSnapshot,
  RenameBranchResponse,
} from './relay-contract.js'

const PersonFields = {
  id: Id,
  name: Type.String(),
  email: Type.String(),
  language: Type.String(),
  // Roles decide what a person may do at the desk: one the desk does not know is refused here.
  role: oneOf(ROLES),
  branches: Type.Array(Type.String()),
  active: Type.Boolean(),
}

export const PersonSnapshotSchema = Type.Object({
  ...PersonFields,
  /** argon2id PHC string: what a person signs in offline with. */
  pinHash: Type.String({ minLength: 1 }),
})

export const CancellationPolicySchema = Type.Object({
  branchId: Type.String(),
  eventTypeId: Type.Integer(),
  windowHours: Type.Number({ minimum: 0 }),
  text: Type.String(),
})

const BusinessFields = {
  businessId: Id,
  name: Type.String(),
  version: Count,
  branches: Type.Array(
    Type.Object({ channelId: Id, name: Type.Optional(Nullable(Type.String())) }),
  ),
  people: Type.Array(PersonSnapshotSchema),
  cancellationPolicies: Type.Optional(Type.Array(CancellationPolicySchema)),
}

/** `GET /v1/business` 200, `POST /v1/business/join` 200. */
export const BusinessSnapshotSchema = Type.Object(BusinessFields)

/** `POST /v1/business` 201. */
export const CreateBusinessResponseSchema = Type.Object({ ...BusinessFields, ownerId: Id })

/** `POST /v1/business/join-codes` 201. */
export const JoinCodeResponseSchema = Type.Object({
  code: Type.String({ minLength: 1 }),
  expiresAt: Instant,
})

/** `POST /v1/business/people` 201, `PATCH /v1/business/people/:id` 200. */
export const PersonChangeResponseSchema = Type.Object({
  person: Type.Object(PersonFields),
  version: Count,
})

/** `PUT` and `DELETE /v1/business/cancellation-policies/:branchId/:eventTypeId` 200. */
export const CancellationPolicyResponseSchema = Type.Object({
  policy: Type.Union([CancellationPolicySchema, Type.Null()]),
  version: Count,
})

/** `PUT /v1/business/branches/:channelId` 200. */
export const RenameBranchResponseSchema = Type.Object({
  channelId: Id,
  name: Type.String(),
  version: Count,
})

export const businessAnswersAgree: [
  Agrees<Static<typeof PersonSnapshotSchema>, PersonSnapshot>,
  Agrees<Static<typeof BusinessSnapshotSchema>, BusinessSnapshot>,
  Agrees<Static<typeof CreateBusinessResponseSchema>, CreateBusinessResponse>,
  Agrees<Static<typeof JoinCodeResponseSchema>, JoinCodeResponse>,
  Agrees<Static<typeof PersonChangeResponseSchema>, PersonChangeResponse>,
  Agrees<Static<typeof CancellationPolicyResponseSchema>, CancellationPolicyResponse>,
  Agrees<Static<typeof RenameBranchResponseSchema>, RenameBranchResponse>,
] = [true, true, true, true, true, true, true]
