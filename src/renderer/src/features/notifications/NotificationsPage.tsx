// The notification screens (owners and admins): who hears of what, with the live preview; the
// changes waiting for the owner's approval; and the owner's history.
import { FormattedMessage, useIntl } from 'react-intl'
import { can } from '../../../../shared/people/roles'
import { describeError } from '../../app/i18n/describe-error'
import { paths, type NotificationsTab } from '../../app/routes'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { useSession } from '../people/session-queries'
import { CancellationPoliciesView } from './CancellationPoliciesView'
import { HistoryView } from './HistoryView'
import { ProposalsList } from './ProposalsList'
import { RulesEditor } from './RulesEditor'
import { useRules } from './queries'
import './notifications.css'

export function NotificationsPage({ tab }: { tab: NotificationsTab }) {
  const intl = useIntl()
  const me = useSession().data?.person ?? null
  const rules = useRules()
  if (!me || !can(me.role, 'notifications.propose')) {
    return (
      <section className="page notifications-page" data-testid="notifications-page">
        <h2>
          <FormattedMessage id="notifications.title" />
        </h2>
        <p>
          <FormattedMessage id="computer.notifyMe.signIn" />
        </p>
      </section>
    )
  }
  const owner = can(me.role, 'notifications.approve')
  const tabs: NotificationsTab[] = owner
    ? ['rules', 'proposals', 'policies', 'history']
    : ['rules', 'proposals', 'policies']
  const pendingCount = rules.data?.pendingProposals ?? 0
  return (
    <section className="page notifications-page" data-testid="notifications-page">
      <h2>
        <FormattedMessage id="notifications.title" />
      </h2>
      <nav className="tabs" aria-label={intl.formatMessage({ id: 'notifications.title' })}>
        {tabs.map((t) => (
          <a
            key={t}
            href={`#${paths.notifications(t)}`}
            aria-current={t === tab ? 'page' : undefined}
          >
            {t === 'proposals' && pendingCount > 0
              ? intl.formatMessage(
                  { id: 'notifications.tab.proposalsCount' },
                  { count: pendingCount },
                )
              : intl.formatMessage({ id: `notifications.tab.${t}` })}
          </a>
        ))}
      </nav>
      {rules.error && <ErrorMessage message={describeError(intl, rules.error)} />}
      {!rules.data && !rules.error && (
        <p className="loading">
          <FormattedMessage id="notifications.loading" />
        </p>
      )}
      {rules.data && tab === 'rules' && <RulesEditor view={rules.data} myRole={me.role} />}
      {rules.data && tab === 'proposals' && <ProposalsList me={me} people={rules.data.people} />}
      {tab === 'policies' && can(me.role, 'branch.settings') && <CancellationPoliciesView />}
      {tab === 'history' && owner && <HistoryView />}
    </section>
  )
}
