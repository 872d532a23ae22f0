// The audit log for owners and admins: who did what on a branch day, of everyone or one person.
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useApi } from '../../app/api-context'
import { describeError } from '../../app/i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { usePeople } from './session-queries'

export function AuditLogView({ today }: { today: string }) {
  const api = useApi()
  const intl = useIntl()
  const id = useId()
  const [date, setDate] = useState(today)
  const [personId, setPersonId] = useState('')
  const people = usePeople(true)
  const log = useQuery({
    queryKey: ['audit', date, personId],
    queryFn: ({ signal }) =>
      api.call('audit', { query: { date, ...(personId ? { personId } : {}) } }, signal),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(date),
  })
  return (
    <section className="page" data-testid="audit-log">
      <h3>
        <FormattedMessage id="audit.title" />
      </h3>
      <div className="field">
        <label htmlFor={`${id}-day`}>
          <FormattedMessage id="audit.day" />
        </label>
        <input
          id={`${id}-day`}
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-person`}>
          <FormattedMessage id="audit.person" />
        </label>
        <select
          id={`${id}-person`}
          value={personId}
          onChange={(event) => setPersonId(event.target.value)}
        >
          <option value="">{intl.formatMessage({ id: 'audit.everyone' })}</option>
          {people.data?.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {log.error && <ErrorMessage message={describeError(intl, log.error)} />}
      {log.data && log.data.entries.length === 0 && (
        <p className="muted">
          <FormattedMessage id="audit.empty" />
        </p>
      )}
      {log.data && log.data.entries.length > 0 && (
        <ol className="history">
          {log.data.entries.map((entry) => (
            <li key={entry.id} data-testid="audit-entry">
              <time dateTime={entry.at}>
                {intl.formatTime(entry.at, { hour: '2-digit', minute: '2-digit' })}
              </time>{' '}
              <strong>{entry.person?.name ?? intl.formatMessage({ id: 'audit.noOne' })}</strong>{' '}
              {entry.action} {entry.target ?? ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
