// Checks Cal.com's answers against response-schemas.ts. A surprising shape becomes an error
// that names the call and the exact place, e.g. "GET /v2/me: data.timeZone must be string".
import type { TSchema, Static } from '@sinclair/typebox'
import Ajv, { type ValidateFunction } from 'ajv'

const ajv = new Ajv({ allErrors: false, strict: false })
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
  return `${where} ${err.message ?? 'is invalid'}`
}

export function fits<T extends TSchema>(schema: T, value: unknown): value is Static<T> {
  return shapeProblem(schema, value) === undefined
}
