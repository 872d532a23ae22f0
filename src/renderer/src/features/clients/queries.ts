// The clients feature's server state: the list and its search, a client card, the clients and
// alerts of a day's appointments, and the changes (notes, alerts, merging). Live "clients" events
// invalidate exactly these keys (app/live-invalidation.ts), so nothing here polls.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ClientNoteKind } from '../../../../shared/api/clients'
import { useApi } from '../../app/api-context'
import { queryKeys } from '../../app/query-keys'

export const PAGE_SIZE = 20

export function useClientList(q: string, page: number) {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.clientList(q, page),
    queryFn: ({ signal }) =>
      api.call('clients', { query: { q, page, pageSize: PAGE_SIZE } }, signal),
    // The last answer stays while the next word is typed, instead of the list blinking empty.
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  })
}

export function useClientCard(id: number) {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.clientCard(id),
    queryFn: ({ signal }) => api.call('clientCard', { params: { id } }, signal),
    retry: false,
    staleTime: Infinity,
  })
}

/**
 * `keepPrevious`: the last day's answer stands in while the next loads (the day grid keeps the
 * alerts of the day still on screen, rather than rendering each of its cards again without them).
 */
export function useDayClients(date: string | null, { keepPrevious = false } = {}) {
  const api = useApi()
  return useQuery({
    queryKey: queryKeys.dayClients(date ?? ''),
    queryFn: ({ signal }) => api.call('dayClients', { query: { date: date! } }, signal),
    enabled: date !== null,
    staleTime: Infinity,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  })
}

/** After a change the live stream says so too; refetching the card at once shows it sooner. */
function useRefreshClient(id: number) {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.clientCard(id) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.clientLists }),
      queryClient.invalidateQueries({ queryKey: queryKeys.allDayClients }),
    ])
}

export function useAddNote(clientId: number) {
  const api = useApi()
  const refresh = useRefreshClient(clientId)
  return useMutation({
    mutationFn: (note: { kind: ClientNoteKind; text: string }) =>
      api.call('addClientNote', { params: { id: clientId }, body: note }),
    onSuccess: refresh,
  })
}

export function useChangeNote(clientId: number) {
  const api = useApi()
  const refresh = useRefreshClient(clientId)
  return useMutation({
    mutationFn: ({ noteId, text }: { noteId: string; text: string }) =>
      api.call('changeClientNote', { params: { id: clientId, noteId }, body: { text } }),
    onSuccess: refresh,
  })
}

export function useRemoveNote(clientId: number) {
  const api = useApi()
  const refresh = useRefreshClient(clientId)
  return useMutation({
    mutationFn: (noteId: string) =>
      api.call('removeClientNote', { params: { id: clientId, noteId } }),
    onSuccess: refresh,
  })
}

export function useMergeClients(intoId: number) {
  const api = useApi()
  const refresh = useRefreshClient(intoId)
  return useMutation({
    mutationFn: (fromId: number) =>
      api.call('mergeClients', { params: { id: intoId }, body: { from: fromId } }),
    onSuccess: refresh,
  })
}
