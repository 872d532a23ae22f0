// The lists' server state: bookings waiting for confirmation, and one appointment per queued change.
import { useQuery } from '@tanstack/react-query'
import { useApi } from '../../app/api-context'
import { queryKeys } from '../../app/query-keys'

export function usePendingConfirmations() {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.pendingConfirmations,
    queryFn: ({ signal }) => api.call('pendingConfirmations', {}, signal),
  })
}

export function useAppointment(uid: string) {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.appointment(uid),
    queryFn: ({ signal }) => api.call('appointment', { params: { uid } }, signal),
    retry: false,
  })
}
