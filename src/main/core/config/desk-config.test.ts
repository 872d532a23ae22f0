import { describe, expect, it } from 'vitest'
import { ConfigError, DEFAULT_OAUTH_REDIRECT_PORT, loadDeskConfig } from './desk-config'

function problemsOf(fn: () => unknown): string[] {
  try {
    fn()
  } catch (err) {
    if (err instanceof ConfigError) return err.problems
    throw err
  }
  throw new Error('expected a ConfigError')
}

describe('desk configuration', () => {
  it('has working defaults with nothing set', () => {
    const c = loadDeskConfig({}, [])
    expect(c.port).toBe(0)
    expect(c.calcomApiUrl).toBe('https://api.cal.com')
    expect(c.calcomAppUrl).toBe('https://app.cal.com')
    expect(c.oauthRedirectPort).toBe(DEFAULT_OAUTH_REDIRECT_PORT)
    expect(c.relayUrl).toBeNull()
    expect(c.apiToken.length).toBeGreaterThanOrEqual(40)
    expect(c.apiTokenFixed).toBe(false)
  })

  it('makes a different session token on every start unless one is fixed', () => {
    expect(loadDeskConfig({}).apiToken).not.toBe(loadDeskConfig({}).apiToken)
    const fixed = 'automation-token-0123456789abcdef'
    const c = loadDeskConfig({ FRONTDESK_API_TOKEN: fixed })
    expect(c.apiToken).toBe(fixed)
    expect(c.apiTokenFixed).toBe(true)
  })

  it('lets flags override the environment', () => {
    const c = loadDeskConfig({ FRONTDESK_PORT: '4000', FRONTDESK_DATA_DIR: '/tmp/a' }, [
      '--port',
      '4100',
      '--data-dir=/tmp/b',
    ])
    expect(c.port).toBe(4100)
    expect(c.dataDir).toBe('/tmp/b')
  })

  it('names every bad variable and what it expects', () => {
    const problems = problemsOf(() =>
      loadDeskConfig({
        FRONTDESK_PORT: 'eighty',
        FRONTDESK_RELAY_URL: 'relay.example.com',
        FRONTDESK_OAUTH_REDIRECT_PORT: '0',
        FRONTDESK_API_TOKEN: 'short',
        FRONTDESK_LOG_LEVEL: 'loud',
      }),
    )
    expect(problems).toHaveLength(5)
    expect(problems[0]).toMatch(
      /^FRONTDESK_PORT must be a port number from 0 to 65535, got "eighty"/,
    )
    expect(problems.join('\n')).toMatch(/FRONTDESK_RELAY_URL must be an http\(s\) URL/)
    expect(problems.join('\n')).toMatch(
      /FRONTDESK_OAUTH_REDIRECT_PORT must be a port number from 1/,
    )
    expect(problems.join('\n')).toMatch(/FRONTDESK_API_TOKEN must be 24 to 256 characters/)
    expect(problems.join('\n')).toMatch(/FRONTDESK_LOG_LEVEL must be one of/)
  })

  it('takes only base URLs for the relay and Cal.com, which it appends paths to', () => {
    // The relay's events were asked of https://relay.example.com/?k=1/v1/events?after=….
    expect(
      problemsOf(() =>
        loadDeskConfig({
          FRONTDESK_RELAY_URL: 'https://relay.example.com/?k=1',
          FRONTDESK_CALCOM_API_URL: 'https://api.cal.com#v2',
        }),
      ),
    ).toEqual([
      'FRONTDESK_RELAY_URL must be a base URL without ?query or #fragment, got "https://relay.example.com/?k=1"',
      'FRONTDESK_CALCOM_API_URL must be a base URL without ?query or #fragment, got "https://api.cal.com#v2"',
    ])
    expect(loadDeskConfig({ FRONTDESK_RELAY_URL: 'https://relay.example.com/' }).relayUrl).toBe(
      'https://relay.example.com',
    )
  })

  it('names the flag, not the variable, when the flag was wrong', () => {
    expect(problemsOf(() => loadDeskConfig({}, ['--port', '70000']))).toEqual([
      '--port must be a port number from 0 to 65535, got "70000"',
    ])
    expect(problemsOf(() => loadDeskConfig({}, ['--colour', 'red']))[0]).toMatch(
      /unknown option --colour/,
    )
    expect(problemsOf(() => loadDeskConfig({}, ['--port']))).toEqual(['--port needs a value'])
  })
})
