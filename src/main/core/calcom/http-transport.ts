// The one way the desk talks to Cal.com API v2: base URL, `cal-api-version`, bearer token, rate
// governor, timeout, response validation, error classification and the api_log row — for every
// call. Calls are answered with values (calcom-errors.ts), never thrown.
//
// Retries: only reads (GET) are retried here, briefly, on network errors and 5xx (p-retry, a
// well-kept backoff library). Writes are never retried by the client: a write whose outcome is
// unknown must be looked up, not repeated, and the outbox owns that decision (DESIGN.md §2).
import type { Static, TSchema } from '@sinclair/typebox'
import pRetry, { AbortError } from 'p-retry'
import type { Logger } from 'pino'
import type { ApiLog } from './api-log-store'
import {
  CalcomError,
  codeOfStatus,
  fail,
  kindOfStatus,
  ok,
  type CalcomResult,
} from './calcom-errors'
import type { CalcomCredential } from './calcom-credential'
import type { CallPriority, RateGovernor } from './rate-governor'
import { CalcomErrorBody, successEnvelope } from './response-schemas'
import { fits, shapeProblem } from './response-validation'

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE'
export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[]

export interface CalcomRequest<T extends TSchema> {
  method: HttpMethod
  /** Starts with /v2/ */
  path: string
  query?: Record<string, QueryValue>
  body?: unknown
  /** `cal-api-version` for this endpoint; omitted for endpoints that take none. */
  version?: string
  /** The schema of `data` in Cal.com's success envelope (or of the whole body with `bare`). */
  schema: T
  /** The body is not wrapped in `{status:"success", data}`. */
  bare?: boolean
  /** Extra attempts for this read, instead of the transport's `readRetries`. */
  retries?: number
  /** Whose budget share it draws on; by default writes are actions and reads are reads. */
  priority?: CallPriority
  /**
   * Aborted when no one waits for the answer any more: a call still queued for budget (or a
   * retry not yet sent) is dropped as CANCELLED. One already sent is let finish (a read's answer
   * still fills caches; a write's outcome would be unknown).
   */
  signal?: AbortSignal
  /**
   * Aborted: a read already sent is cut off too (the desk is closing, and a hung Cal.com must not
   * hold that up). Ignored for writes, whose outcome would then be unknown.
   */
  cutOff?: AbortSignal
}

export interface TransportOptions {
  baseUrl: string
  apiLog: ApiLog
  governor: RateGovernor
  logger?: Logger
  /** Per attempt; a timed-out call is TIMEOUT (transient, outcome unknown for writes). */
  timeoutMs?: number
  /** Extra attempts for reads on network errors and 5xx. */
  readRetries?: number
}

const ANONYMOUS = 'anonymous'

export class CalcomTransport {
  readonly baseUrl: string
  readonly #opts: Required<Omit<TransportOptions, 'logger'>> & { logger?: Logger }

  constructor(opts: TransportOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '')
    this.#opts = {
      ...opts,
      baseUrl: this.baseUrl,
      timeoutMs: opts.timeoutMs ?? 15_000,
      readRetries: opts.readRetries ?? 2,
    }
  }

  get governor(): RateGovernor {
    return this.#opts.governor
  }

  /** One API call with `credential` (null for the public endpoints such as slots). */
  async call<T extends TSchema>(
    credential: CalcomCredential | null,
    req: CalcomRequest<T>,
  ): Promise<CalcomResult<Static<T>>> {
    const once = () => this.#callOnce(credential, req)
    const retries = req.retries ?? this.#opts.readRetries
    if (req.method !== 'GET' || retries <= 0) return once()
    try {
      return await pRetry(
        async () => {
          const result = await once()
          if (
            !result.ok &&
            (result.error.code === 'NETWORK' || result.error.code === 'SERVER_ERROR')
          ) {
            throw result.error
          }
          return result
        },
        {
          retries,
          minTimeout: 250,
          maxTimeout: 2_000,
          randomize: true,
          shouldRetry: ({ error }) => !(error instanceof AbortError),
        },
      )
    } catch (err) {
      if (err instanceof CalcomError) return fail(err)
      throw err
    }
  }

  async #callOnce<T extends TSchema>(
    credential: CalcomCredential | null,
    req: CalcomRequest<T>,
    renewed = false,
  ): Promise<CalcomResult<Static<T>>> {
    const pathWithQuery = req.path + queryString(req.query)
    const headers: Record<string, string> = { accept: 'application/json' }
    if (req.version) headers['cal-api-version'] = req.version
    let token: string | undefined
    if (credential) {
      const bearer = await credential.bearer()
      if (!bearer.ok) return bearer
      token = bearer.value
      headers.authorization = `Bearer ${token}`
    }
    let body: string | undefined
    if (req.body !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(req.body)
    }
    const sent = await this.send(
      req.method,
      pathWithQuery,
      {
        headers,
        body,
        priority: req.priority,
        cancel: req.signal,
        signal: req.method === 'GET' ? req.cutOff : undefined,
      },
      credential?.rateKey,
    )
    if (!sent.ok) return sent
    const { response, text } = sent.value
    const where = { method: req.method, path: req.path, status: response.status }

    if (!response.ok) {
      const error = errorFromAnswer(response.status, text, where)
      if (error.kind === 'auth' && credential && token !== undefined) {
        const retry = !renewed && (await credential.rejected(token, error))
        if (retry) return this.#callOnce(credential, req, true)
      }
      return fail(error)
    }
    let json: unknown
    try {
      json = text === '' ? undefined : JSON.parse(text)
    } catch {
      return fail(unexpected(where, 'the body is not JSON'))
    }
    const schema = req.bare ? req.schema : successEnvelope(req.schema)
    const problem = shapeProblem(schema, json)
    if (problem) {
      this.#opts.logger?.warn({ ...where, problem }, 'Cal.com answered with an unexpected shape')
      return fail(unexpected(where, problem))
    }
    return ok((req.bare ? json : (json as { data: unknown }).data) as Static<T>)
  }

  /**
   * Sends one request within the credential's rate budget and logs it in api_log. Used by `call`
   * and by the OAuth token exchange (whose body is form-encoded and whose errors are RFC 6749).
   */
  async send(
    method: string,
    pathWithQuery: string,
    init: {
      headers: Record<string, string>
      body?: string | URLSearchParams
      signal?: AbortSignal
      priority?: CallPriority
      /** Aborted: drop the call if it is still waiting for budget. */
      cancel?: AbortSignal
    },
    rateKey: string | undefined,
  ): Promise<CalcomResult<{ response: Response; text: string }>> {
    const path = pathWithQuery.split('?')[0]!
    const admission = await this.#opts.governor.admit(rateKey ?? ANONYMOUS, {
      priority: init.priority ?? (method === 'GET' ? 'read' : 'action'),
      signal: init.cancel,
    })
    if (!admission.ok && admission.reason === 'cancelled') {
      return fail(
        new CalcomError('transient', 'CANCELLED', `No one waits for ${method} ${path} any more`, {
          method,
          path,
        }),
      )
    }
    if (!admission.ok) {
      return fail(
        new CalcomError(
          'transient',
          'RATE_LIMITED',
          `Cal.com's rate limit for this connection is used up until ${new Date(admission.retryAt).toISOString()}`,
          { method, path, retryAt: admission.retryAt },
        ),
      )
    }
    const started = performance.now()
    let response: Response | undefined
    let text = ''
    let error: CalcomError | undefined
    try {
      const timeout = AbortSignal.timeout(this.#opts.timeoutMs)
      response = await fetch(this.baseUrl + pathWithQuery, {
        method,
        headers: init.headers,
        body: init.body,
        redirect: 'manual',
        signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
      })
      text = await response.text()
    } catch (err) {
      // Cut off by the caller (a closing desk), not timed out by its own clock (oauth4webapi's).
      error =
        init.signal?.aborted && (init.signal.reason as Error | undefined)?.name !== 'TimeoutError'
          ? new CalcomError(
              'transient',
              'CANCELLED',
              `No one waits for ${method} ${path} any more`,
              {
                method,
                path,
              },
            )
          : networkError(err, method, path)
    } finally {
      admission.release(response?.headers ?? null, response?.status ?? null)
    }
    const durationMs = performance.now() - started
    const logged =
      error !== undefined
        ? `${error.code}: ${error.message}`
        : response && !response.ok
          ? errorLabel(response.status, text)
          : null
    this.#opts.apiLog.record({
      method,
      path: pathWithQuery,
      status: response?.status ?? null,
      durationMs,
      error: logged,
    })
    if (error || !response) return fail(error ?? networkError(undefined, method, path))
    return ok({ response, text })
  }
}

function queryString(query: CalcomRequest<TSchema>['query']): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    params.set(key, Array.isArray(value) ? value.join(',') : String(value))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

function networkError(err: unknown, method: string, path: string): CalcomError {
  const name = (err as { name?: string } | undefined)?.name
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new CalcomError(
      'transient',
      'TIMEOUT',
      `Cal.com did not answer ${method} ${path} in time`,
      {
        method,
        path,
      },
    )
  }
  const cause = (err as { cause?: { code?: string } } | undefined)?.cause?.code
  return new CalcomError(
    'transient',
    'NETWORK',
    `Cal.com could not be reached (${cause ?? (err as Error | undefined)?.message ?? 'no answer'})`,
    { method, path },
  )
}

function unexpected(where: { method: string; path: string; status: number }, problem: string) {
  return new CalcomError(
    'permanent',
    'UNEXPECTED_RESPONSE',
    `Cal.com answered ${where.method} ${where.path} with an unexpected shape: ${problem}`,
    where,
  )
}

function parseErrorBody(text: string): { code?: string; message?: string } {
  try {
    const body: unknown = JSON.parse(text)
    if (!fits(CalcomErrorBody, body)) return {}
    const m = body.error?.message
    return { code: body.error?.code, message: Array.isArray(m) ? m.join('; ') : m }
  } catch {
    return {}
  }
}

/** A non-2xx answer as an error value, with Cal.com's own reason when it gave one. */
export function errorFromAnswer(
  status: number,
  text: string,
  where: { method: string; path: string },
): CalcomError {
  const { code, message } = parseErrorBody(text)
  return new CalcomError(
    kindOfStatus(status),
    codeOfStatus(status),
    message ?? `Cal.com answered ${status} to ${where.method} ${where.path}`,
    { ...where, status, calcomCode: code },
  )
}

/** What api_log keeps of a failed answer: status class and Cal.com's error code, no free text. */
function errorLabel(status: number, text: string): string {
  const { code } = parseErrorBody(text)
  return `${codeOfStatus(status)}${code ? ` (${code})` : ''}`
}
