// Where the local API is and which session token it wants (DESIGN.md §4.3).
// In Electron the preload hands both over as `window.frontdesk`; the headless desk instead serves
// this page itself at `/?token=TOKEN`, so the page takes the token from its own address.
import type { DeskBridge } from '../../../shared/domain/desk-bridge'

export interface ApiSession {
  /** e.g. http://127.0.0.1:41234, without a trailing slash */
  apiBaseUrl: string
  token: string
}

/** Why the page cannot reach the desk; StartupError says it in the reader's language. */
export type SessionProblem =
  { problem: 'no-token' } | { problem: 'no-bridge' } | { problem: 'bad-url'; address: string }

export type SessionResult = { ok: true; session: ApiSession } | ({ ok: false } & SessionProblem)

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
    return { ok: false, problem: 'no-token' }
  }
  return { ok: true, session: { apiBaseUrl: env.location.origin, token } }
}

function fromBridge(bridge: unknown): SessionResult {
  const { apiBaseUrl, sessionToken } = bridge as Partial<DeskBridge>
  if (typeof apiBaseUrl !== 'string' || typeof sessionToken !== 'string' || !sessionToken) {
    return { ok: false, problem: 'no-bridge' }
  }
  let base: URL
  try {
    base = new URL(apiBaseUrl)
  } catch {
    return { ok: false, problem: 'bad-url', address: apiBaseUrl }
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
