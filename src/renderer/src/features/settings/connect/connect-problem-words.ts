// A connect problem in the reader's words: our own codes from the settings catalogs, the local
// API's refusals through describeError, and a code of the desk's error list (a sign-in that
// Cal.com allowed but the desk could not finish) through the shared error words.
import type { IntlShape } from 'react-intl'
import type { ConnectProblemCode } from '../../../../../shared/api/connect-problems'
import { describeError } from '../../../app/i18n/describe-error'
import type { MessageId } from '../../../app/i18n/messages'
import type { ConnectProblem } from './connect-calcom'

export type ConnectProblemKey = `connect.problem.${ConnectProblemCode}`

export function describeConnectProblem(intl: IntlShape, problem: ConnectProblem): string {
  if (problem.kind === 'refusal') return describeError(intl, problem.error)
  for (const id of [`connect.problem.${problem.code}`, `error.${problem.code}`]) {
    if (id in intl.messages) return intl.formatMessage({ id: id as MessageId }, { message: '' })
  }
  return intl.formatMessage({ id: 'connect.problem.other' }, { code: problem.code })
}
