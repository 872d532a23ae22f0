// The queries the shell and several features read.
import { useQuery } from '@tanstack/react-query'
import { useApi } from './api-context'
import { queryKeys } from './query-keys'

export function useBranch() {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.branch,
    queryFn: ({ signal }) => api.call('branch', {}, signal),
  })
}

export function useSyncHealth() {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.sync,
    queryFn: ({ signal }) => api.call('sync', {}, signal),
  })
}

export function useOutbox() {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.outbox,
    queryFn: ({ signal }) => api.call('outbox', { query: {} }, signal),
  })
}
