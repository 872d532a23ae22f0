// The few Cal.com API v2 calls enrollment needs (REFERENCE.md §2.5, §2.6), made with the
// caller's own credential. The relay never stores that credential.

export interface CalcomMe {
  id: number
  username?: string
  email?: string
}

export interface CalcomWebhook {
  id: string
  subscriberUrl: string
  triggers: string[]
  active: boolean
}

export class CalcomError extends Error {
  constructor(
    readonly kind: 'unauthorized' | 'unavailable' | 'conflict' | 'rejected',
    message: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'CalcomError'
  }
}

/** Cal.com answered 2xx with data the relay cannot use: the enrollment fails with a 502. */
const unexpected = (method: string, path: string, problem: string) =>
  new CalcomError(
    'unavailable',
    `Cal.com sent an unexpected answer to ${method} ${path}: ${problem}.`,
  )

/** Enough of a webhook to find ours and update it: an id, and the URL it calls. */
const isWebhook = (w: unknown): w is CalcomWebhook =>
  typeof w === 'object' &&
  w !== null &&
  typeof (w as CalcomWebhook).id === 'string' &&
  (w as CalcomWebhook).id !== '' &&
  typeof (w as CalcomWebhook).subscriberUrl === 'string'

const TIMEOUT_MS = 10_000
const PAGE = 250

export class CalcomClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'manual',
      })
    } catch (err) {
      throw new CalcomError(
        'unavailable',
        `Cal.com did not answer ${method} ${path}: ${(err as Error).message}`,
      )
    }
    const text = await res.text()
    if (res.status === 401 || res.status === 403) {
      throw new CalcomError(
        'unauthorized',
        `Cal.com refused the credential (${res.status}) on ${method} ${path}.`,
        res.status,
      )
    }
    if (res.status === 409)
      throw new CalcomError('conflict', `Cal.com answered 409 on ${method} ${path}.`, 409)
    if (res.status === 429 || res.status >= 500) {
      throw new CalcomError(
        'unavailable',
        `Cal.com answered ${res.status} on ${method} ${path}.`,
        res.status,
      )
    }
    if (res.status < 200 || res.status >= 300) {
      throw new CalcomError(
        'rejected',
        `Cal.com answered ${res.status} on ${method} ${path}.`,
        res.status,
      )
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new CalcomError(
        'unavailable',
        `Cal.com sent a non-JSON answer to ${method} ${path}.`,
        res.status,
      )
    }
    const env = json as { status?: string; data?: unknown }
    if (env.status !== 'success' || env.data === undefined) {
      throw new CalcomError(
        'unavailable',
        `Cal.com sent an unexpected envelope for ${method} ${path}.`,
        res.status,
      )
    }
    return env.data as T
  }

  async me(): Promise<CalcomMe> {
    const me = await this.call<CalcomMe>('GET', '/v2/me')
    if (typeof me?.id !== 'number')
      throw new CalcomError('unavailable', 'Cal.com /v2/me has no numeric id.')
    return me
  }

  async listWebhooks(): Promise<CalcomWebhook[]> {
    const all: CalcomWebhook[] = []
    for (let skip = 0; ; skip += PAGE) {
      const path = `/v2/webhooks?take=${PAGE}&skip=${skip}`
      const page = await this.call<unknown>('GET', path)
      if (!Array.isArray(page) || !page.every(isWebhook))
        throw unexpected('GET', path, 'its data is not a list of webhooks with ids')
      all.push(...page)
      if (page.length < PAGE) return all
    }
  }

  async createWebhook(input: {
    subscriberUrl: string
    triggers: string[]
    secret: string
  }): Promise<CalcomWebhook> {
    const created = await this.call<unknown>('POST', '/v2/webhooks', { ...input, active: true })
    if (!isWebhook(created)) throw unexpected('POST', '/v2/webhooks', 'the webhook has no id')
    return created
  }

  updateWebhook(id: string, input: { triggers: string[]; secret: string }): Promise<CalcomWebhook> {
    return this.call('PATCH', `/v2/webhooks/${encodeURIComponent(id)}`, { ...input, active: true })
  }
}
