// The one live-stream subscriber: each event goes to the query cache (live-updates.ts).
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useApi } from './api-context'
import { subscribeLive, type LiveStatus } from './live-stream'
import { LiveUpdates } from './live-updates'

export function useLiveUpdates(): LiveStatus {
  const api = useApi()
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<LiveStatus>('connecting')
  useEffect(() => {
    const updates = new LiveUpdates(queryClient, api)
    return subscribeLive(api.liveUrl(), {
      onEvent: (event) => void updates.apply(event),
      onReconnect: () => void updates.apply({ type: 'reconnected' }),
      onStatus: setStatus,
    })
  }, [api, queryClient])
  return status
}
