// The client card: contacts, what they come for, no-shows and late cancellations, upcoming and
// past visits (each opens its day with the drawer), the desk's alerts and notes, and merging
// another client into this one.
import { FormattedMessage, useIntl } from 'react-intl'
import type { ClientVisit } from '../../../../shared/api/clients'
import type { Branch } from '../../../../shared/api/schemas'
import { describeError } from '../../app/i18n/describe-error'
import { paths } from '../../app/routes'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { calendarDateInZone, formatCalendarDate, formatTimeRange } from '../../ui/time/zoned-time'
import { useCan } from '../people/session-queries'
import { realEmail } from '../../ui/client-email'
import { MergeDialog } from './MergeDialog'
import { NoteSection } from './NoteSection'
import { useClientCard } from './queries'
import './clients.css'

export function ClientCardPage({ id, branch }: { id: number; branch: Branch }) {
  const intl = useIntl()
  const card = useClientCard(id)
  const mayEdit = useCan('appointment.note')
  const c = card.data
  const zone = branch.timeZone
  const none = intl.formatMessage({ id: 'clients.none.value' })

  return (
    <section className="page client-card" data-testid="client-card">
      <a href={`#${paths.clients}`} className="client-card__back">
        <span aria-hidden="true">← </span>
        <FormattedMessage id="clients.back" />
      </a>
      {card.error && (
        <ErrorMessage
          message={
            (card.error as { code?: string }).code === 'NOT_FOUND'
              ? intl.formatMessage({ id: 'clients.notFound' })
              : describeError(intl, card.error)
          }
        />
      )}
      {c && (
        <>
          <div className="client-card__head">
            <h2 data-testid="client-name">{c.client.name}</h2>
            {mayEdit && <MergeDialog into={c.client} />}
          </div>
          {c.alerts.length > 0 && (
            <ul
              className="client-card__alerts"
              aria-label={intl.formatMessage({ id: 'clients.alerts' })}
            >
              {c.alerts.map((a) => (
                <li key={a.id} className="tag tag--alert" data-testid="client-card-alert">
                  <span aria-hidden="true">⚠ </span>
                  {intl.formatMessage({ id: 'clients.alert' }, { alert: a.text })}
                </li>
              ))}
            </ul>
          )}
          <div className="client-card__columns">
            <div className="client-card__column">
              <section aria-labelledby="client-contacts">
                <h3 id="client-contacts">
                  <FormattedMessage id="clients.contacts" />
                </h3>
                <dl className="details">
                  <dt>
                    <FormattedMessage id="clients.phone" />
                  </dt>
                  <dd>
                    {c.phones.length === 0
                      ? none
                      : c.phones.map((p) => (
                          <a key={p} href={`tel:${p}`} className="client-card__contact">
                            {p}
                          </a>
                        ))}
                  </dd>
                  <dt>
                    <FormattedMessage id="clients.email" />
                  </dt>
                  <dd>
                    {c.emails.filter(realEmail).length === 0
                      ? none
                      : c.emails.filter(realEmail).map((e) => (
                          <span key={e} className="client-card__contact">
                            {e}
                          </span>
                        ))}
                  </dd>
                  {c.names.length > 1 && (
                    <>
                      <dt>
                        <FormattedMessage id="clients.otherNames" />
                      </dt>
                      <dd>{c.names.filter((n) => n !== c.client.name).join(', ')}</dd>
                    </>
                  )}
                </dl>
              </section>
              <section aria-labelledby="client-summary">
                <h3 id="client-summary">
                  <FormattedMessage id="clients.summary" />
                </h3>
                <ul className="client-card__facts" data-testid="client-facts">
                  <li>
                    <FormattedMessage id="clients.bookings" values={{ count: c.client.bookings }} />
                  </li>
                  <li data-testid="client-no-shows">
                    <FormattedMessage id="clients.noShows" values={{ count: c.noShows }} />
                  </li>
                  <li data-testid="client-late-cancellations">
                    <FormattedMessage
                      id="clients.lateCancellations"
                      values={{ count: c.lateCancellations, hours: c.cancellationWindowHours }}
                    />
                  </li>
                </ul>
                <h4>
                  <FormattedMessage id="clients.services" />
                </h4>
                {c.services.length === 0 ? (
                  <p className="muted">
                    <FormattedMessage id="clients.servicesNone" />
                  </p>
                ) : (
                  <ul className="client-card__facts">
                    {c.services.map((s) => (
                      <li key={s.service}>
                        <FormattedMessage
                          id="clients.serviceVisits"
                          values={{ service: s.service, count: s.visits }}
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <VisitList
                title="clients.upcoming"
                empty="clients.upcomingNone"
                visits={c.upcoming}
                zone={zone}
                testId="client-upcoming"
              />
              <VisitList
                title="clients.past"
                empty="clients.pastNone"
                visits={c.past}
                zone={zone}
                testId="client-past"
              />
            </div>
            <div className="client-card__column">
              <NoteSection
                clientId={c.client.id}
                kind="alert"
                notes={c.alerts}
                zone={zone}
                mayEdit={mayEdit}
              />
              <NoteSection
                clientId={c.client.id}
                kind="note"
                notes={c.notes}
                zone={zone}
                mayEdit={mayEdit}
              />
            </div>
          </div>
        </>
      )}
    </section>
  )
}

function VisitList(props: {
  title: 'clients.upcoming' | 'clients.past'
  empty: 'clients.upcomingNone' | 'clients.pastNone'
  visits: ClientVisit[]
  zone: string
  testId: string
}) {
  const intl = useIntl()
  const headingId = `${props.testId}-heading`
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        <FormattedMessage id={props.title} />
      </h3>
      {props.visits.length === 0 ? (
        <p className="muted">
          <FormattedMessage id={props.empty} />
        </p>
      ) : (
        <ul className="client-card__visits" data-testid={props.testId}>
          {props.visits.map((v) => {
            const date = calendarDateInZone(new Date(v.start), props.zone)
            const when = `${formatCalendarDate(date, intl.locale)}, ${formatTimeRange(v.start, v.end, props.zone, intl.locale)}`
            return (
              <li key={v.uid} data-status={v.status}>
                <a href={`#${paths.appointment(date, v.uid)}`}>
                  {intl.formatMessage({ id: 'clients.visit' }, { when, service: v.service })}
                </a>
                {v.status !== 'SCHEDULED' && (
                  <span className={`tag tag--${v.status.toLowerCase()}`}>
                    {intl.formatMessage({ id: `status.${v.status}` })}
                  </span>
                )}
                {v.lateCancellation && (
                  <span className="tag tag--late">
                    {intl.formatMessage({ id: 'clients.lateMark' })}
                  </span>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
