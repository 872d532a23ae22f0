// Where the local API is and which session token it wants (DESIGN.md §4.3).
// In Electron the preload hands both over as `window.frontdesk`; the headless desk instead serves
// this page itself at `/?token=TOKEN`, so the page takes the token from its own address.
import type { DeskBridge } from '../../../shared/domain/desk-bridge'

export interface ApiSession {
  /** e.g. http://127.0.0.1:41234, without a trailing slash */
  apiBaseUrl: string
  token: string
}

export type SessionResult = { ok: true; session: ApiSession } | { ok: false; message: string }

/** The slice of the browser the bootstrap needs; passing it in keeps the logic testable. */
export interface BootstrapEnvironment {
  bridge: unknown
  location: { href: string; origin: string }
  storage: Pick<Storage, 'getItem' | 'setItem'>
  replaceUrl: (url: string) => void
}

export const TOKEN_PARAM = 'token'
export const TOKEN_STORAGE_KEY = 'frontdesk.sessionToken'

export function resolveSession(env: BootstrapEnvironment): SessionResult {
  if (env.bridge !== undefined && env.bridge !== null) return fromBridge(env.bridge)

  const url = new URL(env.location.href)
  const fromUrl = url.searchParams.get(TOKEN_PARAM)
  if (fromUrl) {
    // Keep it for reloads of this tab, then take it out of the address bar (and so out of
    // history, bookmarks and screenshots).
    env.storage.setItem(TOKEN_STORAGE_KEY, fromUrl)
    url.searchParams.delete(TOKEN_PARAM)
    env.replaceUrl(url.pathname + url.search + url.hash)
  }
  const token = fromUrl || env.storage.getItem(TOKEN_STORAGE_KEY)
  if (!token) {
    return {
      ok: false,
      message:
        'This page has no session token: open the full address the desk printed when it started (it ends in ?token=…).',
    }
  }
  return { ok: true, session: { apiBaseUrl: env.location.origin, token } }
}

function fromBridge(bridge: unknown): SessionResult {
  const { apiBaseUrl, sessionToken } = bridge as Partial<DeskBridge>
  if (typeof apiBaseUrl !== 'string' || typeof sessionToken !== 'string' || !sessionToken) {
    return { ok: false, message: 'The desk did not hand this window its API address and token.' }
  }
  let base: URL
  try {
    base = new URL(apiBaseUrl)
  } catch {
    return { ok: false, message: `The desk gave an API address that is not a URL: ${apiBaseUrl}` }
  }
  return { ok: true, session: { apiBaseUrl: base.origin, token: sessionToken } }
}

/** The real browser environment. */
export function browserEnvironment(): BootstrapEnvironment {
  return {
    bridge: (window as { frontdesk?: unknown }).frontdesk,
    location: window.location,
    storage: window.sessionStorage,
    replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
  }
}
