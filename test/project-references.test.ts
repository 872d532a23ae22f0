// The compiler's half of the import direction (import-boundaries.test.ts is eslint's half): the
// repository's own tsconfig files, copied beside a few stand-in files that mirror the layout, must
// make `tsc -b` refuse an import across projects and accept the allowed ones. A reference or an
// include edited so that the desk could reach the relay again fails here.
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..')
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc')

// Allowed directions: everything meets in src/shared; tests may use every Node-side project.
const ALLOWED: Record<string, string> = {
  'src/shared/contract.ts': 'export const CONTRACT = 1\n',
  'src/main/core/desk.ts':
    "import { CONTRACT } from '../../shared/contract'\nexport const DESK = CONTRACT\n",
  'src/preload/index.ts':
    "import { CONTRACT } from '../shared/contract'\nexport const P = CONTRACT\n",
  'src/renderer/src/main.ts':
    "import { CONTRACT } from '../../shared/contract'\nexport const UI = CONTRACT\n",
  'cloud-relay/src/app.ts':
    "import { CONTRACT } from '../../src/shared/contract.js'\nexport const RELAY = CONTRACT\n",
  'sandbox/src/index.ts':
    "import { CONTRACT } from '../../src/shared/contract.js'\nexport const SANDBOX = CONTRACT\n",
  'test/support/kit.ts': 'export const KIT = 1\n',
  'test/world.test.ts': [
    "import { KIT } from './support/kit'",
    "import { DESK } from '../src/main/core/desk'",
    "import { RELAY } from '../cloud-relay/src/app.js'",
    "import { SANDBOX } from '../sandbox/src/index.js'",
    'export const ALL = KIT + DESK + RELAY + SANDBOX',
    '',
  ].join('\n'),
}

// Each offending file, its import, and the project whose file list it must be refused from.
const OFFENDERS: [file: string, from: string, name: string, project: string][] = [
  ['src/main/core/uses-relay.ts', '../../../cloud-relay/src/app.js', 'RELAY', 'desk'],
  ['src/main/electron/uses-sandbox.ts', '../../../sandbox/src/index.js', 'SANDBOX', 'desk'],
  ['src/preload/uses-renderer.ts', '../renderer/src/main', 'UI', 'desk'],
  ['src/main/core/uses-test-kit.ts', '../../../test/support/kit', 'KIT', 'desk'],
  ['cloud-relay/src/uses-desk.ts', '../../src/main/core/desk.js', 'DESK', 'relay'],
  ['cloud-relay/src/uses-sandbox.ts', '../../sandbox/src/index.js', 'SANDBOX', 'relay'],
  ['sandbox/src/uses-relay.ts', '../../cloud-relay/src/app.js', 'RELAY', 'sandbox'],
  ['src/renderer/src/uses-main.ts', '../../main/core/desk', 'DESK', 'web'],
  ['src/shared/uses-main.ts', '../main/core/desk', 'DESK', 'shared'],
]

let dir: string
let output: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-tsrefs-'))
  for (const name of readdirSync(ROOT).filter((f) => /^tsconfig.*\.json$/.test(f))) {
    copyFileSync(join(ROOT, name), join(dir, name))
  }
  // @types/node and the TypeScript libs resolve from the repository's own dependencies.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'junction')
  const files: Record<string, string> = { ...ALLOWED }
  for (const [file, from, name] of OFFENDERS) {
    files[file] = `import { ${name} } from '${from}'\nexport const X = ${name}\n`
  }
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), text)
  }
  // One build of the whole solution: `tsc -b` goes on past a failing project.
  const r = spawnSync(process.execPath, [TSC, '-b', '--pretty', 'false'], {
    cwd: dir,
    encoding: 'utf8',
  })
  output = r.stdout + r.stderr
}, 180_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('TypeScript project references', () => {
  it.each(OFFENDERS)('refuses %s importing %s', (file, from, _name, project) => {
    const line = output.split('\n').find((l) => l.startsWith(`${file}(`))
    expect(line, output).toMatch(/error TS6307: File '.*' is not listed within the file list/)
    expect(line).toContain(`tsconfig.${project}.json`)
  })

  it('accepts the allowed directions: every error is in an offending file', () => {
    const erring = new Set(
      output
        .split('\n')
        .map((l) => /^(\S+)\(\d+,\d+\): error/.exec(l)?.[1])
        .filter((f) => f !== undefined),
    )
    expect([...erring].sort()).toEqual(OFFENDERS.map(([file]) => file).sort())
  })
})
