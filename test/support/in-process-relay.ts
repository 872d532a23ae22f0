// A real relay (Fastify, SQLite file) in the test's process, listening on a port chosen before it
// starts: its public URL — where the Cal.com sandbox delivers webhooks — must be known up front.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp, type RelayApp } from '../../cloud-relay/src/app'
import { loadConfig } from '../../cloud-relay/src/config'
import { openStorage } from '../../cloud-relay/src/storage/open-storage'
import type { RelayStorage } from '../../cloud-relay/src/storage/types'
import { freePort } from './free-port'

export interface InProcessRelay {
  app: RelayApp
  storage: RelayStorage
  url: string
  /** Closes the relay and removes its database. */
  close(): Promise<void>
}

/**
 * Starts a relay whose Cal.com is `calcomUrl`, on `port` (a free one when omitted); `env` adds
 * or overrides relay settings (rate limits are lifted unless given).
 */
export async function startInProcessRelay(opts: {
  calcomUrl: string
  port?: number
  env?: Record<string, string>
  /** Another database (a PostgreSQL one the caller made and drops); a temp SQLite file by default. */
  databaseUrl?: string
}): Promise<InProcessRelay> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-relay-'))
  const dbUrl = opts.databaseUrl ?? `file:${join(dir, 'relay.db')}`
  const port = opts.port ?? (await freePort())
  const url = `http://127.0.0.1:${port}`
  const storage = await openStorage(dbUrl)
  const app = await buildApp({
    config: loadConfig({
      RELAY_PORT: String(port),
      RELAY_PUBLIC_URL: url,
      RELAY_CALCOM_API_URL: opts.calcomUrl,
      RELAY_DATABASE_URL: dbUrl,
      RELAY_INTAKE_RATE_LIMIT: '1000000',
      RELAY_ENROLL_RATE_LIMIT: '1000000',
      ...opts.env,
    }),
    storage,
    closeStorage: true,
  })
  await app.listen({ host: '127.0.0.1', port })
  return {
    app,
    storage,
    url,
    async close() {
      // Desks, sandbox and test share one fetch pool; a pooled socket that never carried a
      // request is not "idle" to Node's HTTP server, so the graceful close would wait on it.
      const force = setTimeout(() => app.server.closeAllConnections(), 1000)
      await app.close()
      clearTimeout(force)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
