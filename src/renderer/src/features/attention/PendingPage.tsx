// Bookings waiting for the desk to confirm or decline (the list comes next).
import { FormattedMessage } from 'react-intl'

export function PendingPage() {
  return (
    <section className="page" data-testid="pending-page">
      <h2>
        <FormattedMessage id="pending.title" />
      </h2>
    </section>
  )
}
