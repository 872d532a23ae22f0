// Ajv's first complaint about a request, as the field it is about, the reason (a code the UI
// words in the reader's language, with its numbers) and one English sentence for API users and
// logs: the field is named by its dotted path inside the body, query or params
// (`attendee.timezone`), including an unknown or a missing field, which Ajv reports on the object
// that holds it.
import type { FastifySchemaValidationError } from 'fastify/types/schema'
import { VISIBLE_TEXT } from '../../../shared/api/schemas'
import type { ValidationParams, ValidationReason } from '../../../shared/api/validation-reasons'

export interface DescribedValidation {
  field: string
  reason: ValidationReason
  params?: ValidationParams
  message: string
}

const FORMATS: Record<string, string> = {
  'date-time': 'an ISO 8601 instant with its offset, such as 2026-03-11T14:00:00Z',
  date: 'a calendar day (YYYY-MM-DD)',
  email: 'an email address',
}
const DATE_FORMATS = new Set(['date-time', 'date', 'time'])

export function describeValidation(
  first: FastifySchemaValidationError | undefined,
  context: string | undefined,
): DescribedValidation {
  const at = first?.instancePath.replace(/^\//, '').replace(/\//g, '.') ?? ''
  const params = (first?.params ?? {}) as Record<string, unknown>
  const inside = (name: unknown) => (at ? `${at}.${String(name)}` : String(name))
  const whole = at || (context === 'querystring' ? 'query' : context) || 'input'
  const limit = Number(params.limit)
  const said = (reason: ValidationReason, extra?: ValidationParams) => ({
    field: whole,
    reason,
    ...(extra ? { params: extra } : {}),
    message: `${whole} ${first?.message ?? 'is invalid'}`,
  })
  switch (first?.keyword) {
    case 'additionalProperties': {
      const field = inside(params.additionalProperty)
      return {
        field,
        reason: 'unknown_field',
        message: `${field} is not something this request takes (check its spelling); nothing was changed`,
      }
    }
    case 'required': {
      const field = inside(params.missingProperty)
      return { field, reason: 'required', message: `${field} is required` }
    }
    case 'format': {
      const format = String(params.format)
      const reason: ValidationReason =
        format === 'email' ? 'not_an_email' : DATE_FORMATS.has(format) ? 'not_a_date' : 'bad_format'
      return {
        field: whole,
        reason,
        message: `${whole} must be ${FORMATS[format] ?? `a ${format}`}`,
      }
    }
    case 'pattern':
      if (params.pattern === VISIBLE_TEXT) {
        return {
          field: whole,
          reason: 'blank',
          message: `${whole} must show something visible: it is blank or only spaces and invisible characters`,
        }
      }
      return said('bad_format')
    case 'maxLength':
      return said('too_long', { max: limit })
    case 'minLength':
      return said('too_short', { min: limit })
    case 'maximum':
    case 'exclusiveMaximum':
      return said('too_large', { max: limit })
    case 'minimum':
    case 'exclusiveMinimum':
      return said('too_small', { min: limit })
    case 'maxItems':
      return said('too_many', { max: limit })
    case 'minItems':
      return said('too_few', { min: limit })
    case 'enum':
    case 'const':
      return said('not_allowed_value')
    case 'type':
      return said('wrong_type')
  }
  return said('invalid')
}
