// The renderer's only way to the desk: HTTP to the local API with the session token.
import type { ApiError } from '../../../shared/api/schemas'
import type { ApiSession } from './session'

/** A failed request, carrying the API's own code and sentence for the screen. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number | null,
    /** The input that was wrong, when the API named one. */
    readonly field?: string,
  ) {
    super(message)
    this.name = 'ApiRequestError'
  }
}

export interface ApiClient {
  get<T>(path: string, signal?: AbortSignal): Promise<T>
  /** POSTs `body` as JSON, or nothing when it is undefined. */
  post<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T>
  liveUrl(): string
}

export function createApiClient(session: ApiSession, fetchImpl: typeof fetch = fetch): ApiClient {
  async function request<T>(path: string, init: RequestInit, signal?: AbortSignal): Promise<T> {
    let response: Response
    try {
      response = await fetchImpl(session.apiBaseUrl + path, {
        ...init,
        headers: {
          Authorization: `Bearer ${session.token}`,
          Accept: 'application/json',
          ...init.headers,
        },
        signal,
      })
    } catch (error) {
      if (signal?.aborted) throw error
      throw new ApiRequestError('The desk is not answering. Is it still running?', 'NETWORK', null)
    }
    const body: unknown = await response.json().catch(() => undefined)
    if (!response.ok) throw errorFrom(body, response.status)
    return body as T
  }

  return {
    get: <T>(path: string, signal?: AbortSignal) => request<T>(path, {}, signal),
    post: <T>(path: string, body?: unknown, signal?: AbortSignal) =>
      request<T>(
        path,
        body === undefined
          ? { method: 'POST' }
          : {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(body),
            },
        signal,
      ),
    liveUrl() {
      // EventSource cannot send headers, so the live stream takes the token as a query parameter.
      return `${session.apiBaseUrl}/api/live?token=${encodeURIComponent(session.token)}`
    },
  }
}

function errorFrom(body: unknown, status: number): ApiRequestError {
  const error = (body as Partial<ApiError> | undefined)?.error
  if (error && typeof error.message === 'string' && typeof error.code === 'string') {
    return new ApiRequestError(error.message, error.code, status, error.field)
  }
  return new ApiRequestError(`The desk answered with HTTP ${status}.`, 'HTTP', status)
}
