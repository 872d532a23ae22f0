import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const dir = join(__dirname, '..', 'drizzle')
const lock = JSON.parse(readFileSync(join(dir, 'checksums.json'), 'utf8')) as Record<string, string>
const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as {
  entries: { tag: string }[]
}

describe('committed migrations', () => {
  it('are each recorded in drizzle/checksums.json (run `npm run db:generate`)', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.sql'))
    expect(files.length).toBeGreaterThan(0)
    expect(Object.keys(lock).sort()).toEqual(files.sort())
    expect(journal.entries.map((e) => `${e.tag}.sql`).sort()).toEqual(files.sort())
  })

  it.each(Object.keys(lock))('%s is unchanged since it was committed', (file) => {
    const actual = createHash('sha256')
      .update(readFileSync(join(dir, file)))
      .digest('hex')
    expect(actual, `${file} was edited after it was committed: add a new migration instead`).toBe(
      lock[file],
    )
  })
})
