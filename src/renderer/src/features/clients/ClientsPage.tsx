// The client list: search the branch's whole history by name, phone or email as you type
// (accents aside), most recent booking first, a page at a time. Each client opens their card.
import { useDeferredValue, useState } from 'react'
import { Input, Label, SearchField, Text } from 'react-aria-components'
import { FormattedMessage, useIntl } from 'react-intl'
import type { Branch } from '../../../../shared/api/schemas'
import type { ClientSummary } from '../../../../shared/api/clients'
import { describeError } from '../../app/i18n/describe-error'
import { paths } from '../../app/routes'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { formatCalendarDate, calendarDateInZone } from '../../ui/time/zoned-time'
import { realEmail } from '../../ui/client-email'
import { useClientList } from './queries'
// The list styles (.list, .list-row) are the attention lists': this screen's chunk needs them.
import '../attention/lists.css'
import './clients.css'

export function ClientsPage({ branch }: { branch: Branch }) {
  const intl = useIntl()
  const [typed, setTyped] = useState('')
  const [page, setPage] = useState(1)
  const q = useDeferredValue(typed.trim())
  const list = useClientList(q, page)
  const data = list.data

  return (
    <section className="page list-page clients-page" data-testid="clients-page">
      <h2>
        <FormattedMessage id="clients.title" />
      </h2>
      <SearchField
        className="clients-search"
        value={typed}
        onChange={(value) => {
          setTyped(value)
          setPage(1)
        }}
        // The page is where "/" leads: typing starts at once.
        autoFocus
      >
        <Label>
          <FormattedMessage id="clients.search" />
        </Label>
        <Input data-testid="clients-search" />
        <Text slot="description" className="muted">
          <FormattedMessage id="clients.searchHint" />
        </Text>
      </SearchField>
      {list.error && <ErrorMessage message={describeError(intl, list.error)} />}
      {list.isPending && (
        <p className="loading" role="status">
          <FormattedMessage id="clients.loading" />
        </p>
      )}
      {data && data.clients.length === 0 && (
        <p className="list-page__empty" role="status" data-testid="clients-empty">
          {q ? (
            <FormattedMessage id="clients.noMatch" values={{ q }} />
          ) : (
            <FormattedMessage id="clients.none" />
          )}
        </p>
      )}
      {data && data.clients.length > 0 && (
        <ul
          className="list"
          aria-label={intl.formatMessage({ id: 'clients.results' })}
          aria-busy={list.isPlaceholderData}
          data-testid="clients-list"
        >
          {data.clients.map((c) => (
            <ClientRow key={c.id} client={c} timeZone={branch.timeZone} />
          ))}
        </ul>
      )}
      {data && (page > 1 || data.hasMore) && (
        <nav
          className="clients-pages"
          aria-label={intl.formatMessage({ id: 'clients.page' }, { page })}
        >
          <button type="button" disabled={page === 1} onClick={() => setPage(page - 1)}>
            <FormattedMessage id="clients.previous" />
          </button>
          <span>
            <FormattedMessage id="clients.page" values={{ page }} />
          </span>
          <button type="button" disabled={!data.hasMore} onClick={() => setPage(page + 1)}>
            <FormattedMessage id="clients.next" />
          </button>
        </nav>
      )}
    </section>
  )
}

function ClientRow({ client: c, timeZone }: { client: ClientSummary; timeZone: string }) {
  const intl = useIntl()
  return (
    <li className="list-row client-row" data-testid="client-row" data-client-id={c.id}>
      <div className="list-row__body">
        <a className="list-row__client" href={`#${paths.client(c.id)}`}>
          {c.name}
        </a>
        <span className="list-row__meta">
          {[c.phone, realEmail(c.email)].filter(Boolean).join(' · ')}
        </span>
        {c.alerts.map((alert) => (
          <span key={alert} className="tag tag--alert" data-testid="client-row-alert">
            <span aria-hidden="true">⚠ </span>
            {intl.formatMessage({ id: 'clients.alert' }, { alert })}
          </span>
        ))}
      </div>
      <span className="list-row__when">
        {intl.formatMessage({ id: 'clients.bookings' }, { count: c.bookings })}
        {c.lastBooking &&
          ` · ${intl.formatMessage(
            { id: 'clients.lastBooking' },
            {
              date: formatCalendarDate(
                calendarDateInZone(new Date(c.lastBooking), timeZone),
                intl.locale,
              ),
            },
          )}`}
      </span>
    </li>
  )
}
