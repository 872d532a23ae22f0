// vitest's global setup: the relay's PostgreSQL tests use the server named by
// FRONTDESK_TEST_PG_URL (CI sets it to the one scripts/setup-test-machine.sh starts). When it is
// unset, one embedded PostgreSQL serves the whole run and is stopped at its end. Test workers
// are forked after this runs, so they inherit the URL through the environment.
import { startEmbeddedPostgres } from './embedded-postgres'

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.FRONTDESK_TEST_PG_URL) return undefined
  const postgres = await startEmbeddedPostgres()
  process.env.FRONTDESK_TEST_PG_URL = postgres.url
  return async () => {
    await postgres.stop()
    delete process.env.FRONTDESK_TEST_PG_URL
  }
}
