// The drawer's reads (the appointment with its history, the staff, free slots) and its actions,
// whose answers (202 with the queued state) show at once in the drawer and on the grid.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { Appointment, DayView } from '../../../../shared/api/schemas'
import type { ApiClient } from '../../app/api-client'
import { useApi } from '../../app/api-context'
import { queryKeys } from '../../app/query-keys'

/** The appointment `uid` with its history; nothing is read while `uid` is null. */
export function useAppointment(uid: string | null) {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.appointment(uid ?? ''),
    enabled: uid !== null,
    queryFn: ({ signal }) => api.call('appointment', { params: { uid: uid! } }, signal),
  })
}

export function useStaffList() {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.staff,
    queryFn: ({ signal }) => api.call('staff', {}, signal),
  })
}

export type ActionRequest =
  | { kind: 'visit'; state: 'ARRIVED' | 'IN_SERVICE' | 'DONE' }
  | { kind: 'cancel'; reason: string }
  | { kind: 'decline'; reason: string }
  | { kind: 'reschedule'; start: string }
  | { kind: 'confirm' }
  | { kind: 'no-show'; absent: boolean }

function send(api: ApiClient, uid: string, request: ActionRequest) {
  const params = { uid }
  switch (request.kind) {
    case 'visit':
      return api.call('visit', { params, body: { state: request.state } })
    case 'cancel':
      return api.call('cancel', { params, body: { reason: request.reason } })
    case 'decline':
      return api.call('decline', {
        params,
        body: request.reason.trim() ? { reason: request.reason.trim() } : {},
      })
    case 'reschedule':
      return api.call('reschedule', { params, body: { start: request.start } })
    case 'confirm':
      return api.call('confirm', { params, body: {} })
    case 'no-show':
      return api.call('noShow', { params, body: { absent: request.absent } })
  }
}

/** Lays the appointment as the desk now has it onto every cached view of it. */
export function showAtOnce(queryClient: QueryClient, appointment: Appointment): void {
  queryClient.setQueryData(queryKeys.appointment(appointment.uid), (old: unknown) =>
    old && typeof old === 'object' ? { ...old, appointment } : old,
  )
  queryClient.setQueriesData<DayView>({ queryKey: queryKeys.days }, (day) =>
    day && day.appointments.some((a) => a.uid === appointment.uid)
      ? {
          ...day,
          appointments: day.appointments.map((a) => (a.uid === appointment.uid ? appointment : a)),
        }
      : day,
  )
}

export function useAppointmentAction(uid: string) {
  const api = useApi()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: ActionRequest) => send(api, uid, request),
    onSuccess: ({ appointment }, request) => {
      showAtOnce(queryClient, appointment)
      // The history gained an entry, and a move changes which days hold it.
      void queryClient.invalidateQueries({ queryKey: queryKeys.appointment(uid) })
      if (request.kind === 'reschedule') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.days })
      }
    },
  })
}
