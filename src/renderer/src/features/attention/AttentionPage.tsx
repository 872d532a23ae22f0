// Needs attention: the changes Cal.com refused, with their reason (the list comes next).
import { FormattedMessage } from 'react-intl'

export function AttentionPage() {
  return (
    <section className="page" data-testid="attention-page">
      <h2>
        <FormattedMessage id="attention.title" />
      </h2>
    </section>
  )
}
