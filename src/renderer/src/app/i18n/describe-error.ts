// An API refusal in the reader's language: the catalog's words for its code, with the code's
// parameters (instants as times in the branch zone when given, flags as yes/no for ICU select);
// the API's own sentence only for a code no catalog knows (a newer desk's), so it still reads.
import type { IntlShape } from 'react-intl'
import { ApiRequestError } from '../api-client'
import { describeValidation } from '../validation/validation-words'
import type { MessageId } from './messages'

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

export function describeError(
  intl: IntlShape,
  error: unknown,
  options: { timeZone?: string } = {},
): string {
  const message = error instanceof Error ? error.message : String(error)
  if (!(error instanceof ApiRequestError)) return message
  // A refused input is worded from its reason and field; its English detail is never shown.
  if (error.code === 'VALIDATION') return describeValidation(intl, error)
  const id = `error.${error.code}` as MessageId
  if (!(id in intl.messages)) return message
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(error.params ?? {})) {
    if (typeof value === 'boolean') params[name] = value ? 'yes' : 'no'
    else if (typeof value === 'number') params[name] = value
    else if (typeof value === 'string' && INSTANT.test(value)) {
      params[name] = intl.formatTime(value, {
        hour: 'numeric',
        minute: '2-digit',
        ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      })
    } else if (typeof value === 'string') params[name] = value
  }
  return intl.formatMessage({ id }, { ...params, message, field: error.field ?? '' })
}
