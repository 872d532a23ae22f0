import { describe, expect, it } from 'vitest'
import { ApiRequestError, createApiClient } from './api-client'

const session = { apiBaseUrl: 'http://127.0.0.1:4000', token: 'secret token' }

function respond(status: number, body: unknown) {
  const calls: { url: string; init?: RequestInit }[] = []
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init })
    return new Response(JSON.stringify(body), { status })
  }) as typeof fetch
  return { calls, client: createApiClient(session, fetchImpl) }
}

describe('createApiClient', () => {
  it('sends the session token as a bearer token', async () => {
    const { calls, client } = respond(200, { ok: true })
    await expect(client.call('health')).resolves.toEqual({ ok: true })
    expect(calls[0]?.url).toBe('http://127.0.0.1:4000/api/health')
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer secret token')
  })

  it("turns an API error into its code, reason and field, keeping the API's own message", async () => {
    const { client } = respond(400, {
      error: {
        code: 'VALIDATION',
        reason: 'not_a_date',
        message: 'date must be YYYY-MM-DD',
        field: 'date',
      },
    })
    const error = await client.call('day', { query: { date: 'x' } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiRequestError)
    expect(error).toMatchObject({
      message: 'date must be YYYY-MM-DD',
      code: 'VALIDATION',
      reason: 'not_a_date',
      field: 'date',
      status: 400,
    })
  })

  it('names the status when the error body is not an API error', async () => {
    const { client } = respond(502, 'bad gateway')
    await expect(client.call('branch')).rejects.toThrow('The desk answered with HTTP 502.')
  })

  it('says the desk is not answering when the request cannot be made', async () => {
    const client = createApiClient(session, (async () => {
      throw new TypeError('fetch failed')
    }) as typeof fetch)
    await expect(client.call('branch')).rejects.toMatchObject({ code: 'NETWORK' })
  })

  it('posts JSON with the token, or no body at all', async () => {
    const { calls, client } = respond(200, { authorizeUrl: 'http://cal.test/authorize' })
    await expect(client.call('connect', { body: {} })).resolves.toEqual({
      authorizeUrl: 'http://cal.test/authorize',
    })
    await client.call('disconnect')
    const [withBody, withoutBody] = calls
    expect(withBody?.init?.method).toBe('POST')
    expect(withBody?.init?.body).toBe('{}')
    const headers = new Headers(withBody?.init?.headers)
    expect(headers.get('content-type')).toBe('application/json')
    expect(headers.get('authorization')).toBe('Bearer secret token')
    expect(withoutBody?.init?.body).toBeUndefined()
    expect(new Headers(withoutBody?.init?.headers).get('content-type')).toBeNull()
  })

  it('keeps the field the API named as wrong', async () => {
    const { client } = respond(400, {
      error: {
        code: 'INVALID_API_KEY',
        message: 'Cal.com did not accept this API key',
        field: 'apiKey',
      },
    })
    await expect(client.call('connect', { body: { apiKey: 'cal_x' } })).rejects.toMatchObject({
      code: 'INVALID_API_KEY',
      field: 'apiKey',
    })
  })

  it('fills path parameters, repeats array query values and sends the Idempotency-Key', async () => {
    const { calls, client } = respond(202, { appointment: {}, outboxId: 1 })
    await client.call('cancel', { params: { uid: 'a/b c' }, body: { reason: 'ill' } })
    await client.call('outbox', { query: { state: ['pending', 'needs_attention'] } })
    await client.call('book', {
      body: {
        eventTypeId: 1,
        start: '2026-03-10T09:00:00Z',
        attendee: { name: 'Rita' },
      },
      idempotencyKey: 'form-1',
    })
    expect(calls[0]?.url).toBe('http://127.0.0.1:4000/api/appointments/a%2Fb%20c/cancel')
    expect(calls[1]?.url).toBe(
      'http://127.0.0.1:4000/api/outbox?state=pending&state=needs_attention',
    )
    expect(new Headers(calls[2]?.init?.headers).get('idempotency-key')).toBe('form-1')
    expect(new Headers(calls[0]?.init?.headers).get('idempotency-key')).toBeNull()
  })

  it('puts the token, encoded, on the live stream URL', () => {
    expect(respond(200, {}).client.liveUrl()).toBe(
      'http://127.0.0.1:4000/api/live?token=secret%20token',
    )
  })

  it("sends another branch's routes under /b/<key>, live stream included, never the app's own", async () => {
    const { calls, client } = respond(200, {})
    const madrid = client.forBranch('madrid')
    await madrid.call('day', { query: { date: '2026-03-10' } })
    await madrid.call('overview', { query: { range: 'today' } })
    await madrid.call('branches')
    await madrid.forBranch('main').call('day', { query: { date: '2026-03-10' } })
    expect(calls.map((c) => c.url)).toEqual([
      'http://127.0.0.1:4000/b/madrid/api/appointments?date=2026-03-10',
      'http://127.0.0.1:4000/api/overview?range=today',
      'http://127.0.0.1:4000/api/branches',
      'http://127.0.0.1:4000/api/appointments?date=2026-03-10',
    ])
    expect(madrid.branchKey).toBe('madrid')
    expect(madrid.liveUrl()).toBe('http://127.0.0.1:4000/b/madrid/api/live?token=secret%20token')
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer secret token')
  })
})
