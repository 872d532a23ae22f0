// Updates come from the generic feed configured in electron-builder.yml (publish). Only a
// packaged app has an update config; a development run has nothing to update. An update
// downloads in the background, then the app asks whether to restart now; otherwise it installs
// when the app quits, or by itself in quiet hours when the core says no one is at the desk
// (core/updates/install-policy.ts). Where the check stands is kept for Settings (the
// update-state IPC channel).
import { dialog } from 'electron'
import electronUpdater from 'electron-updater'
import type { Logger } from 'pino'
import type { UpdateState } from '../../shared/domain/desk-ipc'
import { restartPrompt } from '../core/updates/install-policy'

let current: UpdateState = { state: 'not-packaged' }

/**
 * The app's own options, without what Windows' installer adds: after installing an update it
 * starts the app again with `--updated` (electron-builder's NSIS scripts), which the desk's
 * option parser refused, so the app said "Frontdesk cannot start" after every update.
 */
export function withoutInstallerFlags(argv: readonly string[]): string[] {
  return argv.filter((arg) => arg !== '--updated')
}

/** Where the update check stands now. */
export function updateState(): UpdateState {
  return current
}

export interface UpdateOptions {
  isPackaged: boolean
  logger: Logger
  locale: string
  /** Whether a downloaded update may install itself now (quiet hours, no one at the desk). */
  mayInstallNow(): boolean
  /** How often to look again for an update, and whether one may install now (ms). */
  everyMs?: number
}

export interface UpdateWatch {
  /** Looks again now (the timer calls it). */
  tick(): void
  stop(): void
}

const IDLE: UpdateWatch = { tick: () => undefined, stop: () => undefined }

export function keepUpdated(opts: UpdateOptions): UpdateWatch {
  if (!opts.isPackaged) return IDLE
  // electron-updater is CommonJS; its named exports come through the default import under ESM.
  const { autoUpdater } = electronUpdater
  autoUpdater.autoDownload = true
  autoUpdater.autoInstallOnAppQuit = true
  let downloaded = false
  const check = () => {
    current = { state: 'checking' }
    return autoUpdater.checkForUpdates().catch((error: unknown) => {
      // Offline desks are normal: a failed check is logged and tried again later.
      current = { state: 'failed' }
      opts.logger.warn({ err: error }, 'update check failed')
    })
  }
  autoUpdater.on('update-not-available', () => (current = { state: 'up-to-date' }))
  autoUpdater.on('update-available', (info: { version: string }) => {
    current = { state: 'downloading', version: info.version }
  })
  autoUpdater.on('error', () => (current = { state: 'failed' }))

  autoUpdater.on('update-downloaded', (info: { version: string }) => {
    downloaded = true
    current = { state: 'ready', version: info.version }
    opts.logger.info({ version: info.version }, 'update downloaded')
    const words = restartPrompt(opts.locale, info.version)
    void dialog
      .showMessageBox({
        type: 'info',
        message: words.message,
        detail: words.detail,
        buttons: words.buttons,
        defaultId: 1,
        cancelId: 1,
      })
      .then(({ response }) => {
        if (response === 0) autoUpdater.quitAndInstall()
      })
  })

  const tick = () => {
    if (!downloaded) {
      void check()
      return
    }
    if (opts.mayInstallNow()) {
      opts.logger.info('installing the downloaded update in quiet hours')
      autoUpdater.quitAndInstall(true, true)
    }
  }
  void check()
  const timer = setInterval(tick, opts.everyMs ?? 30 * 60_000)
  timer.unref()
  return { tick, stop: () => clearInterval(timer) }
}
