// What the Electron app hands the desk core beyond the configuration: where the built renderer
// and the migrations are, and that its secrets (the Cal.com credential and the relay device
// token) live in the OS's protected storage through safeStorage, not in the headless desk's
// plain 0600 files.
import { join } from 'node:path'
import type { Logger } from 'pino'
import type { BranchHostOptions } from '../core/branches/branch-host'
import type { StartDeskOptions } from '../core/desk'
import { safeStorageCredential, safeStorageRelayDevice } from './safe-storage-secret-store'

export interface ElectronDeskPlaces {
  dataDir: string
  logger: Logger
  /** The folder of the built main bundle (out/main). */
  mainDir: string
  packaged: boolean
  /** process.resourcesPath of the packaged app. */
  resourcesPath: string
}

export function electronDeskOptions(places: ElectronDeskPlaces): StartDeskOptions {
  return {
    logger: places.logger,
    // Built next to the main bundle: out/main → out/renderer (inside app.asar when packaged;
    // Electron's fs reads asar transparently, so the core's static file server works unchanged).
    rendererDir: join(places.mainDir, '../renderer'),
    // Packaged, the migrations ship as extraResources (electron-builder.yml); in development the
    // core finds drizzle/ above its own code.
    migrationsDir: places.packaged ? join(places.resourcesPath, 'drizzle') : undefined,
    tokenStore: safeStorageCredential(places.dataDir),
    relayDeviceStore: safeStorageRelayDevice(places.dataDir),
  }
}

/**
 * The app's branch host as Electron starts it (DESIGN.md §9): the first branch with the options
 * above, every other branch with its secrets in safeStorage files of its own folder
 * (branches/<key>/), the same migrations and logger.
 */
export function electronBranchHostOptions(places: ElectronDeskPlaces): BranchHostOptions {
  const first = electronDeskOptions(places)
  return {
    ...first,
    branchOptions: (key, dataDir) => ({
      logger: places.logger.child({ branch: key }),
      migrationsDir: first.migrationsDir,
      tokenStore: safeStorageCredential(dataDir),
      relayDeviceStore: safeStorageRelayDevice(dataDir),
    }),
  }
}
