// Sync health (DESIGN.md §10), for owners and admins: whether this desk is in step with Cal.com,
// what went wrong lately and what to do, and the two logs behind it. Small sections, each its own
// component, so the page reads top to bottom as a person would check things.
import { FormattedMessage, useIntl } from 'react-intl'
import type { Branch } from '../../../../shared/api/schemas'
import { describeError } from '../../app/i18n/describe-error'
import { useOutbox, useSyncHealth } from '../../app/queries'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { ApiLogTable } from './ApiLogTable'
import { EventLogTable } from './EventLogTable'
import { RecentProblems } from './RecentProblems'
import { SyncSummary } from './SyncSummary'
import './sync-health.css'

export function SyncHealthPage({ branch }: { branch: Branch }) {
  const intl = useIntl()
  const sync = useSyncHealth()
  const outbox = useOutbox()
  return (
    <section className="page sync-health" data-testid="sync-health-page">
      <h2>
        <FormattedMessage id="syncHealth.title" />
      </h2>
      <p className="sync-muted">
        <FormattedMessage id="syncHealth.intro" />
      </p>
      {sync.error && <ErrorMessage message={describeError(intl, sync.error)} />}
      {sync.data && (
        <>
          <SyncSummary branch={branch} sync={sync.data} outbox={outbox.data} />
          <RecentProblems
            errors={sync.data.recentErrors}
            needsAttention={outbox.data?.filter((e) => e.state === 'needs_attention').length}
            timeZone={branch.timeZone}
          />
        </>
      )}
      <ApiLogTable timeZone={branch.timeZone} />
      <EventLogTable timeZone={branch.timeZone} />
    </section>
  )
}
