// Recent sync errors in plain words, each with what to do; the engine's own code and sentence
// stay underneath for whoever looks after the desk.
import { FormattedMessage, useIntl } from 'react-intl'
import type { SyncHealth } from '../../../../shared/api/schemas'
import { problemWords } from './sync-words'
import { formatWhen } from './when'

interface Props {
  errors: SyncHealth['recentErrors']
  timeZone: string
}

export function RecentProblems({ errors, timeZone }: Props) {
  const intl = useIntl()
  return (
    <section aria-labelledby="sync-problems-title" data-testid="sync-problems">
      <h3 id="sync-problems-title">
        <FormattedMessage id="syncHealth.problems" />
      </h3>
      {errors.length === 0 ? (
        <p className="sync-muted">
          <FormattedMessage id="syncHealth.problems.none" />
        </p>
      ) : (
        <>
          <p className="sync-muted">
            <FormattedMessage id="syncHealth.problems.ringNote" />
          </p>
          <ul className="sync-problems">
            {errors.map((e, i) => {
              const words = problemWords(e.source, e.code)
              return (
                <li key={`${e.at}-${i}`} data-testid="sync-problem" data-code={e.code}>
                  <p>
                    <time dateTime={e.at}>{formatWhen(intl, e.at, timeZone)}</time>{' '}
                    <strong>{intl.formatMessage(words.what)}</strong>
                  </p>
                  <p>{intl.formatMessage(words.todo)}</p>
                  <p className="sync-muted">
                    <FormattedMessage
                      id="syncHealth.problem.details"
                      values={{ code: e.code, message: e.message }}
                    />
                  </p>
                </li>
              )
            })}
          </ul>
        </>
      )}
    </section>
  )
}
