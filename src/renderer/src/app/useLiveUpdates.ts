// The one live-stream subscriber: each event invalidates exactly the queries it touches.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useApi } from './api-context'
import { invalidationsFor, type LiveSignal } from './live-invalidation'
import { subscribeLive, type LiveStatus } from './live-stream'

export function useLiveUpdates(): LiveStatus {
  const api = useApi()
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<LiveStatus>('connecting')
  useEffect(() => {
    const invalidate = (signal: LiveSignal) => {
      for (const queryKey of invalidationsFor(signal)) {
        void queryClient.invalidateQueries({ queryKey })
      }
    }
    return subscribeLive(api.liveUrl(), {
      onEvent: invalidate,
      onReconnect: () => invalidate({ type: 'reconnected' }),
      onStatus: setStatus,
    })
  }, [api, queryClient])
  return status
}
