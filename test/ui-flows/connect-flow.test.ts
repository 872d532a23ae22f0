// What the Connect, API key, Cancel and Disconnect buttons do (src/renderer/src/features/settings/
// connect/connect-calcom.ts), against a real desk and the Cal.com sandbox: the renderer's own API
// client over HTTP, and the browser's part of the sign-in (sign in, Allow or Deny, the redirect to
// the desk's loopback listener) answered with plain HTTP as a browser's forms would.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../sandbox/src/index'
import { consentInSandbox } from '../../src/main/core/connect/sandbox-oauth.test-support'
import type { Branch } from '../../src/shared/api/schemas'
import { createApiClient } from '../../src/renderer/src/app/api-client'
import { ConnectFlow } from '../../src/renderer/src/features/settings/connect/connect-calcom'
import { freePort } from '../support/free-port'
import { deskFetch, startTempDesk, type TempDesk } from '../support/temp-desk'

let sandbox: RunningSandbox
let state: SandboxState
let port: number
beforeAll(async () => {
  port = await freePort()
  sandbox = await startSandbox({ port: 0, oauthRedirectUri: `http://127.0.0.1:${port}/callback` })
  state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
})
afterAll(() => sandbox?.close())

let desk: TempDesk
const deskOn = (opts: { oauth: boolean }) =>
  startTempDesk({
    env: {
      FRONTDESK_LOG_LEVEL: 'silent',
      FRONTDESK_CALCOM_API_URL: sandbox.url,
      FRONTDESK_CALCOM_APP_URL: sandbox.url,
      FRONTDESK_OAUTH_REDIRECT_PORT: String(port),
      ...(opts.oauth ? { FRONTDESK_OAUTH_CLIENT_ID: state.oauthClient.clientId } : {}),
    },
  })
beforeEach(async () => {
  desk = await deskOn({ oauth: true })
})
afterEach(() => desk?.dispose())

/** The flow as the header runs it, on `on`'s real HTTP; records what it asks the desk. */
function connectFlow(on: TempDesk, opts: { openUrl?: (url: string) => Promise<void> } = {}) {
  const requests: string[] = []
  const recording = ((url: string, init: RequestInit = {}) => {
    const body = typeof init.body === 'string' ? ` ${init.body}` : ''
    requests.push(`${init.method ?? 'GET'} ${new URL(url).pathname}${body}`)
    return fetch(url, init)
  }) as typeof fetch
  const api = createApiClient({ apiBaseUrl: on.url, token: on.token }, recording)
  const opened: string[] = []
  let browserOpened!: (url: string) => void
  const browser = new Promise<string>((resolve) => (browserOpened = resolve))
  const branches: Branch[] = []
  const flow = new ConnectFlow({
    api,
    openUrl: async (url) => {
      opened.push(url)
      browserOpened(url)
      await opts.openUrl?.(url)
    },
    onBranch: (b) => void branches.push(b),
  })
  return { flow, requests, opened, browser, branches }
}

/**
 * The browser's part, once the flow asks the desk how the sign-in ends (as the person takes
 * longer to sign in than that): signs in at the sandbox, answers the consent, follows the
 * redirect.
 */
async function inTheBrowser(
  c: { requests: string[] },
  authorizeUrl: string,
  decision: 'allow' | 'deny',
) {
  await expect.poll(() => c.requests).toContain('GET /api/branch/connect/attempt')
  const callback = await consentInSandbox(authorizeUrl, state.accounts[0]!, decision)
  return fetch(callback).then(
    (r) => r.status,
    () => 'not reached' as const,
  )
}

const branchAtDesk = async (on = desk) =>
  (await (await deskFetch(on, '/api/branch')).json()) as Branch

describe('the Connect flow', () => {
  it('starts the sign-in, opens Cal.com, waits, and hands over the connected branch', async () => {
    const c = connectFlow(desk)
    const done = c.flow.startOAuth()
    expect(c.flow.getState().step.kind).toBe('starting')
    const authorizeUrl = await c.browser
    expect(c.requests[0]).toBe('POST /api/branch/connect {}')
    expect(new URL(authorizeUrl).origin).toBe(sandbox.url)
    expect(c.flow.getState().step).toEqual({ kind: 'waiting', authorizeUrl })
    expect(await inTheBrowser(c, authorizeUrl, 'allow')).toBe(200)
    await done
    expect(c.flow.getState()).toEqual({ step: { kind: 'idle' }, problem: null })
    expect(c.branches.map((b) => [b.connection, b.calcomAccountId])).toEqual([
      ['connected', state.accounts[0]!.userId],
    ])
    expect((await branchAtDesk()).connection).toBe('connected')
  })

  it("shows Cal.com's refusal and is ready to connect again", async () => {
    const c = connectFlow(desk)
    const done = c.flow.startOAuth()
    await inTheBrowser(c, await c.browser, 'deny')
    await done
    expect(c.flow.getState()).toEqual({
      step: { kind: 'idle' },
      problem: { kind: 'code', code: 'SIGN_IN_DENIED' },
    })
    expect(c.branches).toEqual([])
    expect((await branchAtDesk()).connection).toBe('disconnected')
  })

  it('Cancel stops waiting, tells the desk, and shows no error; a later Allow connects nothing', async () => {
    const c = connectFlow(desk)
    const done = c.flow.startOAuth()
    const authorizeUrl = await c.browser
    await c.flow.cancel()
    await done
    expect(c.requests).toContain('POST /api/branch/connect/cancel')
    expect(c.flow.getState()).toEqual({ step: { kind: 'idle' }, problem: null })
    await inTheBrowser(c, authorizeUrl, 'allow')
    expect(c.branches).toEqual([])
    expect((await branchAtDesk()).connection).toBe('disconnected')
  })

  it("says why the desk could not start the sign-in, in the desk's words", async () => {
    const noOAuth = await deskOn({ oauth: false })
    try {
      const c = connectFlow(noOAuth)
      await c.flow.startOAuth()
      expect(c.flow.getState()).toEqual({
        step: { kind: 'idle' },
        problem: {
          kind: 'refusal',
          error: expect.objectContaining({ code: 'OAUTH_NOT_CONFIGURED' }),
        },
      })
      expect(c.opened).toEqual([])
    } finally {
      await noOAuth.dispose()
    }
  })

  it('keeps waiting with the link when the browser cannot be opened', async () => {
    const c = connectFlow(desk, {
      openUrl: async () => {
        throw new Error('no browser')
      },
    })
    const done = c.flow.startOAuth()
    const authorizeUrl = await c.browser
    await expect
      .poll(() => c.flow.getState())
      .toEqual({
        step: { kind: 'waiting', authorizeUrl },
        problem: { kind: 'code', code: 'BROWSER_DID_NOT_OPEN' },
      })
    // The link, opened by hand, still connects.
    expect(await inTheBrowser(c, authorizeUrl, 'allow')).toBe(200)
    await done
    expect(c.branches.map((b) => b.connection)).toEqual(['connected'])
  })
})

describe('the API key form', () => {
  it('checks the key before asking the desk', async () => {
    const c = connectFlow(desk)
    c.flow.showApiKeyForm()
    await c.flow.submitApiKey('sk_live_nope_123456')
    expect(c.flow.getState().step).toEqual({
      kind: 'api-key',
      busy: false,
      error: { kind: 'code', code: 'API_KEY_NOT_CALCOM' },
    })
    expect(c.requests).toEqual([])
  })

  it("shows Cal.com's refusal of the key next to the field", async () => {
    const c = connectFlow(desk)
    c.flow.showApiKeyForm()
    await c.flow.submitApiKey('  cal_live_0123456789abcdef ')
    expect(c.requests).toEqual(['POST /api/branch/connect {"apiKey":"cal_live_0123456789abcdef"}'])
    expect(c.flow.getState()).toEqual({
      step: {
        kind: 'api-key',
        busy: false,
        error: { kind: 'refusal', error: expect.objectContaining({ code: 'INVALID_API_KEY' }) },
      },
      problem: null,
    })
    expect((await branchAtDesk()).connection).toBe('disconnected')
  })

  it('connects with a good key', async () => {
    const c = connectFlow(desk)
    c.flow.showApiKeyForm()
    await c.flow.submitApiKey(state.accounts[1]!.apiKey)
    expect(c.flow.getState()).toEqual({ step: { kind: 'idle' }, problem: null })
    expect(c.branches.map((b) => [b.connection, b.calcomAccountId])).toEqual([
      ['connected', state.accounts[1]!.userId],
    ])
    expect((await branchAtDesk()).connection).toBe('connected')
  })
})

describe('Disconnect', () => {
  beforeEach(async () => {
    const c = connectFlow(desk)
    c.flow.showApiKeyForm()
    await c.flow.submitApiKey(state.accounts[0]!.apiKey)
    expect((await branchAtDesk()).connection).toBe('connected')
  })

  it('asks first; Stay connected changes nothing', async () => {
    const c = connectFlow(desk)
    c.flow.askDisconnect()
    expect(c.flow.getState().step).toEqual({ kind: 'confirm-disconnect', busy: false })
    c.flow.close()
    expect(c.flow.getState().step.kind).toBe('idle')
    expect(c.requests).toEqual([])
    expect((await branchAtDesk()).connection).toBe('connected')
  })

  it('disconnects once confirmed and hands over the branch', async () => {
    const c = connectFlow(desk)
    c.flow.askDisconnect()
    await c.flow.confirmDisconnect()
    expect(c.requests).toEqual(['POST /api/branch/disconnect'])
    expect(c.branches.map((b) => b.connection)).toEqual(['disconnected'])
    expect(c.flow.getState().step.kind).toBe('idle')
    expect((await branchAtDesk()).connection).toBe('disconnected')
  })
})
