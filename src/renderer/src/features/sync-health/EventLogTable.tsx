// The event log: Cal.com's news as the relay brought it, and each full check (reconcile) with
// what it healed, since the desk started; filtered by kind, result and text.
// While a new filter's answer is on its way the last rows stay, dimmed and marked busy, so they
// are not read as the filtered ones.
import { useDeferredValue, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { SyncEventKind, SyncEventResult, SyncEventRow } from '../../../../shared/api/sync-logs'
import { describeError } from '../../app/i18n/describe-error'
import type { MessageId } from '../../app/i18n/messages'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { LogFilters } from './LogFilters'
import { useSyncEvents } from './queries'
import { reconcileTriggerWords, triggerWords } from './sync-words'
import { formatWhen } from './when'

const KIND_WORDS: Record<SyncEventKind, MessageId> = {
  webhook: 'syncHealth.events.webhook',
  reconcile: 'syncHealth.events.reconcile',
}
const RESULT_WORDS: Record<SyncEventResult, MessageId> = {
  changed: 'syncHealth.events.changed',
  unchanged: 'syncHealth.events.unchanged',
  failed: 'syncHealth.events.failed',
}

export function EventLogTable({ timeZone }: { timeZone: string }) {
  const intl = useIntl()
  const [kind, setKind] = useState<SyncEventKind | ''>('')
  const [result, setResult] = useState<SyncEventResult | ''>('')
  const [text, setText] = useState('')
  const filterText = useDeferredValue(text.trim())
  const log = useSyncEvents({
    ...(kind ? { kind } : {}),
    ...(result ? { result } : {}),
    ...(filterText ? { text: filterText } : {}),
  })
  const title = intl.formatMessage({ id: 'syncHealth.events' })
  const what = (row: SyncEventRow) => {
    const words = row.kind === 'webhook' ? triggerWords(row.what) : reconcileTriggerWords(row.what)
    return `${intl.formatMessage({ id: KIND_WORDS[row.kind] })}: ${intl.formatMessage({ id: words.id }, words.values)}`
  }
  return (
    <section aria-labelledby="event-log-title" data-testid="event-log">
      <h3 id="event-log-title">{title}</h3>
      {log.data && (
        <p className="sync-muted">
          <FormattedMessage
            id="syncHealth.events.note"
            values={{
              since: formatWhen(intl, log.data.since, timeZone),
              capacity: log.data.capacity,
            }}
          />
        </p>
      )}
      <LogFilters
        log={title}
        choices={[
          {
            label: 'syncHealth.filter.kind',
            value: kind,
            options: [
              { value: 'webhook', label: KIND_WORDS.webhook },
              { value: 'reconcile', label: KIND_WORDS.reconcile },
            ],
            onChange: (v) => setKind(v as SyncEventKind | ''),
          },
          {
            label: 'syncHealth.filter.result',
            value: result,
            options: (['changed', 'unchanged', 'failed'] as const).map((value) => ({
              value,
              label: RESULT_WORDS[value],
            })),
            onChange: (v) => setResult(v as SyncEventResult | ''),
          },
        ]}
        text={text}
        onText={setText}
      />
      {log.error && <ErrorMessage message={describeError(intl, log.error)} />}
      {log.data && (
        <div className="log-table__scroll" tabIndex={0} aria-labelledby="event-log-title">
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
              {log.data.rows.length === 0 && (
                <tr>
                  <td colSpan={4}>
                    <FormattedMessage id="syncHealth.noRows" />
                  </td>
                </tr>
              )}
              {log.data.rows.map((row, i) => (
                <tr
                  key={`${row.at}-${row.seq ?? 'r'}-${i}`}
                  data-testid="event-log-row"
                  data-kind={row.kind}
                  data-result={row.result}
                >
                  <td>
                    <time dateTime={row.at}>{formatWhen(intl, row.at, timeZone)}</time>
                  </td>
                  <td className="log-table__what">{what(row)}</td>
                  <td className={`log-result log-result--${row.result}`}>
                    <FormattedMessage id={RESULT_WORDS[row.result]} />
                  </td>
                  <td>
                    {row.kind === 'reconcile' && row.fetched !== null ? (
                      <FormattedMessage
                        id="syncHealth.events.healed"
                        values={{ fetched: row.fetched, changed: row.changed }}
                      />
                    ) : (
                      row.uids.length > 0 && (
                        <span title={row.uids.join(', ')}>
                          <FormattedMessage
                            id="syncHealth.events.bookings"
                            values={{ count: row.uids.length }}
                          />
                        </span>
                      )
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
