// What the new booking form reads: services, staff, a day's free times, past clients.
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useApi } from '../../app/api-context'
import { queryKeys } from '../../app/query-keys'
import { refreshWhileStale } from './slot-choice'

export function useEventTypes() {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.eventTypes,
    queryFn: ({ signal }) => api.call('eventTypes', {}, signal),
  })
}

export function useStaff() {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.staff,
    queryFn: ({ signal }) => api.call('staff', {}, signal),
  })
}

export function useSlots(date: string | null, eventTypeId: number | null, staffId: number | null) {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.slots(date ?? '', eventTypeId ?? 0, staffId),
    queryFn: ({ signal }) =>
      api.call(
        'slots',
        {
          query: {
            date: date!,
            eventTypeId: eventTypeId!,
            ...(staffId === null ? {} : { staffId }),
          },
        },
        signal,
      ),
    enabled: date !== null && eventTypeId !== null,
    refetchInterval: (query) => refreshWhileStale(query.state.data),
  })
}

/** Past clients matching what was typed; nothing is asked before two characters. */
export function useClientSuggestions(text: string) {
  const api = useApi()
  const q = text.trim()
  return useQuery({
    queryKey: ['client-suggestions', q] as const,
    queryFn: ({ signal }) => api.call('clientSuggestions', { query: { q } }, signal),
    enabled: q.length >= 2 && /[\p{L}\p{N}]/u.test(q),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })
}
