// Connecting with Cal.com OAuth (authorization code + PKCE) end to end, without a browser: the
// sandbox's consent page is answered with plain HTTP, and its redirect lands on the desk's real
// loopback listener.
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import {
  deskFetch,
  makeDataDir,
  startTempDesk,
  type TempDesk,
} from '../../../../test/support/temp-desk'
import { CREDENTIALS_FILE } from '../auth/token-store'
import type { StoredCredential } from '../auth/token-store'
import type { CalcomError } from '../calcom/calcom-errors'
import { freePort } from '../../../../test/support/free-port'
import { consentInSandbox } from './sandbox-oauth.test-support'

let sandbox: RunningSandbox
let state: SandboxState
let port: number
beforeAll(async () => {
  port = await freePort()
  sandbox = await startSandbox({ port: 0, oauthRedirectUri: `http://127.0.0.1:${port}/callback` })
  state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
})
afterAll(() => sandbox.close())

const deskOn = (dataDir?: string) =>
  startTempDesk({
    dataDir,
    env: {
      FRONTDESK_CALCOM_API_URL: sandbox.url,
      FRONTDESK_CALCOM_APP_URL: sandbox.url,
      FRONTDESK_OAUTH_CLIENT_ID: state.oauthClient.clientId,
      FRONTDESK_OAUTH_REDIRECT_PORT: String(port),
    },
  })

async function beginOAuth(desk: TempDesk): Promise<string> {
  const res = await deskFetch(desk, '/api/branch/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
  expect(res.status).toBe(200)
  const { authorizeUrl } = (await res.json()) as { authorizeUrl: string }
  return authorizeUrl
}

/** Connects `desk` through the whole OAuth flow; answers the callback page's status and text. */
async function connectByOAuth(desk: TempDesk, account = state.accounts[0]!) {
  const authorizeUrl = await beginOAuth(desk)
  const callback = await consentInSandbox(authorizeUrl, account)
  const page = await fetch(callback)
  return { status: page.status, text: await page.text(), authorizeUrl }
}

const readCredential = (desk: TempDesk) =>
  JSON.parse(readFileSync(join(desk.dataDir, CREDENTIALS_FILE), 'utf8')) as StoredCredential & {
    kind: 'oauth'
  }

const tokenCalls = (desk: TempDesk) =>
  desk.services.apiLog.recent(500).filter((c) => c.path === '/v2/auth/oauth2/token')

describe('connecting with Cal.com OAuth', () => {
  it('signs in, stores the tokens in a 0600 file only, and connects the branch', async () => {
    const desk = await deskOn()
    try {
      const account = state.accounts[0]!
      const { status, text, authorizeUrl } = await connectByOAuth(desk, account)
      const url = new URL(authorizeUrl)
      expect(url.origin + url.pathname).toBe(`${sandbox.url}/auth/oauth2/authorize`)
      expect(url.searchParams.get('code_challenge_method')).toBe('S256')
      expect(url.searchParams.get('redirect_uri')).toBe(`http://127.0.0.1:${port}/callback`)
      expect(status).toBe(200)
      expect(text).toContain('You can return to Frontdesk')

      const branch = (await (await deskFetch(desk, '/api/branch')).json()) as Record<
        string,
        unknown
      >
      expect(branch).toMatchObject({
        connection: 'connected',
        calcomAccountId: account.userId,
        timeZone: account.timeZone,
      })
      expect(
        ((await (await deskFetch(desk, '/api/staff')).json()) as unknown[]).length,
      ).toBeGreaterThan(0)

      const file = join(desk.dataDir, CREDENTIALS_FILE)
      expect(statSync(file).mode & 0o777).toBe(0o600)
      const credential = readCredential(desk)
      expect(credential.kind).toBe('oauth')
      expect(credential.expiresAt).toBeGreaterThan(Date.now() + 25 * 60_000)

      // The listener is gone after the first valid callback.
      await expect(fetch(`http://127.0.0.1:${port}/callback?state=x`)).rejects.toThrow()

      const rows = JSON.stringify(desk.services.apiLog.recent(500))
      expect(rows).toContain('/v2/auth/oauth2/token')
      expect(rows).not.toContain(credential.accessToken)
      expect(rows).not.toContain(credential.refreshToken)
      expect(rows).not.toContain('code=')
      await desk.close()
      const log = readFileSync(join(desk.dataDir, 'logs', 'desk.log'), 'utf8')
      expect(log).toContain(
        `Cal.com credentials are kept in a file readable only by this user (mode 0600)`,
      )
      expect(log).not.toContain(credential.accessToken)
      expect(log).not.toContain(credential.refreshToken)
    } finally {
      await desk.dispose()
    }
  })

  it('refuses a callback whose state is not the one it sent, and still accepts the real one', async () => {
    const desk = await deskOn()
    try {
      const authorizeUrl = await beginOAuth(desk)
      const forged = await fetch(`http://127.0.0.1:${port}/callback?code=stolen&state=not-ours`)
      expect(forged.status).toBe(400)
      expect(await forged.text()).toContain('did not come from Frontdesk')
      expect(desk.services.branches.current().connection).toBe('disconnected')
      expect(tokenCalls(desk)).toHaveLength(0)

      const callback = await consentInSandbox(authorizeUrl, state.accounts[1]!)
      expect((await fetch(callback)).status).toBe(200)
      expect(desk.services.branches.current()).toMatchObject({
        connection: 'connected',
        calcomAccountId: state.accounts[1]!.userId,
      })
    } finally {
      await desk.dispose()
    }
  })

  it('reports Deny in the browser and stays disconnected', async () => {
    const desk = await deskOn()
    try {
      const authorizeUrl = await beginOAuth(desk)
      const callback = await consentInSandbox(authorizeUrl, state.accounts[0]!, 'deny')
      const page = await fetch(callback)
      expect(page.status).toBe(400)
      expect(await page.text()).toContain('not allowed')
      expect(desk.services.branches.current().connection).toBe('disconnected')
      const audit = desk.services.audit.entries()
      expect(audit.map((a) => a.action)).toEqual(['branch.connect_failed'])
    } finally {
      await desk.dispose()
    }
  })

  it('says clearly when the redirect port is taken', async () => {
    const desk = await deskOn()
    const blocker = createServer()
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()))
    try {
      const res = await deskFetch(desk, '/api/branch/connect', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
      expect(res.status).toBe(409)
      const body = (await res.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toBe('OAUTH_PORT_BUSY')
      expect(body.error.message).toContain(`Port ${port}`)
    } finally {
      await new Promise((r) => blocker.close(r))
      await desk.dispose()
    }
  })
})

describe('keeping an OAuth connection alive', () => {
  /** Connects by OAuth, then restarts the desk as if `elapsedMs` had passed since the tokens were issued. */
  async function connectedThenLater(mutate: (c: StoredCredential & { kind: 'oauth' }) => void) {
    const dataDir = makeDataDir()
    const first = await deskOn(dataDir)
    await connectByOAuth(first)
    await first.close()
    const credential = readCredential(first)
    mutate(credential)
    writeFileSync(join(dataDir, CREDENTIALS_FILE), JSON.stringify(credential), { mode: 0o600 })
    const desk = await deskOn(dataDir)
    return { desk, before: credential }
  }

  it('refreshes ahead of expiry exactly once however many calls need the token', async () => {
    // 27 of the 30 minutes have passed: inside the refresh-ahead margin, not yet expired.
    const { desk, before } = await connectedThenLater(
      (c) => (c.expiresAt = Date.now() + 3 * 60_000),
    )
    try {
      const client = desk.services.connection.client()!
      const callsBefore = tokenCalls(desk).length
      const results = await Promise.all(Array.from({ length: 8 }, () => client.me.get()))
      expect(results.every((r) => r.ok)).toBe(true)
      expect(tokenCalls(desk).length - callsBefore).toBe(1)
      const after = readCredential(desk)
      expect(after.accessToken).not.toBe(before.accessToken)
      expect(after.refreshToken).not.toBe(before.refreshToken)
      expect(after.expiresAt).toBeGreaterThan(Date.now() + 25 * 60_000)
      expect(statSync(join(desk.dataDir, CREDENTIALS_FILE)).mode & 0o777).toBe(0o600)
      // The fresh token needs no further refresh.
      await client.me.get()
      expect(tokenCalls(desk).length - callsBefore).toBe(1)
    } finally {
      await desk.dispose()
    }
  })

  it('turns the branch to reconnect_needed when Cal.com refuses the refresh token', async () => {
    const { desk } = await connectedThenLater((c) => {
      c.expiresAt = Date.now() - 1_000
      c.refreshToken = 'eyJhbGciOiJIUzI1NiJ9.eyJub3BlIjp0cnVlfQ.not-signed-by-cal'
    })
    try {
      const signals: CalcomError[] = []
      desk.services.connection.onReconnectNeeded((e) => signals.push(e))
      const client = desk.services.connection.client()!
      const [a, b] = await Promise.all([client.me.get(), client.eventTypes.list()])
      for (const r of [a, b]) {
        expect(r.ok).toBe(false)
        if (!r.ok) expect(r.error).toMatchObject({ kind: 'auth', code: 'INVALID_GRANT' })
      }
      expect(signals).toHaveLength(1)
      expect(tokenCalls(desk).filter((c) => c.status === 400)).toHaveLength(1)
      const branch = (await (await deskFetch(desk, '/api/branch')).json()) as { connection: string }
      expect(branch.connection).toBe('reconnect_needed')
      // Later calls fail fast without asking Cal.com again.
      const callsBefore = desk.services.apiLog.recent(500).length
      const later = await client.me.get()
      expect(later.ok).toBe(false)
      expect(desk.services.apiLog.recent(500).length).toBe(callsBefore)
      const audit = desk.services.audit.entries()
      expect(audit.map((x) => x.action)).toContain('branch.reconnect_needed')
    } finally {
      await desk.dispose()
    }
  })
})
