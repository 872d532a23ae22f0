// The Connect flow against a stand-in of the desk's HTTP answers (the real desk and browser
// redirect are exercised by e2e/connect-button.spec.ts).
import { describe, expect, it } from 'vitest'
import type { ConnectAttempt } from '../../../../../shared/api/connect-attempt'
import type { Branch } from '../../../../../shared/api/schemas'
import { createApiClient } from '../../../app/api-client'
import { ConnectFlow } from './connect-calcom'

const AUTHORIZE_URL = 'http://127.0.0.1:5555/auth/oauth2/authorize?client_id=desk'
const branch = (connection: Branch['connection']): Branch => ({
  id: 1,
  name: 'Maple & Vine Toronto',
  timeZone: 'America/Toronto',
  calcomAccountId: connection === 'disconnected' ? null : 7,
  calcomUsername: connection === 'disconnected' ? null : 'maple-toronto',
  connection,
})

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** Answers like the desk; the open sign-in ends when the test calls `finishAttempt`. */
function fakeDesk(
  opts: {
    connectAnswer?: () => Response
    keyAnswer?: (key: string) => Response
    openUrl?: (url: string) => Promise<void>
  } = {},
) {
  const requests: string[] = []
  let finishAttempt: (a: ConnectAttempt) => void = () => undefined
  let attemptAborted = false
  const fetchImpl = (async (url: string, init: RequestInit = {}) => {
    const path = new URL(url).pathname
    requests.push(`${init.method ?? 'GET'} ${path}${init.body ? ` ${String(init.body)}` : ''}`)
    if (path === '/api/branch/connect') {
      const body = JSON.parse(String(init.body)) as { apiKey?: string }
      if (body.apiKey !== undefined) {
        return opts.keyAnswer?.(body.apiKey) ?? json(200, { branch: branch('connected') })
      }
      return opts.connectAnswer?.() ?? json(200, { authorizeUrl: AUTHORIZE_URL })
    }
    if (path === '/api/branch/connect/attempt') {
      return new Promise<Response>((resolve, reject) => {
        finishAttempt = (a) => resolve(json(200, a))
        init.signal?.addEventListener('abort', () => {
          attemptAborted = true
          reject(new DOMException('aborted', 'AbortError'))
        })
      })
    }
    if (path === '/api/branch/connect/cancel') {
      finishAttempt({
        state: 'failed',
        code: 'SIGN_IN_CANCELLED',
        reason: 'The sign-in was cancelled.',
      })
      return json(200, branch('disconnected'))
    }
    if (path === '/api/branch/disconnect') return json(200, branch('disconnected'))
    return json(404, { error: { code: 'NOT_FOUND', message: 'no such route' } })
  }) as typeof fetch

  const api = createApiClient({ apiBaseUrl: 'http://127.0.0.1:4000', token: 't' }, fetchImpl)
  const opened: string[] = []
  const branches: Branch[] = []
  const flow = new ConnectFlow({
    api,
    openUrl: opts.openUrl ?? (async (url) => void opened.push(url)),
    onBranch: (b) => void branches.push(b),
  })
  return {
    flow,
    requests,
    opened,
    branches,
    finish: (a: ConnectAttempt) => finishAttempt(a),
    aborted: () => attemptAborted,
  }
}

/** Lets the pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the Connect flow', () => {
  it('starts the sign-in, opens Cal.com, waits, and hands over the connected branch', async () => {
    const desk = fakeDesk()
    const done = desk.flow.startOAuth()
    expect(desk.flow.getState().step.kind).toBe('starting')
    await settle()
    expect(desk.requests[0]).toBe('POST /api/branch/connect {}')
    expect(desk.opened).toEqual([AUTHORIZE_URL])
    expect(desk.flow.getState().step).toEqual({ kind: 'waiting', authorizeUrl: AUTHORIZE_URL })
    desk.finish({ state: 'connected', branch: branch('connected') })
    await done
    expect(desk.flow.getState()).toEqual({ step: { kind: 'idle' }, problem: null })
    expect(desk.branches.map((b) => b.connection)).toEqual(['connected'])
  })

  it("shows Cal.com's refusal and is ready to connect again", async () => {
    const desk = fakeDesk()
    const done = desk.flow.startOAuth()
    await settle()
    const reason = 'Access was not allowed in Cal.com, so Frontdesk is not connected.'
    desk.finish({ state: 'failed', code: 'SIGN_IN_DENIED', reason })
    await done
    expect(desk.flow.getState()).toEqual({
      step: { kind: 'idle' },
      problem: { kind: 'code', code: 'SIGN_IN_DENIED' },
    })
    expect(desk.branches).toEqual([])
  })

  it('Cancel stops waiting, tells the desk, and shows no error', async () => {
    const desk = fakeDesk()
    const done = desk.flow.startOAuth()
    await settle()
    await desk.flow.cancel()
    await done
    expect(desk.aborted()).toBe(true)
    expect(desk.requests).toContain('POST /api/branch/connect/cancel')
    expect(desk.flow.getState()).toEqual({ step: { kind: 'idle' }, problem: null })
  })

  it("says why the desk could not start the sign-in, in the desk's words", async () => {
    const message = 'This desk has no Cal.com OAuth client id; connect with an API key instead.'
    const desk = fakeDesk({
      connectAnswer: () => json(409, { error: { code: 'OAUTH_NOT_CONFIGURED', message } }),
    })
    await desk.flow.startOAuth()
    expect(desk.flow.getState()).toEqual({
      step: { kind: 'idle' },
      problem: {
        kind: 'refusal',
        error: expect.objectContaining({ code: 'OAUTH_NOT_CONFIGURED' }),
      },
    })
    expect(desk.opened).toEqual([])
  })

  it('keeps waiting with the link when the browser cannot be opened', async () => {
    const desk = fakeDesk({
      openUrl: async () => {
        throw new Error('no browser')
      },
    })
    void desk.flow.startOAuth()
    await settle()
    expect(desk.flow.getState().step.kind).toBe('waiting')
    expect(desk.flow.getState().problem).toEqual({ kind: 'code', code: 'BROWSER_DID_NOT_OPEN' })
  })
})

describe('the API key form', () => {
  it('checks the key before asking the desk', async () => {
    const desk = fakeDesk()
    desk.flow.showApiKeyForm()
    await desk.flow.submitApiKey('sk_live_nope_123456')
    expect(desk.flow.getState().step).toEqual({
      kind: 'api-key',
      busy: false,
      error: { kind: 'code', code: 'API_KEY_NOT_CALCOM' },
    })
    expect(desk.requests.filter((r) => r.includes('apiKey'))).toEqual([])
  })

  it("shows Cal.com's refusal of the key next to the field", async () => {
    const desk = fakeDesk({
      keyAnswer: () =>
        json(400, {
          error: {
            code: 'INVALID_API_KEY',
            message: 'Cal.com did not accept this API key',
            field: 'apiKey',
          },
        }),
    })
    desk.flow.showApiKeyForm()
    await desk.flow.submitApiKey('  cal_live_0123456789abcdef ')
    expect(desk.requests).toContain(
      'POST /api/branch/connect {"apiKey":"cal_live_0123456789abcdef"}',
    )
    expect(desk.flow.getState()).toEqual({
      step: {
        kind: 'api-key',
        busy: false,
        error: { kind: 'refusal', error: expect.objectContaining({ code: 'INVALID_API_KEY' }) },
      },
      problem: null,
    })
  })

  it('connects with a good key', async () => {
    const desk = fakeDesk()
    desk.flow.showApiKeyForm()
    await desk.flow.submitApiKey('cal_live_0123456789abcdef')
    expect(desk.flow.getState()).toEqual({ step: { kind: 'idle' }, problem: null })
    expect(desk.branches.map((b) => b.connection)).toEqual(['connected'])
  })
})

describe('Disconnect', () => {
  it('asks first; Stay connected changes nothing', async () => {
    const desk = fakeDesk()
    desk.flow.askDisconnect()
    expect(desk.flow.getState().step).toEqual({ kind: 'confirm-disconnect', busy: false })
    desk.flow.close()
    expect(desk.flow.getState().step.kind).toBe('idle')
    expect(desk.requests).toEqual([])
  })

  it('disconnects once confirmed and hands over the branch', async () => {
    const desk = fakeDesk()
    desk.flow.askDisconnect()
    await desk.flow.confirmDisconnect()
    expect(desk.requests).toEqual(['POST /api/branch/disconnect'])
    expect(desk.branches.map((b) => b.connection)).toEqual(['disconnected'])
    expect(desk.flow.getState().step.kind).toBe('idle')
  })
})
