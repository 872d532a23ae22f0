// The owner's history of every notification: when, what, to whom, how, and what happened —
// sent, grouped with others, not sent and why (Cal.com already emails it, email is off), held
// for the morning, or failed with the mail server's words.
import { FormattedMessage, useIntl } from 'react-intl'
import type { HistoryEntryView } from '../../../../shared/api/notifications'
import type { MessageId } from '../../app/i18n/messages'
import { describeError } from '../../app/i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { useHistory } from './queries'
import { kindName } from './rules-words'
// The list styles (.list, .list-row) are the attention lists': this screen's chunk needs them.
import '../attention/lists.css'

export function HistoryView() {
  const intl = useIntl()
  const history = useHistory()
  if (history.error) return <ErrorMessage message={describeError(intl, history.error)} />
  if (!history.data)
    return (
      <p className="loading">
        <FormattedMessage id="notifications.loading" />
      </p>
    )
  if (history.data.entries.length === 0)
    return (
      <p className="list-page__empty">
        <FormattedMessage id="notifications.history.none" />
      </p>
    )
  return (
    <table className="history-table" data-testid="notification-history">
      <thead>
        <tr>
          <th scope="col">
            <FormattedMessage id="notifications.history.when" />
          </th>
          <th scope="col">
            <FormattedMessage id="notifications.history.what" />
          </th>
          <th scope="col">
            <FormattedMessage id="notifications.history.who" />
          </th>
          <th scope="col">
            <FormattedMessage id="notifications.history.how" />
          </th>
          <th scope="col">
            <FormattedMessage id="notifications.history.outcome" />
          </th>
        </tr>
      </thead>
      <tbody>
        {history.data.entries.map((entry) => (
          <tr key={entry.id} data-testid="history-entry" data-status={entry.status}>
            <td>{intl.formatDate(entry.createdAt, { dateStyle: 'short', timeStyle: 'short' })}</td>
            <td>
              <span className="history-table__kind">{kindName(intl, entry.kind)}</span>
              <span className="muted">{entry.title}</span>
            </td>
            <td>{entry.person.name}</td>
            <td>
              <FormattedMessage id={`notifications.channel.${entry.channel}`} />
            </td>
            <td
              className={
                // Not silent: one that failed, or may not have arrived, stands out for the owner.
                entry.status === 'failed' || entry.status === 'uncertain'
                  ? 'history-table__problem'
                  : undefined
              }
            >
              {outcome(intl, entry)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function outcome(intl: ReturnType<typeof useIntl>, entry: HistoryEntryView): string {
  const status = intl.formatMessage({ id: `notifications.history.status.${entry.status}` })
  const parts = [status]
  if (entry.reason && entry.status !== 'sent') {
    const id = `notifications.history.reason.${entry.reason}` as MessageId
    parts.push(
      id in intl.messages
        ? intl.formatMessage({ id })
        : intl.formatMessage(
            { id: 'notifications.history.reason.other' },
            { reason: entry.reason },
          ),
    )
  }
  if (entry.attempts > 1)
    parts.push(
      intl.formatMessage({ id: 'notifications.history.attempts' }, { count: entry.attempts }),
    )
  return parts.join(' · ')
}
