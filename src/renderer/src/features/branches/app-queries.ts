// What the app answers for all its branches, read into the app's own cache (never a branch's):
// the branches it holds, the owner's overview, and what the first branch's sign-in allows (the
// app's routes go by it).
import { useQuery } from '@tanstack/react-query'
import type { OverviewRange } from '../../../../shared/api/overview'
import type { Action } from '../../../../shared/people/roles'
import { ApiRequestError } from '../../app/api-client'
import { queryKeys } from '../../app/query-keys'
import { mayDo } from '../people/session-queries'
import { useAppScope } from './branch-scope-context'

/** Names and marks change as branches connect and sync; a branch's live stream is not the app's. */
const APP_REFRESH_MS = 30_000

const isNotServed = (error: unknown) => error instanceof ApiRequestError && error.status === 404

export const appQueryKeys = {
  branches: ['branches'] as const,
  overview: (range: OverviewRange) => ['overview', range] as const,
}

export function useBranches() {
  const { api, queryClient } = useAppScope()
  return useQuery(
    {
      queryKey: appQueryKeys.branches,
      queryFn: ({ signal }) => api.call('branches', {}, signal),
      // A desk that is no branch host (one desk alone) has no list: it stops asking.
      refetchInterval: (query) => (isNotServed(query.state.error) ? false : APP_REFRESH_MS),
      retry: (failures, error) => !isNotServed(error) && failures < 1,
    },
    queryClient,
  )
}

export function useOverview(range: OverviewRange) {
  const { api, queryClient } = useAppScope()
  return useQuery(
    {
      queryKey: appQueryKeys.overview(range),
      queryFn: ({ signal }) => api.call('overview', { query: { range } }, signal),
      refetchInterval: APP_REFRESH_MS,
      // Opening the screen again shows numbers of now, not of when it was last open.
      staleTime: 0,
    },
    queryClient,
  )
}

/** Whether the person signed in at the app's first branch may do `action` app-wide. */
export function useAppCan(action: Action): boolean {
  const { api, queryClient } = useAppScope()
  const session = useQuery(
    {
      queryKey: queryKeys.session,
      queryFn: ({ signal }) => api.call('session', {}, signal),
      refetchInterval: 60_000,
    },
    queryClient,
  )
  return mayDo(session.data, action)
}
