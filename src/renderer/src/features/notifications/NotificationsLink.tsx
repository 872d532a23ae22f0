// The way in from the Team screen (owners and admins): the notification rules of the business.
import { FormattedMessage } from 'react-intl'
import { paths } from '../../app/routes'

export function NotificationsLink() {
  return (
    <p>
      <a href={`#${paths.notifications()}`} data-testid="notifications-link">
        <FormattedMessage id="notifications.link" />
      </a>
    </p>
  )
}
