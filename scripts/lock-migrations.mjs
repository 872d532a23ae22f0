// Records the sha256 of each migration in drizzle/checksums.json. New migrations are added;
// a recorded one is never rewritten, so test/migrations-lock.test.ts catches any edit of a
// migration that desks in the field may already have applied.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = new URL('../drizzle/', import.meta.url).pathname
const lockFile = join(dir, 'checksums.json')
const journal = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8'))
const lock = existsSync(lockFile) ? JSON.parse(readFileSync(lockFile, 'utf8')) : {}
for (const { tag } of journal.entries) {
  const file = `${tag}.sql`
  if (lock[file]) continue
  lock[file] = createHash('sha256')
    .update(readFileSync(join(dir, file)))
    .digest('hex')
  console.log(`locked ${file}`)
}
writeFileSync(lockFile, JSON.stringify(lock, null, 2) + '\n')
