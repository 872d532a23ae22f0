// Updates come from the generic feed configured in electron-builder.yml (publish). Only a
// packaged app has an update config; a development run has nothing to update.
import electronUpdater from 'electron-updater'
import type { Logger } from 'pino'

export function checkForUpdates(isPackaged: boolean, logger: Logger): void {
  if (!isPackaged) return
  // electron-updater is CommonJS; its named exports come through the default import under ESM.
  const { autoUpdater } = electronUpdater
  autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
    // Offline desks are normal: a failed check is logged and retried at the next start.
    logger.warn({ err: error }, 'update check failed')
  })
}
