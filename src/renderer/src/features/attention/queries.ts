// The lists' server state: bookings waiting for confirmation, one appointment per queued change,
// and sending a change Cal.com refused for its time again for another one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useApi } from '../../app/api-context'
import { queryKeys } from '../../app/query-keys'
import { showAtOnce } from '../appointment/queries'

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

/** Queues outbox row `id` again for the start given; its appointment moves at once. */
export function useAnotherTime(id: number) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (start: string) =>
      api.call('outboxAnotherTime', { params: { id }, body: { start } }),
    onSuccess: ({ appointment }) => {
      showAtOnce(queryClient, appointment)
      // The days it left and joined, and the row, which no longer needs attention.
      void queryClient.invalidateQueries({ queryKey: queryKeys.days })
      void queryClient.invalidateQueries({ queryKey: queryKeys.appointment(appointment.uid) })
      void queryClient.invalidateQueries({ queryKey: queryKeys.outbox })
    },
  })
}
