// The team as the owner and admins see it (GET /api/business/people): everyone in the desk's copy
// of the business, inactive people included. A team change invalidates it with the people lists.
import { useQuery } from '@tanstack/react-query'
import { useApi } from '../../app/api-context'
import { queryKeys } from '../../app/query-keys'

export const TEAM_KEY = [...queryKeys.people, 'team'] as const

export function useTeam(enabled = true) {
  const api = useApi()
  return useQuery({
    queryKey: TEAM_KEY,
    queryFn: ({ signal }) => api.call('team', {}, signal),
    enabled,
  })
}
