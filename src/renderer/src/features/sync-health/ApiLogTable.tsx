// The Cal.com call log: time, what was asked, how it ended; filtered by result and text.
// While a new filter's answer is on its way the last rows stay, dimmed and marked busy, so they
// are not read as the filtered ones.
import { useDeferredValue, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { ApiLogResult } from '../../../../shared/api/schemas'
import { describeError } from '../../app/i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { LogFilters } from './LogFilters'
import { useApiLog } from './queries'
import { formatWhen } from './when'

const LIMIT = 100

export function ApiLogTable({ timeZone }: { timeZone: string }) {
  const intl = useIntl()
  const [result, setResult] = useState<ApiLogResult | ''>('')
  const [text, setText] = useState('')
  const filterText = useDeferredValue(text.trim())
  const log = useApiLog({
    limit: LIMIT,
    ...(result ? { result } : {}),
    ...(filterText ? { text: filterText } : {}),
  })
  const title = intl.formatMessage({ id: 'syncHealth.apiLog' })
  return (
    <section aria-labelledby="api-log-title" data-testid="api-log">
      <h3 id="api-log-title">{title}</h3>
      <p className="sync-muted">
        <FormattedMessage id="syncHealth.apiLog.note" values={{ count: LIMIT }} />
      </p>
      <LogFilters
        log={title}
        choices={[
          {
            label: 'syncHealth.filter.result',
            value: result,
            options: [
              { value: 'ok', label: 'syncHealth.apiLog.ok' },
              { value: 'failed', label: 'syncHealth.apiLog.failed' },
            ],
            onChange: (v) => setResult(v as ApiLogResult | ''),
          },
        ]}
        text={text}
        onText={setText}
      />
      {log.error && <ErrorMessage message={describeError(intl, log.error)} />}
      {log.data && (
        <div className="log-table__scroll" tabIndex={0} aria-labelledby="api-log-title">
          <table className="log-table" aria-busy={log.isPlaceholderData}>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="syncHealth.col.time" />
                </th>
                <th scope="col">
                  <FormattedMessage id="syncHealth.col.what" />
                </th>
                <th scope="col">
                  <FormattedMessage id="syncHealth.col.result" />
                </th>
                <th scope="col">
                  <FormattedMessage id="syncHealth.col.details" />
                </th>
              </tr>
            </thead>
            <tbody>
              {log.data.length === 0 && (
                <tr>
                  <td colSpan={4}>
                    <FormattedMessage id="syncHealth.noRows" />
                  </td>
                </tr>
              )}
              {log.data.map((row) => (
                <tr key={row.id} data-testid="api-log-row" data-result={row.result}>
                  <td>
                    <time dateTime={row.at}>{formatWhen(intl, row.at, timeZone)}</time>
                  </td>
                  <td className="log-table__what">
                    {row.method} {row.path}
                  </td>
                  <td className={`log-result log-result--${row.result}`}>
                    <FormattedMessage
                      id={row.result === 'ok' ? 'syncHealth.apiLog.ok' : 'syncHealth.apiLog.failed'}
                    />{' '}
                    (
                    {row.status === null ? (
                      <FormattedMessage id="syncHealth.apiLog.noAnswer" />
                    ) : (
                      <FormattedMessage
                        id="syncHealth.apiLog.status"
                        values={{ status: row.status }}
                      />
                    )}
                    )
                  </td>
                  <td>
                    {row.durationMs !== null && (
                      <FormattedMessage id="syncHealth.apiLog.ms" values={{ ms: row.durationMs }} />
                    )}
                    {row.error && <> — {row.error}</>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
