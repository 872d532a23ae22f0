// What the UI's Connect button relies on besides POST /api/branch/connect: the outcome of the
// open browser sign-in (GET /api/branch/connect/attempt), giving it up (POST …/cancel), and the
// branch change on the live stream when the sign-in connects.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import type { ConnectAttempt } from '../../../shared/api/connect-attempt'
import { freePort } from '../../../../test/support/free-port'
import { consentInSandbox } from './sandbox-oauth.test-support'

let sandbox: RunningSandbox
let state: SandboxState
let port: number
let desk: TempDesk
beforeAll(async () => {
  port = await freePort()
  sandbox = await startSandbox({ port: 0, oauthRedirectUri: `http://127.0.0.1:${port}/callback` })
  state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
})
afterAll(() => sandbox.close())
beforeEach(async () => {
  desk = await startTempDesk({
    env: {
      FRONTDESK_CALCOM_API_URL: sandbox.url,
      FRONTDESK_CALCOM_APP_URL: sandbox.url,
      FRONTDESK_OAUTH_CLIENT_ID: state.oauthClient.clientId,
      FRONTDESK_OAUTH_REDIRECT_PORT: String(port),
    },
  })
})
afterEach(() => desk.dispose())

async function beginOAuth(): Promise<string> {
  const res = await deskFetch(desk, '/api/branch/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { authorizeUrl: string }).authorizeUrl
}

const attempt = async (): Promise<ConnectAttempt> =>
  (await (await deskFetch(desk, '/api/branch/connect/attempt')).json()) as ConnectAttempt

const branchConnection = async () =>
  ((await (await deskFetch(desk, '/api/branch')).json()) as { connection: string }).connection

/** Reads `data:` lines of the live stream until `want` returns true for one of them. */
async function liveUntil(want: (event: unknown) => boolean, signal: AbortSignal): Promise<void> {
  const res = await deskFetch(desk, '/api/live', { signal })
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffered = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) throw new Error('live stream ended')
    buffered += value
    const lines = buffered.split('\n')
    buffered = lines.pop()!
    for (const line of lines) {
      if (line.startsWith('data: ') && want(JSON.parse(line.slice(6)))) return
    }
  }
}

describe('the browser sign-in as the UI follows it', () => {
  it('answers "none" when no sign-in is open', async () => {
    expect(await attempt()).toEqual({ state: 'none' })
  })

  it('waits for Allow, then answers connected, and the live stream announces the branch', async () => {
    const authorizeUrl = await beginOAuth()
    const outcome = attempt()
    const live = new AbortController()
    const branchChanged = liveUntil((e) => (e as { type: string }).type === 'branch', live.signal)
    const account = state.accounts[0]!
    const page = await fetch(await consentInSandbox(authorizeUrl, account))
    expect(page.status).toBe(200)
    expect(await outcome).toMatchObject({
      state: 'connected',
      branch: {
        connection: 'connected',
        calcomAccountId: account.userId,
        timeZone: account.timeZone,
      },
    })
    await branchChanged
    live.abort()
    // The result was handed out; the sign-in is closed.
    expect(await attempt()).toEqual({ state: 'none' })
  })

  it('answers failed with the reason when the owner denies access, and the branch stays off', async () => {
    const authorizeUrl = await beginOAuth()
    const outcome = attempt()
    await fetch(await consentInSandbox(authorizeUrl, state.accounts[0]!, 'deny'))
    const result = await outcome
    expect(result.state).toBe('failed')
    expect(result).toMatchObject({ code: 'SIGN_IN_DENIED' })
    expect(result.state === 'failed' && result.reason).toMatch(/not allowed in Cal\.com/)
    expect(await branchConnection()).toBe('disconnected')
  })

  it('cancel ends the waiting attempt and refuses a later redirect from Cal.com', async () => {
    const authorizeUrl = await beginOAuth()
    const outcome = attempt()
    const cancelled = await deskFetch(desk, '/api/branch/connect/cancel', { method: 'POST' })
    expect(cancelled.status).toBe(200)
    expect(await outcome).toMatchObject({
      state: 'failed',
      code: 'SIGN_IN_CANCELLED',
      reason: expect.stringMatching(/cancelled/),
    })
    // The owner finishes in the browser anyway: the desk's listener is gone.
    const callback = await consentInSandbox(authorizeUrl, state.accounts[0]!)
    await expect(fetch(callback)).rejects.toThrow()
    expect(await branchConnection()).toBe('disconnected')
  })
})
