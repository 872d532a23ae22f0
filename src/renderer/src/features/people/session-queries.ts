// Who is signed in at this desk, and what their role lets them do. Until the desk holds a
// business there is no sign-in and everything is allowed, as before.
import { useQuery } from '@tanstack/react-query'
import type { SessionState } from '../../../../shared/api/people'
import { can, type Action } from '../../../../shared/people/roles'
import { useApi } from '../../app/api-context'
import { queryKeys } from '../../app/query-keys'

export function useSession() {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: ({ signal }) => api.call('session', {}, signal),
    // The live stream says when it changes; this catches an idle sign-out the page missed.
    refetchInterval: 60_000,
  })
}

export function usePeople(enabled: boolean) {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.people,
    queryFn: ({ signal }) => api.call('people', {}, signal),
    enabled,
  })
}

/** Whether the session may do `action` (the UI hides what the API would refuse). */
export function mayDo(session: SessionState | undefined, action: Action): boolean {
  if (!session) return false
  if (!session.signInRequired) return true
  return session.person !== null && can(session.person.role, action)
}

export function useCan(action: Action): boolean {
  return mayDo(useSession().data, action)
}
