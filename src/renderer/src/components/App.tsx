import { useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react'
import type { Branch, DayView, Health, LiveEvent } from '../../../shared/api/schemas'
import type { ApiClient } from '../api/api-client'
import { subscribeLive, type LiveStatus } from '../api/live-stream'
import { ConnectFlow } from '../branch/connect-calcom'
import { useApiResource } from '../hooks/useApiResource'
import { useNow } from '../hooks/useNow'
import { todayInZone } from '../time/zoned-time'
import { BranchHeader } from './BranchHeader'
import { DayBoard } from './DayBoard'
import { DayNavigator } from './DayNavigator'
import { ErrorMessage } from './ErrorMessage'

export type AppState = 'loading' | 'ready' | 'error'

interface Props {
  api: ApiClient
  /** Opens the Cal.com sign-in outside the app (system browser or a new tab). */
  openUrl(url: string): Promise<void>
}

export function App({ api, openUrl }: Props) {
  const [branchVersion, setBranchVersion] = useState(0)
  const [dayVersion, setDayVersion] = useState(0)
  const [pickedDate, setPickedDate] = useState<string | null>(null)
  const now = useNow()
  const [connectFlow] = useState(
    () => new ConnectFlow({ api, openUrl, onBranch: () => setBranchVersion((v) => v + 1) }),
  )
  const connectState = useSyncExternalStore(connectFlow.subscribe, connectFlow.getState)

  const health = useApiResource<Health>(api, '/api/health', 0)
  const branch = useApiResource<Branch>(api, '/api/branch', branchVersion)
  const timeZone = branch.data?.timeZone ?? null
  const today = timeZone ? todayInZone(timeZone, now) : null
  // Until someone picks a day, the view follows today in the branch zone (across midnight too).
  const shownDate = pickedDate ?? today
  const dayPath = shownDate ? `/api/appointments?date=${shownDate}` : null
  const day = useApiResource<DayView>(api, dayPath, dayVersion)

  const onLiveEvent = useEffectEvent((event: LiveEvent) => {
    if (event.type === 'appointments' && shownDate && event.dates.includes(shownDate)) {
      setDayVersion((v) => v + 1)
    } else if (event.type === 'branch') {
      setBranchVersion((v) => v + 1)
    }
  })
  const onReconnect = useEffectEvent(() => {
    setBranchVersion((v) => v + 1)
    setDayVersion((v) => v + 1)
  })
  const [liveStatus, setLiveStatus] = useState<LiveStatus>('connecting')
  useEffect(
    () =>
      subscribeLive(api.liveUrl(), {
        onEvent: (event) => onLiveEvent(event),
        onReconnect: () => onReconnect(),
        onStatus: setLiveStatus,
      }),
    [api],
  )

  const dayIsCurrent = day.path !== null && day.path === dayPath
  const error = branch.error ?? (dayIsCurrent ? day.error : null)
  const appState: AppState = error
    ? 'error'
    : branch.data && day.data && dayIsCurrent
      ? 'ready'
      : 'loading'

  return (
    <div className="app" data-app-state={appState} data-shown-date={shownDate ?? undefined}>
      {branch.data ? (
        <BranchHeader
          branch={branch.data}
          liveStatus={liveStatus}
          connect={{ state: connectState, actions: connectFlow }}
        />
      ) : (
        <header className="branch-header">
          <h1>Frontdesk</h1>
        </header>
      )}
      <main className="app__main">
        {error && <ErrorMessage message={error} />}
        {shownDate && today && (
          <DayNavigator date={shownDate} today={today} onChange={setPickedDate} />
        )}
        {day.data ? (
          <DayBoard day={day.data} busy={!dayIsCurrent} />
        ) : (
          !error && <p className="loading">Loading the day…</p>
        )}
      </main>
      <footer className="app__footer">
        {health.data ? `Frontdesk ${health.data.version}` : 'Frontdesk'}
      </footer>
    </div>
  )
}
