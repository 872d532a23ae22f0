// Recent sync errors in plain words, each with what to do; the engine's own code and sentence
// stay underneath for whoever looks after the desk.
import { FormattedMessage, useIntl } from 'react-intl'
import type { SyncHealth } from '../../../../shared/api/schemas'
import { paths } from '../../app/routes'
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
  /** Changes Cal.com refused, waiting for someone to retry or discard them (undefined: unknown). */
  needsAttention: number | undefined
  timeZone: string
}

export function RecentProblems({ errors, needsAttention, timeZone }: Props) {
  const intl = useIntl()
  // A refused change is a problem until someone deals with it, however long ago it was refused:
  // "no problems" would tell the admin there is nothing to do.
  const refused = needsAttention ?? 0
  return (
    <section aria-labelledby="sync-problems-title" data-testid="sync-problems">
      <h3 id="sync-problems-title">
        <FormattedMessage id="syncHealth.problems" />
      </h3>
      {refused > 0 && (
        <div className="sync-problems__refused" data-testid="sync-problem-refused">
          <p>
            <strong>
              <span aria-hidden="true">⚠ </span>
              <FormattedMessage id="syncHealth.problems.refused" values={{ count: refused }} />
            </strong>
          </p>
          <p>
            <a href={`#${paths.attention}`}>
              <FormattedMessage id="syncHealth.problems.refused.todo" />
            </a>
          </p>
        </div>
      )}
      {errors.length === 0 ? (
        refused === 0 && (
          <p className="sync-muted">
            <FormattedMessage id="syncHealth.problems.none" />
          </p>
        )
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
