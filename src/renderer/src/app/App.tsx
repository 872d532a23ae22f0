// The shell: the branch header, the status strip, and the screen the address names. The header
// is one row where it fits and the strip holds the connection, so at 1366×768 the day grid has
// the height the rest leaves (the version is in Settings).
import { useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useState, useSyncExternalStore } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Redirect, useLocation } from 'wouter'
import { usePendingConfirmations } from '../features/attention/queries'
import { useAppCan, useBranches } from '../features/branches/app-queries'
import { BranchSwitcher } from '../features/branches/BranchSwitcher'
import { useBranchChoice } from '../features/branches/branch-scope-context'
import { NewBookingButton } from '../features/booking/NewBookingButton'
import { ClientSearchKey } from '../features/clients/ClientSearchKey'
import { DayPage } from '../features/day/DayPage'
import { OfflineBanner } from '../features/offline/OfflineBanner'
import { SignedInBadge } from '../features/people/SignedInBadge'
import { useCan } from '../features/people/session-queries'
import { offlineState } from '../features/offline/offline-state'
import { ConnectFlow } from '../features/settings/connect/connect-calcom'
import { ConnectionStatus } from '../features/settings/connect/ConnectionStatus'
import { ErrorMessage } from '../ui/ErrorMessage'
import { todayInZone } from '../ui/time/zoned-time'
import { zoneWords } from '../ui/time/zone-city'
import { useApi } from './api-context'
import { describeError } from './i18n/describe-error'
import type { LiveStatus } from './live-stream'
import { useBranch, useOutbox, useSyncHealth } from './queries'
import { queryKeys } from './query-keys'
import { parseRoute, paths } from './routes'
import { reachability, StatusStrip } from './StatusStrip'
import { useLiveUpdates } from './useLiveUpdates'
import { useNow } from './useNow'

// The day is the screen a desk opens on and lives in: it is in the first bundle. Every other
// screen is loaded the first time it is opened, so the day paints without waiting for them.
const AttentionPage = lazy(() =>
  import('../features/attention/AttentionPage').then((m) => ({ default: m.AttentionPage })),
)
const PendingPage = lazy(() =>
  import('../features/attention/PendingPage').then((m) => ({ default: m.PendingPage })),
)
const ClientCardPage = lazy(() =>
  import('../features/clients/ClientCardPage').then((m) => ({ default: m.ClientCardPage })),
)
const ClientsPage = lazy(() =>
  import('../features/clients/ClientsPage').then((m) => ({ default: m.ClientsPage })),
)
const TeamPage = lazy(() =>
  import('../features/people/TeamPage').then((m) => ({ default: m.TeamPage })),
)
const AppointmentByUid = lazy(() =>
  import('../features/notifications/AppointmentByUid').then((m) => ({
    default: m.AppointmentByUid,
  })),
)
const NotificationsPage = lazy(() =>
  import('../features/notifications/NotificationsPage').then((m) => ({
    default: m.NotificationsPage,
  })),
)
const SettingsPage = lazy(() =>
  import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
)
const PrintDayPage = lazy(() =>
  import('../features/print/PrintDayPage').then((m) => ({ default: m.PrintDayPage })),
)
const OverviewPage = lazy(() =>
  import('../features/overview/OverviewPage').then((m) => ({ default: m.OverviewPage })),
)
const SyncHealthPage = lazy(() =>
  import('../features/sync-health/SyncHealthPage').then((m) => ({ default: m.SyncHealthPage })),
)

const LIVE_WORDS: Record<
  LiveStatus,
  'app.live.connecting' | 'app.live.live' | 'app.live.reconnecting'
> = {
  connecting: 'app.live.connecting',
  live: 'app.live.live',
  reconnecting: 'app.live.reconnecting',
}

interface Props {
  /** Opens the Cal.com sign-in outside the app (system browser or a new tab). */
  openUrl(url: string): Promise<void>
}

export function App({ openUrl }: Props) {
  const api = useApi()
  const intl = useIntl()
  const queryClient = useQueryClient()
  const liveStatus = useLiveUpdates()
  const branch = useBranch()
  const sync = useSyncHealth()
  const outbox = useOutbox()
  const pending = usePendingConfirmations()
  const now = useNow()
  const mayConnect = useCan('branch.connect')
  const mayDisconnect = useCan('branch.disconnect')
  const mayManagePeople = useCan('people.manageReceptionists')
  const mayReadSync = useCan('sync.read')
  // The overview is the app's (all branches), so the app's first branch's sign-in decides; a desk
  // that is no branch host (no branch list) has none.
  const appBranches = useBranches()
  const { current: currentBranch } = useBranchChoice()
  // The app's name for the branch: Cal.com's once connected, the owner's label before (the
  // branch's own core knows no name until then).
  const shownName =
    appBranches.data?.find((b) => b.key === currentBranch)?.name ?? branch.data?.name
  const mayReadOverview = useAppCan('overview.read') && appBranches.data !== undefined
  const [location] = useLocation()
  const [connectFlow] = useState(
    () =>
      new ConnectFlow({
        api,
        openUrl,
        onBranch: (next) => {
          queryClient.setQueryData(queryKeys.branch, next)
          void queryClient.invalidateQueries({ queryKey: queryKeys.branch })
        },
      }),
  )
  const connectState = useSyncExternalStore(connectFlow.subscribe, connectFlow.getState)

  const offline = offlineState(liveStatus, branch.data, sync.data, outbox.data)
  const route = parseRoute(location)
  const timeZone = branch.data?.timeZone
  const today = timeZone ? todayInZone(timeZone, now) : null

  let screen: React.ReactNode
  if (!branch.data || !today) {
    screen = branch.error ? null : (
      <p className="loading">
        <FormattedMessage id="app.loading" />
      </p>
    )
  } else if (route.name === 'today') {
    screen = <Redirect to={paths.day(today)} replace />
  } else if (route.name === 'day') {
    screen = (
      <DayPage
        date={route.date}
        appointmentUid={route.appointmentUid}
        today={today}
        branch={branch.data}
        now={now}
      />
    )
  } else if (route.name === 'attention') {
    screen = <AttentionPage branch={branch.data} />
  } else if (route.name === 'pending') {
    screen = <PendingPage branch={branch.data} />
  } else if (route.name === 'settings') {
    screen = (
      <SettingsPage
        connection={{
          branch: branch.data,
          state: connectState,
          actions: connectFlow,
          mayConnect,
          mayDisconnect,
        }}
      />
    )
  } else if (route.name === 'sync-health') {
    screen = mayReadSync ? (
      <SyncHealthPage branch={branch.data} />
    ) : (
      <p className="not-found">
        <FormattedMessage id="syncHealth.notAllowed" />
      </p>
    )
  } else if (route.name === 'print') {
    screen = <PrintDayPage date={route.date} branch={branch.data} />
  } else if (route.name === 'team') {
    screen = <TeamPage today={today} timeZone={branch.data.timeZone} />
  } else if (route.name === 'notifications') {
    screen = <NotificationsPage tab={route.tab} />
  } else if (route.name === 'appointment') {
    screen = <AppointmentByUid uid={route.uid} timeZone={branch.data.timeZone} />
  } else if (route.name === 'overview') {
    screen = mayReadOverview ? (
      <OverviewPage range={route.range} />
    ) : (
      <p className="not-found">
        <FormattedMessage id="overview.notAllowed" />
      </p>
    )
  } else if (route.name === 'clients') {
    screen = <ClientsPage branch={branch.data} />
  } else if (route.name === 'client') {
    screen = <ClientCardPage key={route.id} id={route.id} branch={branch.data} />
  } else {
    screen = (
      <div className="not-found">
        <p>
          <FormattedMessage id="app.notFound" />
        </p>
        <a href={`#${paths.day(today)}`}>
          <FormattedMessage id="app.backToToday" />
        </a>
      </div>
    )
  }

  return (
    <div
      className="app"
      data-app-state={branch.data ? 'ready' : branch.error ? 'error' : 'loading'}
    >
      <header className="branch-header">
        <BranchSwitcher />
        <div>
          <h1 data-testid="branch-name">{shownName ?? intl.formatMessage({ id: 'app.title' })}</h1>
          {branch.data && (
            <p className="branch-zone" data-testid="branch-zone" title={branch.data.timeZone}>
              <FormattedMessage {...zoneWords(branch.data.timeZone, intl.locale)} />
            </p>
          )}
        </div>
        <nav className="app-nav" aria-label={intl.formatMessage({ id: 'app.nav.label' })}>
          <a
            href={`#${today ? paths.day(today) : '/'}`}
            aria-current={route.name === 'day' ? 'page' : undefined}
          >
            <FormattedMessage id="app.nav.day" />
          </a>
          <a
            href={`#${paths.pending}`}
            aria-current={route.name === 'pending' ? 'page' : undefined}
          >
            <FormattedMessage id="app.nav.pending" />
          </a>
          <a
            href={`#${paths.attention}`}
            aria-current={route.name === 'attention' ? 'page' : undefined}
          >
            <FormattedMessage id="app.nav.attention" />
          </a>
          <a
            href={`#${paths.clients}`}
            aria-current={route.name === 'clients' || route.name === 'client' ? 'page' : undefined}
            aria-keyshortcuts="/"
          >
            <FormattedMessage id="clients.nav" />
          </a>
          <a
            href={`#${paths.settings}`}
            aria-current={route.name === 'settings' ? 'page' : undefined}
          >
            <FormattedMessage id="app.nav.settings" />
          </a>
          {mayManagePeople && (
            <a href={`#${paths.team}`} aria-current={route.name === 'team' ? 'page' : undefined}>
              <FormattedMessage id="team.title" />
            </a>
          )}
          {mayReadOverview && (
            <a
              href={`#${paths.overview()}`}
              aria-current={route.name === 'overview' ? 'page' : undefined}
            >
              <FormattedMessage id="overview.nav" />
            </a>
          )}
          {mayReadSync && (
            <a
              href={`#${paths.syncHealth}`}
              aria-current={route.name === 'sync-health' ? 'page' : undefined}
            >
              <FormattedMessage id="syncHealth.title" />
            </a>
          )}
        </nav>
        <ClientSearchKey enabled={route.name === 'day' && route.appointmentUid === null} />
        <div className="branch-status">
          <SignedInBadge />
          {branch.data && today && (
            <NewBookingButton
              branch={branch.data}
              today={today}
              now={now}
              keyEnabled={route.name === 'day' && route.appointmentUid === null}
            />
          )}
        </div>
      </header>
      <StatusStrip
        reach={reachability(branch.data?.connection === 'connected', offline)}
        outbox={outbox.data}
        pending={pending.data?.length}
      >
        {/* Settings shows the connection itself, with room for its panels. */}
        {branch.data && route.name !== 'settings' && (
          <ConnectionStatus
            branch={branch.data}
            state={connectState}
            actions={connectFlow}
            mayConnect={mayConnect}
            mayDisconnect={mayDisconnect}
            calcomReachable={!offline.calcomDown}
            inStrip
          />
        )}
        <p className={`live live--${liveStatus}`} role="status" data-testid="live-status">
          <FormattedMessage id={LIVE_WORDS[liveStatus]} />
        </p>
      </StatusStrip>
      <OfflineBanner state={offline} />
      <main className="app__main">
        {branch.error && <ErrorMessage message={describeError(intl, branch.error)} />}
        <Suspense
          fallback={
            <p className="loading">
              <FormattedMessage id="app.loading" />
            </p>
          }
        >
          {screen}
        </Suspense>
      </main>
    </div>
  )
}
