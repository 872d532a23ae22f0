// The notification screens' server state, read from the desk (which asks the relay). Changes are
// few and made here, so a change invalidates them; nothing polls.
import { useQuery } from '@tanstack/react-query'
import { useApi } from '../../app/api-context'
import { queryKeys } from '../../app/query-keys'

export const notificationKeys = {
  rules: [...queryKeys.notifications, 'rules'] as const,
  proposals: [...queryKeys.notifications, 'proposals'] as const,
  history: [...queryKeys.notifications, 'history'] as const,
  policies: [...queryKeys.notifications, 'cancellation-policies'] as const,
  desktopOptIn: [...queryKeys.notifications, 'desktop'] as const,
  computer: [...queryKeys.notifications, 'computer'] as const,
}

export function useRules() {
  const api = useApi()
  return useQuery({
    queryKey: notificationKeys.rules,
    queryFn: ({ signal }) => api.call('notificationRules', {}, signal),
    retry: false,
  })
}

export function useProposals() {
  const api = useApi()
  return useQuery({
    queryKey: notificationKeys.proposals,
    queryFn: ({ signal }) => api.call('proposals', {}, signal),
    retry: false,
  })
}

export function useHistory() {
  const api = useApi()
  return useQuery({
    queryKey: notificationKeys.history,
    queryFn: ({ signal }) => api.call('notificationHistory', {}, signal),
    retry: false,
  })
}
