import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auth, harness, type Harness } from './helpers.js'

let h: Harness
beforeEach(async () => {
  h = await harness({ rateLimit: { windowMs: 60_000, blockMs: 60_000, apiKeyLimit: 3 } })
})
afterEach(async () => {
  await h.close()
})

describe('rate limits', () => {
  it('counts per API key, answers 429 ThrottlerException without Retry-After, and blocks', async () => {
    const [a, b] = h.state.accounts
    const remaining: string[] = []
    for (let i = 0; i < 3; i++) {
      const res = await h.app.inject({ url: '/v2/me', headers: auth(a!.apiKey) })
      expect(res.statusCode).toBe(200)
      expect(res.headers['x-ratelimit-limit-default']).toBe('3')
      remaining.push(String(res.headers['x-ratelimit-remaining-default']))
    }
    expect(remaining).toEqual(['2', '1', '0'])
    const over = await h.app.inject({ url: '/v2/me', headers: auth(a!.apiKey) })
    expect(over.statusCode).toBe(429)
    expect(over.headers['retry-after']).toBeUndefined()
    expect(Number(over.headers['x-ratelimit-reset-default'])).toBe(60)
    expect(over.json()).toMatchObject({
      status: 'error',
      path: '/v2/me',
      error: {
        code: 'ThrottlerException',
        message: 'CustomThrottlerGuard - Too many requests. Please try again later.',
        details: 'CustomThrottlerGuard - Too many requests. Please try again later.',
      },
    })
    // still blocked, and the other account's key has its own window
    expect((await h.app.inject({ url: '/v2/me', headers: auth(a!.apiKey) })).statusCode).toBe(429)
    expect((await h.app.inject({ url: '/v2/me', headers: auth(b!.apiKey) })).statusCode).toBe(200)
  })

  it('the block ends after blockMs', async () => {
    const quick = await harness({ rateLimit: { windowMs: 200, blockMs: 300, apiKeyLimit: 1 } })
    try {
      const key = auth(quick.state.accounts[0]!.apiKey)
      expect((await quick.app.inject({ url: '/v2/me', headers: key })).statusCode).toBe(200)
      expect((await quick.app.inject({ url: '/v2/me', headers: key })).statusCode).toBe(429)
      await new Promise((r) => setTimeout(r, 350))
      expect((await quick.app.inject({ url: '/v2/me', headers: key })).statusCode).toBe(200)
    } finally {
      await quick.close()
    }
  })

  it('puts the headers on errors too and rejects unknown API keys in the throttler', async () => {
    const res = await h.app.inject({ url: '/v2/me', headers: auth('cal_test_unknown') })
    expect(res.statusCode).toBe(401)
    expect(res.json().error.message).toBe('CustomThrottlerGuard - Invalid API Key')
    const anon = await h.app.inject({ url: '/v2/me' })
    expect(anon.statusCode).toBe(401)
    expect(anon.headers['x-ratelimit-limit-default']).toBe('120')
  })

  it('OAuth access tokens have their own 500/min-style window per token; anonymous calls one per IP', async () => {
    const limited = await harness({
      rateLimit: { windowMs: 60_000, blockMs: 60_000, oauthLimit: 2, anonymousLimit: 2 },
    })
    try {
      const { clientId, clientSecret, redirectUri } = limited.state.confidentialClient
      const accessToken = async () => {
        const code = limited.sandbox.oauth.issueCode({
          clientId,
          userId: limited.state.accounts[0]!.userId,
          redirectUri,
          scope: [],
          codeChallenge: null,
          codeChallengeMethod: null,
        })
        const res = await limited.app.inject({
          method: 'POST',
          url: '/v2/auth/oauth2/token',
          payload: {
            grant_type: 'authorization_code',
            client_id: clientId,
            client_secret: clientSecret,
            code,
            redirect_uri: redirectUri,
          },
        })
        return res.json().access_token as string
      }
      const [first, second] = [await accessToken(), await accessToken()]
      const call = (token: string) => limited.app.inject({ url: '/v2/me', headers: auth(token) })
      const one = await call(first)
      expect([one.statusCode, one.headers['x-ratelimit-limit-default']]).toEqual([200, '2'])
      expect((await call(first)).statusCode).toBe(200)
      expect((await call(first)).statusCode).toBe(429)
      expect((await call(second)).statusCode).toBe(200) // another token, another window
      // unauthenticated calls share one window per IP: the two token exchanges used it up
      const slots = await limited.app.inject({
        url: '/v2/slots',
        headers: { 'cal-api-version': '2024-09-04' },
      })
      expect([slots.statusCode, slots.headers['x-ratelimit-limit-default']]).toEqual([429, '2'])
    } finally {
      await limited.close()
    }
  })
})
