// The Electron entry: deliberately thin. The desk core does the work and runs without Electron
// too (src/main/headless.ts); this file adds only what needs Electron.
import { app, dialog, type BrowserWindow } from 'electron'
import type { Logger } from 'pino'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, loadDeskConfig } from './core/config/desk-config'
import { DeskStartError } from './core/data-dir/desk-errors'
import { startBranchHost, type BranchHost } from './core/branches/branch-host'
import { createDeskLogger } from './core/logging/desk-logger'
import { electronBranchHostOptions } from './electron/desk-options'
import { registerIpcHandlers } from './electron/ipc-handlers'
import { createMainWindow, focusWindow } from './electron/main-window'
import { guardAllWebContents, hardenSession } from './electron/security'
import { claimSingleInstance } from './electron/single-instance'
import { signOutWhenOsLocks } from './electron/os-lock-sign-out'
import { keepWatch } from './electron/keep-watch'
import { updateState, withoutInstallerFlags } from './electron/updates'

const here = dirname(fileURLToPath(import.meta.url))
let window: BrowserWindow | null = null
/** Every branch the app holds (one desk core each); the first is the desk a one-branch app was. */
let host: BranchHost | null = null
let logger: Logger | null = null

async function start(): Promise<void> {
  // Flags after the executable (packaged) or after `electron .` (development).
  const argv = withoutInstallerFlags(process.argv.slice(app.isPackaged ? 1 : 2))
  // The desk's data lives in the OS's per-user app folder unless FRONTDESK_DATA_DIR says otherwise.
  const config = loadDeskConfig(
    { FRONTDESK_DATA_DIR: app.getPath('userData'), ...process.env },
    argv,
  )
  const deskLogger = createDeskLogger(config.dataDir, config.logLevel)
  logger = deskLogger
  host = await startBranchHost(
    config,
    electronBranchHostOptions({
      dataDir: config.dataDir,
      logger: deskLogger,
      mainDir: here,
      packaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
    }),
  )

  const desk = host.primary
  const branches = host
  signOutWhenOsLocks(() => branches.all().map((b) => b.desk.services.signIn))
  const appOrigin = new URL(host.url).origin
  guardAllWebContents(appOrigin)
  registerIpcHandlers(
    { apiBaseUrl: appOrigin, sessionToken: host.token, appVersion: app.getVersion() },
    updateState,
  )

  window = createMainWindow(join(here, '../preload/index.cjs'))
  hardenSession(window.webContents.session, appOrigin)
  // The page is loaded from the local API itself rather than with loadFile: it then has the API's
  // origin, so its requests and live stream are same-origin (no CORS to open up, nothing a stray
  // file:// page could also use), CSP 'self' covers them, navigation can be pinned to one origin,
  // and Electron and the headless desk run the very same page. The token comes from the preload,
  // so it never appears in the URL.
  await window.loadURL(`${appOrigin}/`)
  window.on('closed', () => {
    window = null
  })

  // The tray, OS notifications, start at login and background updates.
  keepWatch({
    app,
    desk,
    branches,
    window,
    appOrigin,
    iconPath: join(here, '../renderer/favicon.png'),
    logger: deskLogger,
  })
}

function failToStart(error: unknown): void {
  const message =
    error instanceof ConfigError || error instanceof DeskStartError
      ? error.message
      : `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
  dialog.showErrorBox('Frontdesk cannot start', message)
  app.exit(1)
}

if (claimSingleInstance(() => focusWindow(window))) {
  app.whenReady().then(start).catch(failToStart)

  // Closing the window leaves the desk in the tray (electron/keep-in-tray.ts); should the window
  // be gone all the same, the desk quits rather than run with no way back to it.
  app.on('window-all-closed', () => app.quit())

  app.on('will-quit', (event) => {
    if (!host) return
    // Close every branch's core (flush SQLite, release the data-dir locks) before the process ends.
    event.preventDefault()
    const closing = host
    host = null
    closing
      .close()
      .catch((error: unknown) => logger?.error({ err: error }, 'desk did not close cleanly'))
      .finally(() => {
        app.quit()
      })
  })
}
