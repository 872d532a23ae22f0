// A copy of the committed migrations that stops before one of them, so a test can build the
// database a desk in the field had before that migration and then upgrade it.
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const DRIZZLE = join(import.meta.dirname, '..', '..', '..', '..', 'drizzle')

/** The committed migrations up to (not including) `tag`, copied under `dir`. */
export function migrationsBefore(dir: string, tag: string): string {
  const out = join(dir, `drizzle-before-${tag}`)
  cpSync(DRIZZLE, out, { recursive: true })
  const journalFile = join(out, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] }
  const at = journal.entries.findIndex((e) => e.tag === tag)
  if (at < 1) throw new Error(`no migration ${tag} after the first`)
  journal.entries = journal.entries.slice(0, at)
  writeFileSync(journalFile, JSON.stringify(journal))
  return out
}
