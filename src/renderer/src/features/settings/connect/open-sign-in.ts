// Where the Cal.com sign-in opens: the system browser, never a window of the app (DESIGN.md
// §4.4). In Electron the preload's bridge asks main to open it; a browser on the headless desk
// opens a new tab instead (opened without a link back to the desk's page).
import type { DeskBridge } from '../../../../../shared/domain/desk-bridge'

export interface OpenTarget {
  bridge: Pick<DeskBridge, 'openExternal'> | undefined
  openTab(url: string): void
}

export function signInOpener(target: OpenTarget): (url: string) => Promise<void> {
  return async (url) => {
    const parsed = new URL(url)
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new Error(`The desk gave a sign-in address that is not a web page: ${parsed.protocol}`)
    }
    if (target.bridge) await target.bridge.openExternal(parsed.href)
    else target.openTab(parsed.href)
  }
}

/** The real window: the preload's bridge when there is one, else a new tab. */
export function browserSignInOpener(): (url: string) => Promise<void> {
  const bridge = (window as { frontdesk?: Pick<DeskBridge, 'openExternal'> }).frontdesk
  return signInOpener({
    bridge: bridge && typeof bridge.openExternal === 'function' ? bridge : undefined,
    openTab: (url) => {
      window.open(url, '_blank', 'noopener,noreferrer')
    },
  })
}
