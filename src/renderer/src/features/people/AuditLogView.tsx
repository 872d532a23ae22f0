// The audit log for owners and admins: who did what on a branch day, of everyone or one person,
// each action in words (audit-words.ts), with the appointment or person it was about and the
// desk it was done at. Times are the branch's, like the rest of the desk.
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useApi } from '../../app/api-context'
import { describeError } from '../../app/i18n/describe-error'
import { DayPicker } from '../../ui/DayPicker'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { auditWords } from './audit-words'
import { useTeam } from './team-queries'

interface Props {
  today: string
  timeZone: string
}

export function AuditLogView({ today, timeZone }: Props) {
  const api = useApi()
  const intl = useIntl()
  const id = useId()
  const [date, setDate] = useState(today)
  const [personId, setPersonId] = useState('')
  const team = useTeam()
  const people = team.data?.people ?? []
  const nameOf = (personId: string) => people.find((p) => p.id === personId)?.name
  const log = useQuery({
    queryKey: ['audit', date, personId],
    queryFn: ({ signal }) =>
      api.call('audit', { query: { date, ...(personId ? { personId } : {}) } }, signal),
  })
  const time = (instant: string) =>
    intl.formatTime(instant, { hour: '2-digit', minute: '2-digit', timeZone })
  const dayWords = intl.formatDate(`${date}T12:00:00Z`, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  })

  return (
    <section className="page team-section" data-testid="audit-log" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <FormattedMessage id="audit.title" />
      </h3>
      <div className="team-filters">
        <DayPicker
          label={intl.formatMessage({ id: 'audit.day' })}
          value={date}
          onChange={setDate}
          testId="audit-day"
        />
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
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {log.error && <ErrorMessage message={describeError(intl, log.error)} />}
      {log.data && log.data.entries.length === 0 && (
        <p className="muted" role="status">
          <FormattedMessage id="audit.empty" />
        </p>
      )}
      {log.data && log.data.entries.length > 0 && (
        <ol
          className="history audit-list"
          aria-label={intl.formatMessage({ id: 'audit.entries' }, { day: dayWords })}
        >
          {log.data.entries.map((entry) => {
            const words = auditWords(entry, nameOf)
            return (
              <li key={entry.id} data-testid="audit-entry" data-action={entry.action}>
                <time className="history__at" dateTime={entry.at}>
                  {time(entry.at)}
                </time>{' '}
                <span className="history__who">
                  {entry.person?.name || intl.formatMessage({ id: 'audit.noOne' })}
                </span>{' '}
                {intl.formatMessage({ id: words.id }, words.values)}
                {entry.appointment && (
                  <>
                    {' · '}
                    <FormattedMessage
                      id="audit.appointment"
                      values={{
                        client: entry.appointment.client,
                        time: intl.formatDate(entry.appointment.start, {
                          weekday: 'short',
                          hour: '2-digit',
                          minute: '2-digit',
                          timeZone,
                        }),
                      }}
                    />
                  </>
                )}
                {(entry.deviceName ?? entry.deviceId) && (
                  <span className="muted">
                    {' '}
                    {entry.deviceName
                      ? intl.formatMessage({ id: 'audit.device' }, { device: entry.deviceName })
                      : intl.formatMessage({ id: 'audit.deviceId' }, { id: entry.deviceId })}
                  </span>
                )}
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
