// The shape of the desk core, as issue 13 set it, kept by reading the sources: one owner per
// table (only `*-store.ts` files and db/ import the drizzle schema; only the appointments
// module's stores write the appointments table), one place where Cal.com's state of a booking is
// merged into the desk's row, and the UI's live bus listened to only by the live stream. Each
// rule is checked on the repository and shown to bite on a stand-in file.
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')
const SCANNED = ['src', 'test', 'bench', 'e2e', 'scripts', 'cloud-relay', 'sandbox']
const SKIPPED_DIRS = new Set(['node_modules', 'out', '.tsbuild', 'dist'])
const SCHEMA = 'src/main/core/db/schema'
const MERGE = 'src/main/core/appointments/booking-merge'

interface Source {
  /** Relative to the repository, with `/`. */
  path: string
  text: string
}

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* sources(path)
    } else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name)) yield path
  }
}

const SELF = 'test/repo-shape.test.ts'
const repository: Source[] = SCANNED.flatMap((dir) =>
  [...sources(join(root, dir))].map((file) => ({
    path: relative(root, file).split(sep).join('/'),
    text: readFileSync(file, 'utf8'),
  })),
).filter((f) => f.path !== SELF) // its stand-in cases are text, not code

// Fixture loading, not a desk change: a million rows in raw SQL, as a restored backup would
// arrive (through the store each row would also get a history row the day view never reads).
const LOADS_APPOINTMENT_FIXTURES = new Set([
  'bench/desk-day-view.ts',
  'bench/clients-search.ts',
  'bench/overview.ts',
  'src/main/core/overview/overview-store.test.ts',
  // An older version's database as it left it, before the desk's migrations run: the stores
  // speak the current schema, so its rows are written in raw SQL.
  'src/main/core/staff/staff-username-migration.test.ts',
])

/** The repository paths (without extension) a file imports or re-exports, relative ones only. */
function importsOf({ path, text }: Source): string[] {
  const specifiers = [
    ...text.matchAll(/\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
  ].map((m) => m[1]!)
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) =>
      relative(root, resolve(root, dirname(path), s))
        .split(sep)
        .join('/')
        .replace(/\.(ts|tsx|js|mjs)$/, ''),
    )
}

const isTest = (path: string) => /\.test\.tsx?$|\.test-support\.ts$/.test(path)
const isStore = (path: string) => path.endsWith('-store.ts')

/** Files that import the drizzle schema without owning a table. */
function schemaImporters(files: Source[]): string[] {
  return files
    .filter((f) => importsOf(f).includes(SCHEMA))
    .filter((f) => !isStore(f.path) && !f.path.startsWith('src/main/core/db/'))
    .map((f) => f.path)
}

const APPOINTMENT_WRITES = [
  /\.(?:insert|update|delete)\(\s*appointments\s*\)/,
  /\b(?:insert\s+(?:or\s+\w+\s+)?into|update|delete\s+from)\s+["`]?appointments\b/i,
]

/** Files that write the appointments table but are not a store of the appointments module. */
function appointmentWriters(files: Source[]): string[] {
  return files
    .filter((f) => APPOINTMENT_WRITES.some((re) => re.test(f.text)))
    .filter((f) => !(f.path.startsWith('src/main/core/appointments/') && isStore(f.path)))
    .filter((f) => !LOADS_APPOINTMENT_FIXTURES.has(f.path))
    .map((f) => f.path)
}

/** Code (not tests) that uses the booking merge rules outside the one place that applies them. */
function secondMerges(files: Source[]): string[] {
  return files
    .filter((f) => !isTest(f.path) && f.path !== 'src/main/core/appointments/calcom-bookings.ts')
    .filter((f) => /\bmergeChange\b/.test(f.text) && importsOf(f).includes(MERGE))
    .map((f) => f.path)
}

/** Core code other than the live stream that listens to the UI's live bus. */
function liveBusListeners(files: Source[]): string[] {
  return files
    .filter((f) => f.path.startsWith('src/main/core/') && !isTest(f.path))
    .filter((f) => !f.path.startsWith('src/main/core/live/'))
    .filter((f) => f.path !== 'src/main/core/server/routes/live.ts')
    .filter((f) => /\bbus\.subscribe\(/.test(f.text))
    .map((f) => f.path)
}

describe('one owner per table', () => {
  it('only stores (and db/) import the drizzle schema: tests, benchmarks and the rest use stores', () => {
    expect(schemaImporters(repository)).toEqual([])
  })

  it('the rule bites on a test, a benchmark or a domain module importing the schema', () => {
    const standIns: Source[] = [
      { path: 'src/main/core/inbound/x.test.ts', text: "import { a } from '../db/schema'\n" },
      { path: 'bench/x.ts', text: "import { a } from '../src/main/core/db/schema'\n" },
      { path: 'src/main/core/slots/x.ts', text: "export { a } from '../db/schema.js'\n" },
      { path: 'src/main/core/staff/staff-store.ts', text: "import { a } from '../db/schema'\n" },
    ]
    expect(schemaImporters(standIns)).toEqual([
      'src/main/core/inbound/x.test.ts',
      'bench/x.ts',
      'src/main/core/slots/x.ts',
    ])
  })

  it('only the appointments module writes appointments, through its stores', () => {
    expect(appointmentWriters(repository)).toEqual([])
  })

  it('the rule bites on a write from elsewhere, through drizzle or SQL', () => {
    const standIns: Source[] = [
      { path: 'src/main/core/outbound/x.ts', text: 'tx.update(appointments).set({})' },
      { path: 'test/x.test.ts', text: "db.$client.exec('UPDATE appointments SET status = 1')" },
      { path: 'src/main/core/appointments/x.ts', text: 'db.insert(appointments).values(v)' },
      { path: 'src/main/core/appointments/x-store.ts', text: 'db.delete(appointments)' },
      { path: 'test/y.test.ts', text: "exec('create trigger t before insert on appointments')" },
    ]
    expect(appointmentWriters(standIns)).toEqual([
      'src/main/core/outbound/x.ts',
      'test/x.test.ts',
      'src/main/core/appointments/x.ts',
    ])
  })
})

describe("one merge of Cal.com's state into the desk's row", () => {
  it('only appointments/calcom-bookings.ts applies the merge rules', () => {
    expect(secondMerges(repository)).toEqual([])
  })

  it('the rule bites on a second merge', () => {
    const standIns: Source[] = [
      {
        path: 'src/main/core/outbound/outbox-worker.ts',
        text: "import { mergeChange } from '../appointments/booking-merge'\nmergeChange(a, b)\n",
      },
    ]
    expect(secondMerges(standIns)).toEqual(['src/main/core/outbound/outbox-worker.ts'])
  })
})

describe("the UI's live stream only listens", () => {
  it('no core module wires itself to the live bus (internal events have their own)', () => {
    expect(liveBusListeners(repository)).toEqual([])
  })

  it('the rule bites on a module subscribing to the live bus', () => {
    const standIns: Source[] = [
      { path: 'src/main/core/slots/slots-cache.ts', text: 'deps.bus.subscribe((e) => x(e))' },
      { path: 'src/main/core/server/routes/live.ts', text: 'services.bus.subscribe(send)' },
    ]
    expect(liveBusListeners(standIns)).toEqual(['src/main/core/slots/slots-cache.ts'])
  })
})
