// Ajv's first complaint about a request, as the field it is about and one sentence a person can
// act on: the field is named by its dotted path inside the body, query or params
// (`attendee.timezone`), including an unknown or a missing field, which Ajv reports on the object
// that holds it.
import type { FastifySchemaValidationError } from 'fastify/types/schema'
import { VISIBLE_TEXT } from '../../../shared/api/schemas'

const FORMATS: Record<string, string> = {
  'date-time': 'an ISO 8601 instant with its offset, such as 2026-03-11T14:00:00Z',
  email: 'an email address',
}

export function describeValidation(
  first: FastifySchemaValidationError | undefined,
  context: string | undefined,
): { field: string; message: string } {
  const at = first?.instancePath.replace(/^\//, '').replace(/\//g, '.') ?? ''
  const params = (first?.params ?? {}) as Record<string, unknown>
  const inside = (name: unknown) => (at ? `${at}.${String(name)}` : String(name))
  const whole = at || (context === 'querystring' ? 'query' : context) || 'input'
  switch (first?.keyword) {
    case 'additionalProperties': {
      const field = inside(params.additionalProperty)
      return {
        field,
        message: `${field} is not something this request takes (check its spelling); nothing was changed`,
      }
    }
    case 'required': {
      const field = inside(params.missingProperty)
      return { field, message: `${field} is required` }
    }
    case 'format': {
      const format = String(params.format)
      return { field: whole, message: `${whole} must be ${FORMATS[format] ?? `a ${format}`}` }
    }
    case 'pattern':
      if (params.pattern === VISIBLE_TEXT) {
        return {
          field: whole,
          message: `${whole} must show something visible: it is blank or only spaces and invisible characters`,
        }
      }
  }
  return { field: whole, message: `${whole} ${first?.message ?? 'is invalid'}` }
}
