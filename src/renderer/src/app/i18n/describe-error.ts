// An API refusal in the reader's language: the catalog's words for its code where there are
// some, the API's own sentence otherwise (codes the catalogs do not know yet still read well).
import type { IntlShape } from 'react-intl'
import { ApiRequestError } from '../api-client'
import type { MessageId } from './messages'

export function describeError(intl: IntlShape, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (!(error instanceof ApiRequestError)) return message
  const id = `error.${error.code}` as MessageId
  if (!(id in intl.messages)) return message
  return intl.formatMessage({ id }, { message, field: error.field ?? '' })
}
