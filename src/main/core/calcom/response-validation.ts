// Checks Cal.com's answers against response-schemas.ts. A surprising shape becomes an error
// that names the call and the exact place, e.g. "GET /v2/me: data.timeZone must be string".
import type { TSchema, Static } from '@sinclair/typebox'
import Ajv, { type ValidateFunction } from 'ajv'
import { isRealInstant } from '../../../shared/time/real-instant'
import { isValidTimeZone } from '../time/branch-day'

const ajv = new Ajv({ allErrors: false, strict: false })
// A zone the desk cannot compute days in ("Mars/Olympus") is refused here, naming the field,
// rather than failing as an internal error where it is first used.
ajv.addFormat('time-zone', { type: 'string', validate: isValidTimeZone })
// Likewise a booking time JavaScript cannot read ("Invalid time value" where it was mapped), or
// one that does not exist: Date.parse rolls 2026-02-30 over to March 2, which would put the
// booking on another day. Cal.com writes RFC 3339 (`…Z`, `….000Z`, `…+00:00`: REFERENCE.md
// §4.6, the OpenAPI examples), which is exactly what isRealInstant reads.
ajv.addFormat('instant', { type: 'string', validate: isRealInstant })
const compiled = new WeakMap<TSchema, ValidateFunction>()

/** `undefined` when `value` fits; otherwise where and how it does not. */
export function shapeProblem<T extends TSchema>(schema: T, value: unknown): string | undefined {
  let validate = compiled.get(schema)
  if (!validate) {
    validate = ajv.compile(schema)
    compiled.set(schema, validate)
  }
  if (validate(value)) return undefined
  const err = validate.errors?.[0]
  if (!err) return 'does not match the expected shape'
  const where = err.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(body)'
  if (err.keyword === 'format' && err.params.format === 'time-zone') {
    const zone = err.instancePath
      .split('/')
      .slice(1)
      .reduce<unknown>(
        (at, key) => (at as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')],
        value,
      )
    return `${where} ${JSON.stringify(zone)} is not a time zone the desk knows`
  }
  if (err.keyword === 'format' && err.params.format === 'instant')
    return `${where} must be an instant (RFC 3339)`
  return `${where} ${err.message ?? 'is invalid'}`
}

export function fits<T extends TSchema>(schema: T, value: unknown): value is Static<T> {
  return shapeProblem(schema, value) === undefined
}
