// One desk per data directory. The lock is an exclusive SQLite lock held open for the desk's
// lifetime: the operating system drops it when the process ends in any way (even SIGKILL or a
// power cut), so a stale lock can never keep a desk from starting.
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DeskStartError } from './desk-errors'

export interface DataDirLock {
  release(): void
}

export function lockDataDir(dataDir: string): DataDirLock {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  } catch (err) {
    throw new DeskStartError(
      'DATA_DIR_UNUSABLE',
      `Cannot create the data directory ${dataDir}: ${(err as Error).message}`,
    )
  }
  const path = join(dataDir, 'desk.lock')
  let lock: Database.Database
  try {
    lock = new Database(path, { timeout: 0 })
    lock.pragma('locking_mode = EXCLUSIVE')
    lock.exec('BEGIN EXCLUSIVE')
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      throw new DeskStartError(
        'DATA_DIR_IN_USE',
        `Another Frontdesk desk is already running on ${dataDir}. Close it first, or start this one with a different FRONTDESK_DATA_DIR.`,
      )
    }
    throw new DeskStartError(
      'DATA_DIR_UNUSABLE',
      `Cannot lock the data directory ${dataDir}: ${(err as Error).message}`,
    )
  }
  return {
    release() {
      if (lock.open) lock.close()
    },
  }
}
