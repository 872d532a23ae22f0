// Request schemas of the business routes. Names are checked again by nameProblem (visible
// characters); everything else the schema says fully.
import { Type } from '@sinclair/typebox'
import { ROLES } from '../../../src/shared/people/roles.js'

export const Name = Type.String({ minLength: 1, maxLength: 100 })
export const Email = Type.String({
  minLength: 3,
  maxLength: 254,
  pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
})
/** A BCP 47 tag as the UI's languages use them: `en`, `es`, `es-MX`. */
export const Language = Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 35 })
export const Pin = Type.String({ pattern: '^[0-9]{4,12}$' })
export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)))
export const Branches = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200 })

export const Actor = Type.Object(
  { personId: Type.String({ minLength: 1, maxLength: 100 }), pin: Type.String({ maxLength: 100 }) },
  { additionalProperties: false },
)

export const NewPerson = {
  name: Name,
  email: Email,
  language: Language,
  pin: Pin,
}
