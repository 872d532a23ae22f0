// A clone copied alone into an empty folder must build, test and benchmark: no file may reach for
// something beside the repository (the project's shared reference folder is not there). What the
// tests need from Cal.com is vendored under test/fixtures/calcom/.
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')

// Generated or installed, never committed (see .gitignore).
const SKIPPED_DIRS = new Set([
  '.git',
  'node_modules',
  'out',
  '.tsbuild',
  'dist',
  'test-results',
  'playwright-report',
  'coverage',
  'relay-data',
  '.frontdesk',
  join('bench', 'results'),
])

// Files whose relative paths are written for other places, not for the file itself.
const WRITTEN_FOR_OTHER_PATHS: Record<string, string> = {
  'test/import-boundaries.test.ts':
    'code snippets linted as if they sat at the paths each case names',
  'test/project-references.test.ts':
    'stand-in files compiled at the paths each names, in a copy of the layout',
  'test/repository-stands-alone.test.ts': 'its own cases, read as if they sat in docs/ and bench/',
}

function* repoFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(relative(root, path))) yield* repoFiles(path)
    } else if (entry.isFile()) yield path
  }
}

const PARENT_PATH = /(?<![\w./-])(?:\.\.\/)+[\w@.-]*(?:\/[\w@.-]+)*/g
// The same path written as path.join / resolve segments: '..', '..', 'shared'.
const PARENT_SEGMENTS = /(?:(['"`])\.\.\1\s*,\s*)*(['"`])\.\.\2(?:\s*,\s*(['"`])([\w@.-]+)\3)?/g
// The workplace's folders: a path there names this machine, not the repository.
const WORKPLACE_PATH = /(?<![\w.-])\/work\/[\w@.-]*/g

/** The places in `text` (the content of `file`) that name a path outside the repository. */
function outsideReferences(file: string, text: string, checkRelative = true): string[] {
  const rel = relative(root, file).split(sep).join('/')
  const found: string[] = []
  if (checkRelative) {
    const segmented = [...text.matchAll(PARENT_SEGMENTS)].map((m) =>
      [...m[0].matchAll(/\.\./g)]
        .map(() => '..')
        .concat(m[4] ?? [])
        .join('/'),
    )
    const written = [...text.matchAll(PARENT_PATH)].map((m) => m[0])
    for (const ref of [...written, ...segmented]) {
      const path = ref.replace(/\.+$/, '')
      const target = relative(root, resolve(dirname(file), path))
      const outside = target === '..' || target.startsWith(`..${sep}`)
      // A document's path is read by a person, so it must also lead somewhere.
      const dangling = rel.endsWith('.md') && !existsSync(resolve(dirname(file), path))
      if (outside || dangling) found.push(path)
    }
  }
  for (const m of text.matchAll(WORKPLACE_PATH)) found.push(m[0])
  return found.map((ref) => `${rel}: ${ref}`)
}

describe('the repository stands alone', () => {
  it('no file names a path outside the repository', () => {
    const offenders: string[] = []
    let scanned = 0
    for (const file of repoFiles(root)) {
      if (lstatSync(file).size > 4 * 1024 * 1024) continue
      const bytes = readFileSync(file)
      if (bytes.includes(0)) continue // binary
      scanned += 1
      const rel = relative(root, file).split(sep).join('/')
      offenders.push(
        ...outsideReferences(file, bytes.toString('utf8'), !(rel in WRITTEN_FOR_OTHER_PATHS)),
      )
    }
    expect(scanned).toBeGreaterThan(100)
    expect(offenders).toEqual([])
  })

  it('finds a reference that climbs out of the repository, and one to the workplace', () => {
    const readme = join(root, 'docs', 'x.md')
    expect(outsideReferences(readme, 'see [design](../../shared/DESIGN.md)')).toHaveLength(1)
    expect(outsideReferences(readme, 'see [build](../README.md)')).toEqual([])
    expect(outsideReferences(readme, 'see `../shared/REFERENCE.md`.')).toHaveLength(1)
    const code = join(root, 'bench', 'x.ts')
    expect(outsideReferences(code, "join(import.meta.dirname, '..', '..', 'shared')")).toHaveLength(
      1,
    )
    expect(outsideReferences(code, "join(import.meta.dirname, '..', 'test')")).toEqual([])
    expect(outsideReferences(readme, `read ${'/work'}/shared/calcom/REFERENCE.md`)).toHaveLength(1)
  })
})
