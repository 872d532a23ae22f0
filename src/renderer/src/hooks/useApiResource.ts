import { useEffect, useState } from 'react'
import type { ApiClient } from '../api/api-client'

export interface ApiResource<T> {
  /** The path the data (or error) belongs to; differs from the asked path while loading. */
  path: string | null
  /** The last data received; kept on screen while a newer request runs or after it failed. */
  data: T | null
  error: string | null
}

/**
 * GETs `path` whenever it or `version` changes (bump `version` to refetch). A response for a
 * path that is no longer asked for is dropped, so a slow old day never replaces a newer one.
 */
export function useApiResource<T>(api: ApiClient, path: string | null, version: number) {
  const [state, setState] = useState<ApiResource<T>>({ path: null, data: null, error: null })
  useEffect(() => {
    if (path === null) return
    const controller = new AbortController()
    api.get<T>(path, controller.signal).then(
      (data) => setState({ path, data, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        const message = error instanceof Error ? error.message : String(error)
        setState((previous) => ({ path, data: previous.data, error: message }))
      },
    )
    return () => controller.abort()
  }, [api, path, version])
  return state
}
