import { PostgresStorage } from './postgres/postgres-storage.js'
import { SqliteStorage } from './sqlite/sqlite-storage.js'
import type { RelayStorage } from './types.js'

/** Opens and migrates the engine named by RELAY_DATABASE_URL (file:… or postgres://…). */
export async function openStorage(databaseUrl: string): Promise<RelayStorage> {
  const storage = /^postgres(ql)?:\/\//.test(databaseUrl)
    ? new PostgresStorage(databaseUrl)
    : SqliteStorage.fromUrl(databaseUrl)
  try {
    await storage.migrate()
  } catch (err) {
    await storage.close().catch(() => {})
    throw err
  }
  return storage
}
