// Recent sync errors in plain words, each with what to do; the engine's own code and sentence
// stay underneath for whoever looks after the desk.
import { FormattedMessage, useIntl } from 'react-intl'
import type { SyncHealth } from '../../../../shared/api/schemas'
import { problemWords } from './sync-words'
import { formatWhen } from './when'

type SyncError = SyncHealth['recentErrors'][number]

/** Runs of the same error (a relay retrying every second) as one line with how many times. */
export function groupRepeats(errors: readonly SyncError[]): Array<SyncError & { times: number }> {
  const out: Array<SyncError & { times: number }> = []
  for (const e of errors) {
    const last = out.at(-1)
    if (last && last.source === e.source && last.code === e.code && last.message === e.message)
      last.times += 1
    else out.push({ ...e, times: 1 })
  }
  return out
}

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
            {groupRepeats(errors).map((e, i) => {
              const words = problemWords(e.source, e.code)
              return (
                <li key={`${e.at}-${i}`} data-testid="sync-problem" data-code={e.code}>
                  <p>
                    <time dateTime={e.at}>{formatWhen(intl, e.at, timeZone)}</time>{' '}
                    <strong>{intl.formatMessage(words.what)}</strong>
                    {e.times > 1 && (
                      <>
                        {' '}
                        <FormattedMessage
                          id="syncHealth.problem.times"
                          values={{ count: e.times }}
                        />
                      </>
                    )}
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
