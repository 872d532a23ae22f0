// The typed API client, handed down once by the providers.
import { createContext, useContext } from 'react'
import type { ApiClient } from './api-client'

export const ApiContext = createContext<ApiClient | null>(null)

export function useApi(): ApiClient {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi outside <AppProviders>')
  return api
}
