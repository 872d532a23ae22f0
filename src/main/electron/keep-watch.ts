// The Electron app keeps watch (DESIGN.md §8): closing the window leaves Frontdesk in the tray,
// still syncing and notifying; the tray says, for every branch the app holds, online or offline
// and what waits to sync or needs attention, the worst branch named; every branch core's desktop
// notifications become OS notifications whose click opens the appointment at its branch;
// start at login follows the setting; updates download in the background. Glue only: each part
// is its own module, and the state and words come from the core.
import type { App, BrowserWindow } from 'electron'
import type { Logger } from 'pino'
import type { BranchHost } from '../core/branches/branch-host'
import type { Desk } from '../core/desk'
import { trayWords, watchBranches } from '../core/notify/tray-status'
import { mayInstallNow } from '../core/updates/install-policy'
import { RulesQuietWindow } from '../core/notify/rules-quiet-window'
import { keepInTrayOnClose } from './keep-in-tray'
import { focusWindow } from './main-window'
import { showOsNotifications } from './os-notifications'
import { startAtLoginApplier } from './start-at-login'
import { createDeskTray } from './tray'
import { keepUpdated } from './updates'

export interface KeepWatchOptions {
  app: Pick<App, 'on' | 'quit' | 'getLocale' | 'isPackaged' | 'setLoginItemSettings'>
  /** The app's first branch: its notifications, computer settings and update window. */
  desk: Pick<Desk, 'services'>
  /** Every branch the app holds: the tray follows them all, updates wait for them all. */
  branches: Pick<BranchHost, 'summaries' | 'watch' | 'all'>
  window: BrowserWindow
  /** The page's origin (the local API), to open a desk address in the window. */
  appOrigin: string
  iconPath: string
  logger: Logger
}

export function keepWatch(o: KeepWatchOptions): () => void {
  const { services } = o.desk
  /** Brings the window forward, at `href` of the branch `key` when given. */
  const open = (href: string | null, key?: string) => {
    if (o.window.isDestroyed()) return
    focusWindow(o.window)
    if (href && key) {
      void o.window.loadURL(`${o.appOrigin}/?branch=${encodeURIComponent(key)}#${href}`)
    }
  }
  keepInTrayOnClose(o.app, o.window)
  const tray = createDeskTray(o.iconPath, { open: () => open(null), quit: () => o.app.quit() })
  // Every branch's desktop notifications, a branch added later's too; a click opens the
  // appointment at its own branch.
  const notifying = new WeakSet<object>()
  const stopWatching = watchBranches(o.branches, (states) => {
    tray.show(trayWords(states, o.app.getLocale()))
    for (const b of o.branches.all()) {
      const feed = b.desk.services.desktopFeed
      if (notifying.has(feed)) continue
      notifying.add(feed)
      showOsNotifications(feed, (href) => open(href, b.key))
    }
  })
  services.computer.attach(startAtLoginApplier(o.app))
  const quiet = new RulesQuietWindow({ device: () => services.sync.relayDevice() })
  const updates = keepUpdated({
    isPackaged: o.app.isPackaged,
    logger: o.logger.child({ part: 'updates' }),
    locale: o.app.getLocale(),
    mayInstallNow: () =>
      mayInstallNow({
        now: new Date(),
        window: quiet.current(),
        // Not while anyone is signed in, or any change waits to sync, at any branch.
        someoneSignedIn: o.branches.all().some((b) => b.desk.services.signIn.current() !== null),
        waitingToSync: o.branches.summaries().reduce((n, b) => n + b.waiting, 0),
      }),
  })
  return () => {
    updates.stop()
    stopWatching()
    tray.destroy()
  }
}
