import { createHash, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium, expect, test } from '@playwright/test'
import { chromiumLaunch } from '../playwright.config'
import { type SandboxState, startSandbox } from '../sandbox/src/index'

// The desk's OAuth flow against the sandbox, in a real Chromium: authorize page → sign in →
// Allow → loopback redirect → token (PKCE) → /v2/me.
test('OAuth for apps: authorize page, loopback redirect, token exchange, /v2/me', async () => {
  const callbacks: URL[] = []
  const loopback: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== '/callback') return void res.writeHead(404).end() // e.g. /favicon.ico
    callbacks.push(url)
    res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>You can return to Frontdesk</h1>')
  })
  await new Promise<void>((resolve) => loopback.listen(0, '127.0.0.1', resolve))
  const redirectUri = `http://127.0.0.1:${(loopback.address() as AddressInfo).port}/callback`
  const sandbox = await startSandbox({ port: 0, oauthRedirectUri: redirectUri })
  const browser = await chromium.launch(chromiumLaunch)
  try {
    const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
    expect(state.oauthClient).toMatchObject({ clientId: 'frontdesk-desk', redirectUri })
    const account = state.accounts.find((a) => a.timeZone === 'Europe/Berlin')!

    const verifier = randomBytes(32).toString('base64url')
    const oauthState = randomBytes(16).toString('hex')
    const authorizeUrl = new URL('/auth/oauth2/authorize', sandbox.url)
    authorizeUrl.search = new URLSearchParams({
      client_id: state.oauthClient.clientId,
      redirect_uri: redirectUri,
      state: oauthState,
      scope: 'PROFILE_READ,BOOKING_READ,BOOKING_WRITE',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString()

    const page = await browser.newPage()
    await page.goto(authorizeUrl.toString())
    await page.getByLabel('Email').fill(account.email)
    await page.getByLabel('Password').fill(account.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(
      page.getByRole('heading', { name: /would like to access your Cal.com account/ }),
    ).toBeVisible()
    await expect(page.getByText(account.name)).toBeVisible()
    await page.getByRole('button', { name: 'Allow' }).click()
    await expect(page.getByRole('heading', { name: 'You can return to Frontdesk' })).toBeVisible()

    expect(callbacks).toHaveLength(1)
    const callback = callbacks[0]!
    expect(callback.pathname).toBe('/callback')
    expect(callback.searchParams.get('state')).toBe(oauthState)
    const code = callback.searchParams.get('code')
    expect(code).toBeTruthy()

    const tokenRes = await fetch(`${sandbox.url}/v2/auth/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: state.oauthClient.clientId,
        code: code!,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }),
    })
    expect(tokenRes.status).toBe(200)
    const tokens = (await tokenRes.json()) as {
      access_token: string
      token_type: string
      expires_in: number
    }
    expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 1800 })

    const me = await fetch(`${sandbox.url}/v2/me`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { data: unknown }).data).toMatchObject({
      id: account.userId,
      username: account.username,
      timeZone: 'Europe/Berlin',
    })
  } finally {
    await browser.close()
    await sandbox.close()
    await new Promise<void>((resolve) => loopback.close(() => resolve()))
  }
})
