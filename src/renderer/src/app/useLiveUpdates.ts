// The one live-stream subscriber: each event goes to the query cache (live-updates.ts), and news
// of the app's branches to the app's own cache.
import { useQueryClient } from '@tanstack/react-query'
import { useContext, useEffect, useState } from 'react'
import { AppScopeContext } from '../features/branches/branch-scope-context'
import { useApi } from './api-context'
import { appInvalidationsFor, type LiveSignal } from './live-invalidation'
import { subscribeLive, type LiveStatus } from './live-stream'
import { LiveUpdates } from './live-updates'

export function useLiveUpdates(): LiveStatus {
  const api = useApi()
  const queryClient = useQueryClient()
  // The app's own cache (its branch list) when the UI is on one of an app's branches.
  const appCache = useContext(AppScopeContext)?.queryClient
  const [status, setStatus] = useState<LiveStatus>('connecting')
  useEffect(() => {
    const updates = new LiveUpdates(queryClient, api)
    const apply = (signal: LiveSignal) => {
      void updates.apply(signal)
      for (const queryKey of appInvalidationsFor(signal)) {
        void appCache?.invalidateQueries({ queryKey })
      }
    }
    return subscribeLive(api.liveUrl(), {
      onEvent: apply,
      onReconnect: () => apply({ type: 'reconnected' }),
      onStatus: setStatus,
    })
  }, [api, queryClient, appCache])
  return status
}
