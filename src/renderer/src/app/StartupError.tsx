import { useIntl } from 'react-intl'
import type { SessionProblem } from './session'

/** The whole screen when the page cannot even reach the desk (no token, no bridge). */
export function StartupError({ problem }: { problem: SessionProblem }) {
  const intl = useIntl()
  const why =
    problem.problem === 'no-token'
      ? intl.formatMessage({ id: 'startup.noToken' })
      : problem.problem === 'no-bridge'
        ? intl.formatMessage({ id: 'startup.noBridge' })
        : intl.formatMessage({ id: 'startup.badUrl' }, { address: problem.address })
  return (
    <main className="startup-error" data-app-state="error">
      <h1>{intl.formatMessage({ id: 'startup.title' })}</h1>
      <p role="alert">{why}</p>
    </main>
  )
}
