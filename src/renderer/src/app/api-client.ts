// The renderer's only way to the desk: HTTP to the local API with the session token, typed by the
// route table in src/shared (each call's params, query, body and answer are the route's schemas).
import type { ApiError } from '../../../shared/api/schemas'
import { PRIMARY_BRANCH_KEY } from '../../../shared/api/branches'
import {
  ROUTES,
  type RouteInput,
  type RouteName,
  type RouteOutput,
} from '../../../shared/api/routes'

/** Where the local API is and the session token it wants (session.ts finds them at start). */
interface DeskAddress {
  apiBaseUrl: string
  token: string
}

/** A failed request, carrying the API's own code (and the field or booking it names). */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number | null,
    /** The input that was wrong, when the API named one. */
    readonly field?: string,
    /** The booking a refusal is about (DUPLICATE_BOOKING). */
    readonly uid?: string,
    /** The code's parameters (PIN_LOCKED: until; PIN_WRONG: attemptsLeft). */
    readonly params?: Record<string, unknown>,
    /** Why a VALIDATION refused the field (a ValidationReason, validation-reasons.ts). */
    readonly reason?: string,
  ) {
    super(message)
    this.name = 'ApiRequestError'
  }
}

type CallArgs<N extends RouteName> =
  object extends RouteInput<N>
    ? [input?: RouteInput<N>, signal?: AbortSignal]
    : [input: RouteInput<N>, signal?: AbortSignal]

export interface ApiClient {
  call<N extends RouteName>(name: N, ...args: CallArgs<N>): Promise<RouteOutput<N>>
  liveUrl(): string
  /** The branch this client's branch routes go to. */
  readonly branchKey: string
  /**
   * The same desk, its branch routes sent to another branch of the app (`/b/<key>/api/…`, the
   * live stream included); the app's own routes (branches, overview) stay where they are.
   */
  forBranch(key: string): ApiClient
}

/** What goes before a branch route's path: nothing for the app's first branch. */
export function branchPrefix(key: string): string {
  return key === PRIMARY_BRANCH_KEY ? '' : `/b/${encodeURIComponent(key)}`
}

interface LooseInput {
  params?: Record<string, string | number>
  query?: Record<string, unknown>
  body?: unknown
  idempotencyKey?: string
}

/** The URL path and query of a call: `:name` placeholders filled, arrays repeated. */
export function routeUrl(name: RouteName, input: LooseInput = {}): string {
  const path = ROUTES[name].path.replace(/:(\w+)/g, (_, key: string) => {
    const value = input.params?.[key]
    if (value === undefined) throw new TypeError(`${name} needs the path parameter ${key}`)
    return encodeURIComponent(String(value))
  })
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(input.query ?? {})) {
    if (value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one))
  }
  const query = search.toString()
  return query ? `${path}?${query}` : path
}

export function createApiClient(
  session: DeskAddress,
  fetchImpl: typeof fetch = fetch,
  branchKey: string = PRIMARY_BRANCH_KEY,
): ApiClient {
  const prefix = branchPrefix(branchKey)
  async function call(name: RouteName, input: LooseInput = {}, signal?: AbortSignal) {
    const route = ROUTES[name]
    const headers: Record<string, string> = {
      Authorization: `Bearer ${session.token}`,
      Accept: 'application/json',
    }
    const init: RequestInit = { method: route.method, headers, signal }
    if (input.body !== undefined) {
      headers['Content-Type'] = 'application/json'
      init.body = JSON.stringify(input.body)
    }
    if (input.idempotencyKey) headers['Idempotency-Key'] = input.idempotencyKey
    let response: Response
    try {
      const routePrefix = 'app' in route ? '' : prefix
      response = await fetchImpl(session.apiBaseUrl + routePrefix + routeUrl(name, input), init)
    } catch (error) {
      if (signal?.aborted) throw error
      throw new ApiRequestError('The desk is not answering. Is it still running?', 'NETWORK', null)
    }
    const body: unknown = await response.json().catch(() => undefined)
    if (!response.ok) throw errorFrom(body, response.status)
    return body
  }

  return {
    call: ((name: RouteName, input?: LooseInput, signal?: AbortSignal) =>
      call(name, input, signal)) as ApiClient['call'],
    liveUrl() {
      // EventSource cannot send headers, so the live stream takes the token as a query parameter.
      return `${session.apiBaseUrl}${prefix}/api/live?token=${encodeURIComponent(session.token)}`
    },
    branchKey,
    forBranch: (key) => createApiClient(session, fetchImpl, key),
  }
}

function errorFrom(body: unknown, status: number): ApiRequestError {
  const error = (body as Partial<ApiError> | undefined)?.error
  if (error && typeof error.message === 'string' && typeof error.code === 'string') {
    return new ApiRequestError(
      error.message,
      error.code,
      status,
      error.field,
      error.uid,
      error.params,
      error.reason,
    )
  }
  return new ApiRequestError(`The desk answered with HTTP ${status}.`, 'HTTP', status)
}
