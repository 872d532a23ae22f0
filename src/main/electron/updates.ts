// Updates come from the generic feed configured in electron-builder.yml (publish). Only a
// packaged app has an update config; a development run has nothing to update. Where the check
// stands is kept for Settings (the update-state IPC channel).
import electronUpdater from 'electron-updater'
import type { Logger } from 'pino'
import type { UpdateState } from '../../shared/domain/desk-ipc'

let current: UpdateState = { state: 'not-packaged' }

/** Where the update check stands now. */
export function updateState(): UpdateState {
  return current
}

export function checkForUpdates(isPackaged: boolean, logger: Logger): void {
  if (!isPackaged) return
  // electron-updater is CommonJS; its named exports come through the default import under ESM.
  const { autoUpdater } = electronUpdater
  current = { state: 'checking' }
  autoUpdater.on('update-not-available', () => (current = { state: 'up-to-date' }))
  autoUpdater.on('update-available', (info: { version: string }) => {
    current = { state: 'downloading', version: info.version }
  })
  autoUpdater.on('update-downloaded', (info: { version: string }) => {
    current = { state: 'ready', version: info.version }
  })
  autoUpdater.on('error', () => (current = { state: 'failed' }))
  autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
    // Offline desks are normal: a failed check is logged and retried at the next start.
    current = { state: 'failed' }
    logger.warn({ err: error }, 'update check failed')
  })
}
