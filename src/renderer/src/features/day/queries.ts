// The day's appointments and the hours its grid covers.
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useApi } from '../../app/api-context'
import { queryKeys } from '../../app/query-keys'

export function useDay(date: string) {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.day(date),
    queryFn: ({ signal }) => api.call('day', { query: { date } }, signal),
    // The previous day stays on screen (marked busy) while the next one loads.
    placeholderData: keepPreviousData,
  })
}

export function useOpeningHours(date: string) {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.openingHours(date),
    queryFn: ({ signal }) => api.call('openingHours', { query: { date } }, signal),
    placeholderData: keepPreviousData,
  })
}
