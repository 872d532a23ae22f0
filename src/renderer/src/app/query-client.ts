// One query cache's settings, shared by the app's cache and each branch's (features/branches).
import { QueryClient } from '@tanstack/react-query'

export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The live stream says when something changed, so nothing refetches on a timer or on
      // window focus; a failed read is retried once (the desk is on the same machine).
      queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 },
      mutations: { retry: false },
    },
  })
}
