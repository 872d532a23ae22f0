// The rules document's wire schema: the relay validates PUTs against it (a 400 names the field)
// and the desk can validate a form before sending. Semantic checks that need the business's
// people and branches are in rules-check.ts.
import { Type, type TSchema } from '@sinclair/typebox'
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, NOTIFIED_ROLES } from './kinds.js'

/** A string enum: a wrong value (a receptionist among recipients) is named by its path. */
const literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] })

const Id = Type.String({ minLength: 1, maxLength: 100 })
const LocalTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' })

export const KindRuleSchema = Type.Object(
  {
    enabled: Type.Boolean(),
    recipients: Type.Object(
      {
        // A receptionist here fails the schema, so the 400 names the very entry.
        roles: Type.Array(literals(NOTIFIED_ROLES), { maxItems: 2, uniqueItems: true }),
        people: Type.Array(Id, { maxItems: 200, uniqueItems: true }),
      },
      { additionalProperties: false },
    ),
    channels: Type.Array(literals(NOTIFICATION_CHANNELS), { maxItems: 2, uniqueItems: true }),
    branches: Type.Union([
      Type.Literal('all'),
      Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true }),
    ]),
    calcomEmails: Type.Boolean(),
    quietHours: Type.Boolean(),
    coalesceMinutes: Type.Integer({ minimum: 0, maximum: 24 * 60 }),
  },
  { additionalProperties: false },
)

const kindProps: Record<string, TSchema> = {}
for (const kind of NOTIFICATION_KINDS) kindProps[kind] = KindRuleSchema

export const NotificationRulesSchema = Type.Object(
  {
    kinds: Type.Object(kindProps, { additionalProperties: false }),
    quietHours: Type.Union([
      Type.Object({ start: LocalTime, end: LocalTime }, { additionalProperties: false }),
      Type.Null(),
    ]),
    // Read-only: the business's policies, set per service elsewhere; sent back as read or left out.
    cancellationPolicies: Type.Optional(
      Type.Array(
        Type.Object(
          {
            branchId: Id,
            eventTypeId: Type.Integer({ minimum: 1 }),
            windowHours: Type.Integer({ minimum: 0, maximum: 24 * 30 }),
            text: Type.String({ maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 1000 },
      ),
    ),
    branchNames: Type.Record(Id, Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
)
