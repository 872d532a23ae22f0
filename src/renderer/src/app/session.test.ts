import { describe, expect, it } from 'vitest'
import { resolveSession, TOKEN_STORAGE_KEY, type BootstrapEnvironment } from './session'

function environment(href: string, bridge?: unknown, stored?: string) {
  const store = new Map<string, string>(stored ? [[TOKEN_STORAGE_KEY, stored]] : [])
  const replaced: string[] = []
  const env: BootstrapEnvironment = {
    bridge,
    location: { href, origin: new URL(href).origin },
    storage: {
      getItem: (key) => store.get(key) ?? null,
      setItem: (key, value) => void store.set(key, value),
    },
    replaceUrl: (url) => void replaced.push(url),
  }
  return { env, store, replaced }
}

describe('resolveSession', () => {
  it('uses the preload bridge in Electron and touches neither the URL nor storage', () => {
    const { env, store, replaced } = environment('http://127.0.0.1:41234/', {
      apiBaseUrl: 'http://127.0.0.1:41234',
      sessionToken: 'tok-electron',
      appVersion: '0.1.0',
      openExternal: async () => {},
    })
    expect(resolveSession(env)).toEqual({
      ok: true,
      session: { apiBaseUrl: 'http://127.0.0.1:41234', token: 'tok-electron' },
    })
    expect(store.size).toBe(0)
    expect(replaced).toEqual([])
  })

  it('takes the token from the headless URL, keeps it for reloads and removes it from the address bar', () => {
    const { env, store, replaced } = environment('http://127.0.0.1:5000/?token=abc123&x=1#day')
    expect(resolveSession(env)).toEqual({
      ok: true,
      session: { apiBaseUrl: 'http://127.0.0.1:5000', token: 'abc123' },
    })
    expect(store.get(TOKEN_STORAGE_KEY)).toBe('abc123')
    expect(replaced).toEqual(['/?x=1#day'])
  })

  it('finds the token again after a reload, from session storage', () => {
    const { env, replaced } = environment('http://127.0.0.1:5000/', undefined, 'kept')
    expect(resolveSession(env)).toEqual({
      ok: true,
      session: { apiBaseUrl: 'http://127.0.0.1:5000', token: 'kept' },
    })
    expect(replaced).toEqual([])
  })

  it('prefers a fresh token in the URL over an old stored one', () => {
    const { env, store } = environment('http://127.0.0.1:5000/?token=new', undefined, 'old')
    const result = resolveSession(env)
    expect(result.ok && result.session.token).toBe('new')
    expect(store.get(TOKEN_STORAGE_KEY)).toBe('new')
  })

  it('explains what to do when there is no token anywhere', () => {
    const { env } = environment('http://127.0.0.1:5000/')
    const result = resolveSession(env)
    expect(result.ok).toBe(false)
    // StartupError.test.tsx proves the words for it name the ?token= address.
    expect(result).toEqual({ ok: false, problem: 'no-token' })
  })

  it('refuses a bridge without a usable address or token', () => {
    expect(
      resolveSession(environment('http://x/', { apiBaseUrl: 'nope', sessionToken: 't' }).env),
    ).toEqual({ ok: false, problem: 'bad-url', address: 'nope' })
    expect(
      resolveSession(environment('http://x/', { apiBaseUrl: 'http://127.0.0.1:1' }).env),
    ).toMatchObject({ ok: false })
  })
})
