import { createHash, randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { harness, type Harness } from './helpers.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(async () => {
  await h.close()
})

const verifier = randomBytes(32).toString('base64url')
const challenge = createHash('sha256').update(verifier).digest('base64url')

/** Signs in and presses Allow through the HTML forms, as a browser would; returns the code. */
async function authorize(opts: { clientId?: string; decision?: 'allow' | 'deny' } = {}) {
  const { oauthClient, accounts } = h.state
  const query = new URLSearchParams({
    client_id: opts.clientId ?? oauthClient.clientId,
    redirect_uri: oauthClient.redirectUri,
    state: 'st-1',
    scope: 'BOOKING_READ,PROFILE_READ',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  })
  const loginPage = await h.app.inject({ url: `/auth/oauth2/authorize?${query}` })
  expect(loginPage.body).toContain('Sign in')
  const login = await h.app.inject({
    method: 'POST',
    url: '/auth/oauth2/login',
    payload: { email: accounts[0]!.email, password: accounts[0]!.password, next: query.toString() },
  })
  expect(login.statusCode).toBe(303)
  const cookie = String(login.headers['set-cookie']).split(';')[0]!
  const consent = await h.app.inject({ url: String(login.headers.location), headers: { cookie } })
  const csrf = /name="csrf" value="([^"]+)"/.exec(consent.body)![1]!
  const decision = await h.app.inject({
    method: 'POST',
    url: '/auth/oauth2/authorize',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      ...Object.fromEntries(query),
      csrf,
      decision: opts.decision ?? 'allow',
    }).toString(),
  })
  expect(decision.statusCode).toBe(303)
  return new URL(String(decision.headers.location))
}

const token = (body: Record<string, string>, form = true) =>
  h.app.inject({
    method: 'POST',
    url: '/v2/auth/oauth2/token',
    ...(form
      ? {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams(body).toString(),
        }
      : { payload: body }),
  })

const exchange = (code: string, extra: Record<string, string> = {}) =>
  token({
    grant_type: 'authorization_code',
    client_id: h.state.oauthClient.clientId,
    code,
    redirect_uri: h.state.oauthClient.redirectUri,
    code_verifier: verifier,
    ...extra,
  })

describe('OAuth for apps', () => {
  it('code + PKCE → tokens → /v2/me; refresh rotates; the code works once', async () => {
    const redirect = await authorize()
    expect(redirect.origin + redirect.pathname).toBe(h.state.oauthClient.redirectUri)
    expect(redirect.searchParams.get('state')).toBe('st-1')
    const code = redirect.searchParams.get('code')!
    const res = await exchange(code)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers.pragma).toBe('no-cache')
    const tokens = res.json()
    expect(Object.keys(tokens).sort()).toEqual([
      'access_token',
      'expires_in',
      'refresh_token',
      'token_type',
    ])
    expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: 1800 })
    const me = await h.app.inject({
      url: '/v2/me',
      headers: { authorization: `Bearer ${tokens.access_token}` },
    })
    expect(me.json().data.id).toBe(h.state.accounts[0]!.userId)
    expect(me.headers['x-ratelimit-limit-default']).toBe('500')

    const again = await exchange(code)
    expect(again.statusCode).toBe(400)
    expect(again.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'code_invalid_or_expired',
    })

    const refreshed = await token(
      {
        grant_type: 'refresh_token',
        client_id: h.state.oauthClient.clientId,
        refresh_token: tokens.refresh_token,
      },
      false,
    )
    expect(refreshed.statusCode).toBe(200)
    expect(refreshed.json().refresh_token).not.toBe(tokens.refresh_token)
    expect(refreshed.json().access_token).not.toBe(tokens.access_token)
  })

  it('a client Cal.com rejected or has not approved gets unauthorized_client', async () => {
    const { clientId, redirectUri } = h.state.oauthClient
    const code = (await authorize()).searchParams.get('code')!
    const tokens = (await exchange(code)).json()
    const setStatus = (status: string) =>
      h.app.inject({
        method: 'POST',
        url: `/_sandbox/oauth-clients/${clientId}/status`,
        payload: { status },
      })
    const refresh = () =>
      token({
        grant_type: 'refresh_token',
        client_id: clientId,
        refresh_token: tokens.refresh_token,
      })
    const authorizeRedirect = async () => {
      const query = new URLSearchParams({
        client_id: clientId,
        redirect_uri: redirectUri,
        state: 'st-2',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      })
      const res = await h.app.inject({ url: `/auth/oauth2/authorize?${query}` })
      return new URL(String(res.headers.location))
    }
    for (const [status, description] of [
      ['REJECTED', 'client_rejected'],
      ['PENDING', 'client_not_approved'],
    ] as const) {
      expect((await setStatus(status)).statusCode).toBe(200)
      const refused = await refresh()
      expect([refused.statusCode, refused.json()]).toEqual([
        401,
        { error: 'unauthorized_client', error_description: description },
      ])
      const redirect = await authorizeRedirect()
      expect(redirect.origin + redirect.pathname).toBe(redirectUri)
      expect(Object.fromEntries(redirect.searchParams)).toEqual({
        error: 'unauthorized_client',
        error_description: description,
        state: 'st-2',
      })
    }
    await setStatus('APPROVED')
    expect((await refresh()).statusCode).toBe(200)
    const unknown = await h.app.inject({
      method: 'POST',
      url: '/_sandbox/oauth-clients/nobody/status',
      payload: { status: 'APPROVED' },
    })
    expect(unknown.statusCode).toBe(404)
  })

  it('Deny redirects with error=access_denied and the state', async () => {
    const redirect = await authorize({ decision: 'deny' })
    expect(redirect.searchParams.get('error')).toBe('access_denied')
    expect(redirect.searchParams.get('state')).toBe('st-1')
    expect(redirect.searchParams.get('code')).toBeNull()
  })

  it('never redirects to an unregistered redirect_uri', async () => {
    const res = await h.app.inject({
      url: `/auth/oauth2/authorize?client_id=${h.state.oauthClient.clientId}&redirect_uri=${encodeURIComponent('http://127.0.0.1:1/other')}&state=x&code_challenge=${challenge}&code_challenge_method=S256`,
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers.location).toBeUndefined()
  })

  it('answers with the exact RFC 6749 error codes', async () => {
    const cid = h.state.oauthClient.clientId
    const cases: Array<[Record<string, string>, number, string, string]> = [
      [{ grant_type: 'authorization_code' }, 400, 'invalid_request', 'client_id is required'],
      [
        { client_id: cid, grant_type: 'password' },
        400,
        'invalid_request',
        "grant_type must be 'authorization_code' or 'refresh_token'",
      ],
      [
        { client_id: 'nobody', grant_type: 'refresh_token', refresh_token: 'x' },
        401,
        'invalid_client',
        'client_not_found',
      ],
      [
        { client_id: cid, grant_type: 'refresh_token', refresh_token: 'x' },
        400,
        'invalid_grant',
        'invalid_refresh_token',
      ],
      [
        { client_id: cid, grant_type: 'refresh_token', refresh_token: 'x', scope: 'all' },
        400,
        'invalid_request',
        'property scope should not exist',
      ],
      [
        {
          client_id: h.state.confidentialClient.clientId,
          grant_type: 'refresh_token',
          refresh_token: 'x',
          client_secret: 'wrong',
        },
        401,
        'invalid_client',
        'invalid_client_credentials',
      ],
    ]
    for (const [body, status, error, description] of cases) {
      const res = await token(body)
      expect([res.statusCode, res.json()]).toEqual([
        status,
        { error, error_description: description },
      ])
    }
    const wrongVerifier = await exchange((await authorize()).searchParams.get('code')!, {
      code_verifier: 'x'.repeat(43),
    })
    expect(wrongVerifier.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'pkce_verification_failed',
    })
    const code = (await authorize()).searchParams.get('code')!
    const noVerifier = await token({
      grant_type: 'authorization_code',
      client_id: cid,
      code,
      redirect_uri: h.state.oauthClient.redirectUri,
    })
    expect(noVerifier.json()).toEqual({
      error: 'invalid_request',
      error_description: 'pkce_missing_parameters_or_invalid_method',
    })
    const wrongRedirect = await exchange((await authorize()).searchParams.get('code')!, {
      redirect_uri: 'http://127.0.0.1:9/x',
    })
    expect(wrongRedirect.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'redirect_uri_mismatch',
    })
  })

  it('codes expire after 10 minutes and access tokens after 1800 s of sandbox time', async () => {
    const advance = (ms: number) =>
      h.app.inject({ method: 'POST', url: '/_sandbox/clock', payload: { advanceMs: ms } })
    const me = (accessToken: string) =>
      h.app.inject({ url: '/v2/me', headers: { authorization: `Bearer ${accessToken}` } })

    // A code is good until its tenth minute ends, and no longer.
    const inTime = (await authorize()).searchParams.get('code')!
    const late = (await authorize()).searchParams.get('code')!
    await advance(10 * 60_000 - 1000)
    const exchanged = await exchange(inTime)
    expect(exchanged.statusCode, exchanged.body).toBe(200)
    await advance(2000)
    expect((await exchange(late)).json().error_description).toBe('code_invalid_or_expired')

    // An access token is good for 1800 s, and no longer; its refresh token still works then.
    const tokens = (await exchange((await authorize()).searchParams.get('code')!)).json()
    await advance(1799_000)
    expect((await me(tokens.access_token)).statusCode).toBe(200)
    await advance(2000)
    expect((await me(tokens.access_token)).statusCode).toBe(401)
    const refreshed = await token({
      grant_type: 'refresh_token',
      client_id: h.state.oauthClient.clientId,
      refresh_token: tokens.refresh_token,
    })
    expect(refreshed.statusCode).toBe(200)
    expect((await me(refreshed.json().access_token)).statusCode).toBe(200)
  })
})
