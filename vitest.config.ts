import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'cloud-relay/test/**/*.test.ts',
      'sandbox/test/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    // better-sqlite3 is a native addon: child processes isolate it more reliably than threads.
    pool: 'forks',
    // The relay's PostgreSQL tests: FRONTDESK_TEST_PG_URL, or an embedded server for the run.
    globalSetup: ['test/support/embedded-postgres.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
