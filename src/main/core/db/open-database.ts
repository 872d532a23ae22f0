// Opens the desk's SQLite file: checks it really is a readable database before anything writes
// to it, sets the pragmas every connection needs, then applies the committed migrations.
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DeskStartError } from '../data-dir/desk-errors'
import * as schema from './schema'

export type DeskDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

const SQLITE_HEADER = 'SQLite format 3\u0000'

/** The committed `drizzle/` folder, found from wherever this module was bundled to. */
export function findMigrationsDir(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'drizzle')
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate
    if (dirname(dir) === dir) break
  }
  throw new Error(`No drizzle/ migrations folder found above ${from}`)
}

function assertReadableDatabase(file: string): void {
  if (!existsSync(file)) return
  const header = Buffer.alloc(16)
  let length: number
  try {
    // Only the 16-byte header: the file may be gigabytes.
    const fd = openSync(file, 'r')
    try {
      length = readSync(fd, header, 0, 16, 0)
    } finally {
      closeSync(fd)
    }
  } catch (err) {
    throw new DeskStartError(
      'DATABASE_UNREADABLE',
      `The database file ${file} cannot be read (${(err as Error).message}). Check its permissions; it was left untouched.`,
    )
  }
  if (length > 0 && header.subarray(0, length).toString('latin1') !== SQLITE_HEADER) {
    throw new DeskStartError(
      'DATABASE_UNREADABLE',
      `The database file ${file} is not a SQLite database (it may be damaged). It was left untouched: move it aside or restore a backup, then start again.`,
    )
  }
}

function assertNotNewer(client: Database.Database, migrationsDir: string, file: string): void {
  const hasTable = client
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get()
  if (!hasTable) return
  const journal = JSON.parse(
    readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8'),
  ) as {
    entries: { when: number }[]
  }
  const newestKnown = Math.max(0, ...journal.entries.map((e) => e.when))
  const row = client
    .prepare('select max(created_at) as newest from __drizzle_migrations')
    .get() as {
    newest: number | null
  }
  if (row.newest !== null && row.newest > newestKnown) {
    throw new DeskStartError(
      'DATABASE_TOO_NEW',
      `The database ${file} was written by a newer Frontdesk. Update this desk; the file was left untouched.`,
    )
  }
}

export function openDatabase(file: string, migrationsDir = findMigrationsDir()): DeskDb {
  const path = resolve(file)
  assertReadableDatabase(path)
  let client: Database.Database
  try {
    client = new Database(path)
    client.pragma('busy_timeout = 5000')
    // A cheap read that fails at once on a damaged schema page.
    client.prepare('select count(*) from sqlite_master').get()
    client.pragma('journal_mode = WAL')
    // FULL: a receptionist's change, once shown as saved, must survive a power cut too. The
    // desk writes a few rows a second at most, so the extra fsync costs nothing visible.
    client.pragma('synchronous = FULL')
    client.pragma('foreign_keys = ON')
  } catch (err) {
    if (err instanceof DeskStartError) throw err
    throw new DeskStartError(
      'DATABASE_UNREADABLE',
      `The database file ${path} cannot be opened (${(err as Error).message}). It was left untouched: move it aside or restore a backup, then start again.`,
    )
  }
  try {
    assertNotNewer(client, migrationsDir, path)
    const db = drizzle(client, { schema })
    migrate(db, { migrationsFolder: migrationsDir })
    return db
  } catch (err) {
    client.close()
    throw err
  }
}
