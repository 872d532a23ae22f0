// The local API's business, people, sign-in and audit routes (DESIGN.md §7): names and roles
// only, never a PIN hash.
import { Type, type Static } from '@sinclair/typebox'
// ROLES of shared/people/roles.ts, spelt out so the wire type keeps each literal.
const RoleSchema = Type.Union([
  Type.Literal('owner'),
  Type.Literal('admin'),
  Type.Literal('receptionist'),
])

const Pin = Type.String({ pattern: '^[0-9]{4,12}$', description: '4 to 12 digits' })

export const PersonSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: RoleSchema,
})
export type PersonSummary = Static<typeof PersonSummary>

/** `GET /api/people`: who may sign in at this desk. `business` null: no sign-in at this desk. */
export const PeopleList = Type.Object({
  business: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  people: Type.Array(PersonSummary),
})
export type PeopleList = Static<typeof PeopleList>

/** `GET /api/session` (and the answer of signing in or out). */
export const SessionState = Type.Object({
  /** False until this desk holds a business: everyone may do everything, as before. */
  signInRequired: Type.Boolean(),
  business: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  person: Type.Union([PersonSummary, Type.Null()]),
  idleSignOutMinutes: Type.Integer(),
})
export type SessionState = Static<typeof SessionState>

export const SignInBody = Type.Object(
  { personId: Type.String({ minLength: 1, maxLength: 100 }), pin: Pin },
  { additionalProperties: false },
)
export type SignInBody = Static<typeof SignInBody>

export const CreateBusinessBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    owner: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 100 }),
        email: Type.String({ format: 'email', maxLength: 254 }),
        language: Type.String({ pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$', maxLength: 35 }),
        pin: Pin,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)
export type CreateBusinessBody = Static<typeof CreateBusinessBody>

export const JoinBusinessBody = Type.Object(
  {
    code: Type.String({
      minLength: 16,
      maxLength: 24,
      description: 'The join code the owner made (16 characters, dashes optional)',
    }),
  },
  { additionalProperties: false },
)
export type JoinBusinessBody = Static<typeof JoinBusinessBody>

export const SignInSettings = Type.Object(
  {
    idleSignOutMinutes: Type.Integer({
      minimum: 1,
      maximum: 240,
      description: 'Minutes without activity before the desk signs the person out',
    }),
  },
  { additionalProperties: false },
)
export type SignInSettings = Static<typeof SignInSettings>

export const AuditQuery = Type.Object(
  {
    date: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'A calendar day in the branch time zone, YYYY-MM-DD',
    }),
    personId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
)
export type AuditQuery = Static<typeof AuditQuery>

export const AuditEntryView = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  /** An `AuditAction` (shared/api/audit-actions.ts); a string, so older rows still read. */
  action: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Unknown(),
  person: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  deviceId: Type.Union([Type.String(), Type.Null()]),
  /** The device's name when it is this desk's current relay device; null otherwise. */
  deviceName: Type.Union([Type.String(), Type.Null()]),
  /** The appointment acted on, when the entry is about one this desk still holds. */
  appointment: Type.Union([
    Type.Object({ uid: Type.String(), client: Type.String(), start: Type.String() }),
    Type.Null(),
  ]),
})
export type AuditEntryView = Static<typeof AuditEntryView>

export const AuditLog = Type.Object({
  date: Type.String(),
  entries: Type.Array(AuditEntryView),
})
export type AuditLog = Static<typeof AuditLog>

// --- The team: people of the business, changed at the relay with the signed-in person's PIN ---

const Name = Type.String({ minLength: 1, maxLength: 100 })
const Email = Type.String({ format: 'email', maxLength: 254 })
const Language = Type.String({ pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$', maxLength: 35 })
const Branches = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  maxItems: 100,
  description: 'Relay channel ids of the branches an admin or receptionist works at',
})
const ActorPin = Type.String({
  pattern: '^[0-9]{4,12}$',
  description: 'The signed-in person’s own PIN: the relay checks it for every team change',
})

export const TeamMember = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  language: Type.String(),
  role: RoleSchema,
  branches: Type.Array(Type.String()),
  active: Type.Boolean(),
})
export type TeamMember = Static<typeof TeamMember>

/** `GET /api/business/people`: everyone in the copy, inactive people included. */
export const Team = Type.Object({
  business: Type.Union([
    Type.Object({ id: Type.String(), name: Type.String(), version: Type.Integer() }),
    Type.Null(),
  ]),
  /** This desk's branch (relay channel id), the default branch of someone added here. */
  channelId: Type.Union([Type.String(), Type.Null()]),
  /** Every branch of the business (relay channel ids), this desk's included. */
  branches: Type.Array(Type.String()),
  /** What the business calls each branch, by channel id; a branch not named has no entry. */
  branchNames: Type.Record(Type.String(), Type.String()),
  people: Type.Array(TeamMember),
})
export type Team = Static<typeof Team>

export const BranchParams = Type.Object({
  channelId: Type.String({ minLength: 1, maxLength: 100 }),
})
export const RenameBranchBody = Type.Object(
  { pin: ActorPin, name: Name },
  { additionalProperties: false },
)
export type RenameBranchBody = Static<typeof RenameBranchBody>
export const BranchRenamed = Type.Object({
  channelId: Type.String(),
  name: Type.String(),
  version: Type.Integer(),
})
export type BranchRenamed = Static<typeof BranchRenamed>

export const JoinCodeBody = Type.Object({ pin: ActorPin }, { additionalProperties: false })
export type JoinCodeBody = Static<typeof JoinCodeBody>
export const JoinCode = Type.Object({ code: Type.String(), expiresAt: Type.String() })
export type JoinCode = Static<typeof JoinCode>

export const AddPersonBody = Type.Object(
  {
    pin: ActorPin,
    person: Type.Object(
      {
        name: Name,
        email: Email,
        language: Language,
        pin: Pin,
        role: RoleSchema,
        branches: Type.Optional(Branches),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)
export type AddPersonBody = Static<typeof AddPersonBody>

export const ChangePersonBody = Type.Object(
  {
    pin: ActorPin,
    changes: Type.Object(
      {
        name: Type.Optional(Name),
        email: Type.Optional(Email),
        language: Type.Optional(Language),
        pin: Type.Optional(Pin),
        role: Type.Optional(RoleSchema),
        branches: Type.Optional(Branches),
        active: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
  },
  { additionalProperties: false },
)
export type ChangePersonBody = Static<typeof ChangePersonBody>

export const PersonIdParams = Type.Object({
  personId: Type.String({ minLength: 1, maxLength: 100 }),
})

export const PersonChange = Type.Object({ person: TeamMember, version: Type.Integer() })
export type PersonChange = Static<typeof PersonChange>
