// Everything the screens share: the API client, server state (TanStack Query), the language
// and the hash router.
import { QueryClientProvider } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { Router } from 'wouter'
import { useHashLocation } from 'wouter/use-hash-location'
import type { ApiClient } from './api-client'
import { ApiContext } from './api-context'
import { LocaleProvider } from './i18n/LocaleProvider'
import { newQueryClient } from './query-client'

export function AppProviders({ api, children }: { api: ApiClient; children: ReactNode }) {
  const [queryClient] = useState(newQueryClient)
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
