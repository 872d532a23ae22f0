// The sync health page's reads: the Cal.com call log and the event log, each per filter. Live
// `sync` and `outbox` events make them stale (live-invalidation.ts).
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query'
import type { ApiLogQuery } from '../../../../shared/api/schemas'
import type { SyncEventQuery } from '../../../../shared/api/sync-logs'
import { useApi } from '../../app/api-context'
import { queryKeys } from '../../app/query-keys'

export function useApiLog(filter: ApiLogQuery) {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.apiLog(filter),
    queryFn: ({ signal }) => api.call('apiLog', { query: filter }, signal),
    placeholderData: keepPreviousData,
  })
}

export function useSyncEvents(filter: SyncEventQuery) {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.syncEvents(filter),
    queryFn: ({ signal }) => api.call('syncEvents', { query: filter }, signal),
    placeholderData: keepPreviousData,
  })
}

/** "Check against Cal.com now": a reconcile on demand; sync health follows by the live stream. */
export function useReconcileNow() {
  const api = useApi()
  return useMutation({ mutationFn: () => api.call('reconcile', { body: {} }) })
}
