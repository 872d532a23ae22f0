// Settings: one small section per subject (language, the Cal.com connection, the relay, this app
// and its updates, where the data lives), so a new one is a new component and a line here.
import { useQuery } from '@tanstack/react-query'
import { FormattedMessage, useIntl } from 'react-intl'
import { useApi } from '../../app/api-context'
import { describeError } from '../../app/i18n/describe-error'
import { useBranch, useSyncHealth } from '../../app/queries'
import { queryKeys } from '../../app/query-keys'
import { useNow } from '../../app/useNow'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { AddBranchSection } from '../branches/AddBranchSection'
import { ThisComputerSection } from '../notifications/ThisComputerSection'
import { useCan } from '../people/session-queries'
import { AppSection, appBridge } from './sections/AppSection'
import { ConnectionSection, type ConnectionProps } from './sections/ConnectionSection'
import { DataSection } from './sections/DataSection'
import { LanguageSection } from './sections/LanguageSection'
import { RelaySection } from './sections/RelaySection'
import './settings.css'

export function SettingsPage({ connection }: { connection: ConnectionProps | null }) {
  const intl = useIntl()
  const api = useApi()
  const desk = useQuery({
    queryKey: queryKeys.desk,
    queryFn: ({ signal }) => api.call('desk', {}, signal),
    staleTime: Infinity,
  })
  const sync = useSyncHealth()
  const branch = useBranch()
  const now = useNow()
  const mayReadSync = useCan('sync.read')
  return (
    <section className="page settings-page" data-testid="settings-page">
      <h2>
        <FormattedMessage id="settings.title" />
      </h2>
      {desk.error && <ErrorMessage message={describeError(intl, desk.error)} />}
      <LanguageSection />
      {connection && <ConnectionSection {...connection} />}
      <AddBranchSection />
      <RelaySection
        desk={desk.data}
        sync={sync.data}
        mayReadSync={mayReadSync}
        timeZone={branch.data?.timeZone}
        now={now}
      />
      <AppSection version={desk.data?.version} bridge={appBridge()} />
      <DataSection dataDir={desk.data?.dataDir} />
      <ThisComputerSection />
    </section>
  )
}
