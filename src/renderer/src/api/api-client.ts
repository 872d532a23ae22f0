// The renderer's only way to the desk: HTTP to the local API with the session token.
import type { ApiError } from '../../../shared/api/schemas'
import type { ApiSession } from './session'

/** A failed request, carrying the API's own code and sentence for the screen. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number | null,
  ) {
    super(message)
    this.name = 'ApiRequestError'
  }
}

export interface ApiClient {
  get<T>(path: string, signal?: AbortSignal): Promise<T>
  liveUrl(): string
}

export function createApiClient(session: ApiSession, fetchImpl: typeof fetch = fetch): ApiClient {
  return {
    async get<T>(path: string, signal?: AbortSignal): Promise<T> {
      let response: Response
      try {
        response = await fetchImpl(session.apiBaseUrl + path, {
          headers: { Authorization: `Bearer ${session.token}`, Accept: 'application/json' },
          signal,
        })
      } catch (error) {
        if (signal?.aborted) throw error
        throw new ApiRequestError(
          'The desk is not answering. Is it still running?',
          'NETWORK',
          null,
        )
      }
      const body: unknown = await response.json().catch(() => undefined)
      if (!response.ok) throw errorFrom(body, response.status)
      return body as T
    },
    liveUrl() {
      // EventSource cannot send headers, so the live stream takes the token as a query parameter.
      return `${session.apiBaseUrl}/api/live?token=${encodeURIComponent(session.token)}`
    },
  }
}

function errorFrom(body: unknown, status: number): ApiRequestError {
  const error = (body as Partial<ApiError> | undefined)?.error
  if (error && typeof error.message === 'string' && typeof error.code === 'string') {
    return new ApiRequestError(error.message, error.code, status)
  }
  return new ApiRequestError(`The desk answered with HTTP ${status}.`, 'HTTP', status)
}
