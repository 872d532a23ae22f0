// Everything the screens share: the API client, server state (TanStack Query), the language
// and the hash router.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { Router } from 'wouter'
import { useHashLocation } from 'wouter/use-hash-location'
import type { ApiClient } from './api-client'
import { ApiContext } from './api-context'
import { LocaleProvider } from './i18n/LocaleProvider'

export function AppProviders({ api, children }: { api: ApiClient; children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // The live stream says when something changed, so nothing refetches on a timer or on
          // window focus; a failed read is retried once (the desk is on the same machine).
          queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 },
          mutations: { retry: false },
        },
      }),
  )
  return (
    <ApiContext.Provider value={api}>
      <QueryClientProvider client={queryClient}>
        <LocaleProvider>
          <Router hook={useHashLocation}>{children}</Router>
        </LocaleProvider>
      </QueryClientProvider>
    </ApiContext.Provider>
  )
}
