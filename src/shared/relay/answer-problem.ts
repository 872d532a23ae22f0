// How an answer of the relay is checked against its schema (*-answers.ts here): one Ajv with the
// relay's "date-time" (isRealInstant). The desk checks every answer with it
// (main/core/inbound/relay-answer.ts), and the relay's tests check that each answer it writes
// passes it (cloud-relay/test/response-schemas.test.ts), so the two cannot drift into different
// settings. The problem never quotes the value it found, so a PIN hash or a token in a malformed
// answer cannot reach a log or the screen.
import type { TSchema } from '@sinclair/typebox'
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv'
import { isRealInstant } from '../time/real-instant'

const ajv = new Ajv({ allErrors: false, strict: false })
ajv.addFormat('date-time', { type: 'string', validate: isRealInstant })
const compiled = new WeakMap<TSchema, ValidateFunction>()

function says(err: ErrorObject): string {
  const at = err.instancePath || 'the answer'
  const params = err.params as Record<string, unknown>
  switch (err.keyword) {
    case 'required':
      return `${err.instancePath}/${String(params.missingProperty)} is missing`
    case 'enum':
      return `${at} must be one of ${(params.allowedValues as unknown[]).join(', ')}`
    case 'const':
      return `${at} must be ${JSON.stringify(params.allowedValue)}`
    case 'format':
      return params.format === 'date-time'
        ? `${at} must be an ISO 8601 time that exists`
        : `${at} must be a ${String(params.format)}`
    default:
      return `${at} ${err.message ?? 'is not valid'}`
  }
}

/** `undefined` when `value` fits `schema`; otherwise where and how it does not. */
export function answerProblem(schema: TSchema, value: unknown): string | undefined {
  let validate = compiled.get(schema)
  if (!validate) {
    validate = ajv.compile(schema)
    compiled.set(schema, validate)
  }
  if (validate(value)) return undefined
  const err = validate.errors?.[0]
  return err ? says(err) : 'the answer does not have the expected shape'
}
