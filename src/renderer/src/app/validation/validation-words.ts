// A refused input (VALIDATION) in the reader's language: the words of its reason with the field
// named as a receptionist knows it. The API's English detail is never shown; a field or a reason
// this UI does not know (a newer desk's) reads as the generic "Check what you typed".
import type { IntlShape } from 'react-intl'
import type { ApiRequestError } from '../api-client'
import type { MessageId } from '../i18n/messages'

/** `attendee.name` → `name`, `branches.0` → `branches`: the forms' fields by their own name. */
function fieldName(field: string | undefined): string | undefined {
  return field
    ?.split('.')
    .filter((part) => !/^\d+$/.test(part))
    .at(-1)
}

export function describeValidation(intl: IntlShape, error: ApiRequestError): string {
  const fieldId = `validation.field.${fieldName(error.field)}` as MessageId
  const reasonId = `validation.reason.${error.reason}` as MessageId
  if (!(fieldId in intl.messages) || !(reasonId in intl.messages)) {
    return intl.formatMessage({ id: 'error.VALIDATION' })
  }
  const numbers: Record<string, number> = {}
  for (const [name, value] of Object.entries(error.params ?? {})) {
    if (typeof value === 'number') numbers[name] = value
  }
  return intl.formatMessage(
    { id: reasonId },
    { ...numbers, field: intl.formatMessage({ id: fieldId }) },
  )
}
