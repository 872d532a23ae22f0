import { describe, expect, it } from 'vitest'
import { EnvError, optionsFromEnv } from '../src/cli/env-options.js'

describe('npm run sandbox settings from the environment', () => {
  it("keeps Cal.com's rate limits unless told otherwise", () => {
    expect(optionsFromEnv({}).rateLimit).toEqual({})
  })

  it('takes smaller rate limits, so a client can be tested against a storm in seconds', () => {
    const options = optionsFromEnv({
      SANDBOX_RATE_WINDOW_MS: '2000',
      SANDBOX_RATE_BLOCK_MS: '1500',
      SANDBOX_RATE_API_KEY_LIMIT: '6',
      SANDBOX_RATE_OAUTH_LIMIT: '9',
    })
    expect(options.rateLimit).toEqual({
      windowMs: 2000,
      blockMs: 1500,
      apiKeyLimit: 6,
      oauthLimit: 9,
    })
  })

  it('refuses a rate limit that is not a whole number, or a zero window, naming each', () => {
    let error: unknown
    try {
      optionsFromEnv({ SANDBOX_RATE_API_KEY_LIMIT: 'lots', SANDBOX_RATE_WINDOW_MS: '0' })
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(EnvError)
    const message = (error as Error).message.split('\n')
    expect(message).toEqual([
      'SANDBOX_RATE_WINDOW_MS must be at least 1, got "0"',
      'SANDBOX_RATE_API_KEY_LIMIT must be a whole number from 0 to 1000000000, got "lots"',
    ])
  })
})
