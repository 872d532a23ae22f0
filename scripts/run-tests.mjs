// The whole test suite, as CI runs it: static checks, unit + integration (vitest), then the
// end-to-end tests (Playwright in Debian's Chromium) against a fresh build. Ends with one line
// "N passed, N failed" that counts every test and check it ran.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const results = join(root, 'test-results')
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

let passed = 0
let failed = 0
let skipped = 0
const failures = []

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status === 0
}

function check(label, cmd, args) {
  if (run(label, cmd, args)) passed += 1
  else {
    failed += 1
    failures.push(label)
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

check('typecheck', 'npm', ['run', '-s', 'typecheck'])
check('lint', 'npm', ['run', '-s', 'lint'])
check('format', 'npm', ['run', '-s', 'format:check'])
check('build', 'npm', ['run', '-s', 'build'])

const vitestJson = join(results, 'vitest.json')
const vitestOk = run('unit and integration (vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
])
const v = readJson(vitestJson)
if (v) {
  passed += v.numPassedTests
  failed += v.numFailedTests
  skipped += v.numPendingTests + v.numTodoTests
  // A suite that fails to load has no tests to count but is still a failure.
  const brokenSuites = v.testResults.filter(
    (s) => s.status === 'failed' && s.assertionResults.length === 0,
  )
  failed += brokenSuites.length
  if (v.numFailedTests + brokenSuites.length > 0) failures.push('vitest')
  if (!vitestOk && v.numFailedTests + brokenSuites.length === 0) {
    failed += 1
    failures.push('vitest exited non-zero')
  }
} else {
  failed += 1
  failures.push('vitest produced no report')
}

if (existsSync(join(root, 'e2e'))) {
  const pwJson = join(results, 'playwright.json')
  const pwOk = run(
    'end to end (Playwright, Chromium)',
    'npx',
    ['playwright', 'test', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    },
  )
  const p = readJson(pwJson)
  if (p) {
    passed += p.stats.expected + p.stats.flaky
    failed += p.stats.unexpected
    skipped += p.stats.skipped
    if (p.stats.unexpected > 0) failures.push('playwright')
    if (!pwOk && p.stats.unexpected === 0) {
      failed += 1
      failures.push('playwright exited non-zero')
    }
  } else {
    failed += 1
    failures.push('playwright produced no report')
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`)
if (skipped) console.log(`${skipped} skipped`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
