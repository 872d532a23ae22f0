// The Electron app keeps watch (DESIGN.md §8): closing the window leaves Frontdesk in the tray,
// still syncing and notifying; the tray says online or offline and what waits to sync; the
// core's desktop notifications become OS notifications whose click opens the appointment;
// start at login follows the setting; updates download in the background. Glue only: each part
// is its own module, and the state and words come from the core.
import type { App, BrowserWindow } from 'electron'
import type { Logger } from 'pino'
import type { Desk } from '../core/desk'
import { trayWords, watchDesk } from '../core/notify/desk-watch'
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
  desk: Pick<Desk, 'services'>
  window: BrowserWindow
  /** The page's origin (the local API), to open a desk address in the window. */
  appOrigin: string
  iconPath: string
  logger: Logger
}

export function keepWatch(o: KeepWatchOptions): () => void {
  const { services } = o.desk
  const open = (href: string | null) => {
    if (o.window.isDestroyed()) return
    focusWindow(o.window)
    if (href) void o.window.loadURL(`${o.appOrigin}/#${href}`)
  }
  keepInTrayOnClose(o.app, o.window)
  const tray = createDeskTray(o.iconPath, { open: () => open(null), quit: () => o.app.quit() })
  const stopWatching = watchDesk(
    {
      events: services.events,
      health: () => services.sync.health(),
      outboxCounts: () => services.outbox.counts(),
    },
    (state) => tray.show(trayWords(state, o.app.getLocale())),
  )
  showOsNotifications(services.desktopFeed, open)
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
        someoneSignedIn: services.signIn.current() !== null,
        waitingToSync: (() => {
          const counts = services.outbox.counts()
          return counts.pending + counts.in_flight
        })(),
      }),
  })
  return () => {
    updates.stop()
    stopWatching()
    tray.destroy()
  }
}
