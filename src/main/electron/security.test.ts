import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({
  shell: { openExternal: vi.fn(async () => {}) },
  app: { on: vi.fn() },
}))
vi.mock('electron', () => electron)

const { CONTENT_SECURITY_POLICY, guardAllWebContents, hardenSession, hardenWebContents } =
  await import('./security')

const APP = 'http://127.0.0.1:41234'

class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
  /** Emits like Electron does; true when the page's attempt was prevented. */
  attempt(event: string, url?: string): boolean {
    let prevented = false
    this.emit(event, { preventDefault: () => (prevented = true) }, url)
    return prevented
  }
}

function hardened() {
  const contents = new FakeContents()
  hardenWebContents(contents as never, APP)
  return contents
}

beforeEach(() => vi.clearAllMocks())

describe('navigation', () => {
  it('stays within the app origin', () => {
    const contents = hardened()
    expect(contents.attempt('will-navigate', `${APP}/?date=2026-03-29`)).toBe(false)
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.attempt('will-navigate', 'http://127.0.0.1:9999/')).toBe(true)
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true)
    expect(contents.attempt('will-attach-webview')).toBe(true)
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })

  it('never opens a window; http(s) links go to the system browser instead', () => {
    const contents = hardened()
    const open = contents.windowOpenHandler!
    expect(open({ url: 'https://app.cal.com/bookings' })).toEqual({ action: 'deny' })
    expect(open({ url: 'http://intranet.local/help' })).toEqual({ action: 'deny' })
    expect(electron.shell.openExternal.mock.calls).toEqual([
      ['https://app.cal.com/bookings'],
      ['http://intranet.local/help'],
    ])
  })

  it('refuses other schemes outright', () => {
    const contents = hardened()
    const open = contents.windowOpenHandler!
    for (const url of [
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      'smb://host/share',
      'not a url',
    ]) {
      expect(open({ url })).toEqual({ action: 'deny' })
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
  })

  it('guards every web contents the app creates', () => {
    guardAllWebContents(APP)
    const [event, listener] = electron.app.on.mock.calls[0] as unknown as [
      string,
      (e: unknown, c: FakeContents) => void,
    ]
    expect(event).toBe('web-contents-created')
    const contents = new FakeContents()
    listener({}, contents)
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true)
  })
})

describe('session', () => {
  function hardenedSession() {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    }
    hardenSession(session as never, APP)
    return session
  }

  it('denies every permission request and check', () => {
    const session = hardenedSession()
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      ...args: unknown[]
    ) => void
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      const callback = vi.fn()
      request({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean
    expect(check()).toBe(false)
  })

  it("puts the strict policy on the app's pages, replacing any the server sent", () => {
    const session = hardenedSession()
    const onHeaders = session.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      details: unknown,
      callback: (r: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void
    const callback = vi.fn()
    onHeaders(
      {
        url: `${APP}/`,
        responseHeaders: {
          'content-security-policy': ['default-src *'],
          'content-type': ['text/html'],
        },
      },
      callback,
    )
    const headers = callback.mock.calls[0]![0].responseHeaders as Record<string, string[]>
    expect(headers['content-security-policy']).toBeUndefined()
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY])
    expect(headers['content-type']).toEqual(['text/html'])
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "connect-src 'self' http://127.0.0.1:*",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive)
    }
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe')
  })

  it('leaves responses from other origins alone', () => {
    const session = hardenedSession()
    const onHeaders = session.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      details: unknown,
      callback: (r: unknown) => void,
    ) => void
    const callback = vi.fn()
    onHeaders({ url: 'https://example.com/x', responseHeaders: {} }, callback)
    expect(callback).toHaveBeenCalledWith({})
  })
})
