// Shared test fixtures: real storage engines (a temp SQLite file; a fresh PostgreSQL database
// per suite), a relay app on top, and signed Cal.com deliveries.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { buildApp, type BuildAppOptions, type RelayApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import {
  newChannelId,
  newDeviceId,
  newDeviceToken,
  newWebhookSecret,
  sha256Hex,
} from '../src/ids.js'
import { signCalcomBody } from '../src/signature.js'
import { openStorage } from '../src/storage/open-storage.js'
import type { Channel, RelayStorage } from '../src/storage/types.js'

export const PG_URL =
  process.env.FRONTDESK_TEST_PG_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres'

export interface TestDatabase {
  engine: 'sqlite' | 'postgres'
  url: string
  drop(): Promise<void>
}

/** A new empty database of the engine. PostgreSQL must be reachable: the test fails otherwise. */
export async function createDatabase(engine: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'relay-test-'))
    return {
      engine,
      url: `file:${join(dir, 'relay.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    }
  }
  const name = `relay_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(PG_URL)
  url.pathname = `/${name}`
  return {
    engine,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

export const ENGINES = ['sqlite', 'postgres'] as const

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef'

export function testConfig(env: Record<string, string> = {}) {
  return loadConfig({
    RELAY_PORT: '0',
    RELAY_ADMIN_TOKEN: ADMIN_TOKEN,
    RELAY_INTAKE_RATE_LIMIT: '1000000',
    RELAY_ENROLL_RATE_LIMIT: '1000',
    ...env,
  })
}

export interface Harness {
  db: TestDatabase
  storage: RelayStorage
  app: RelayApp
  close(): Promise<void>
}

export async function startHarness(
  engine: 'sqlite' | 'postgres',
  env: Record<string, string> = {},
  extra: Pick<
    BuildAppOptions,
    'heartbeatMs' | 'closeGraceMs' | 'logger' | 'refusalLogIntervalMs' | 'notifier'
  > = {},
): Promise<Harness> {
  const db = await createDatabase(engine)
  const storage = await openStorage(db.url)
  const app = await buildApp({
    config: testConfig({ RELAY_DATABASE_URL: db.url, ...env }),
    storage,
    closeStorage: true,
    ...extra,
  })
  await app.ready()
  return {
    db,
    storage,
    app,
    close: async () => {
      await app.close()
      await db.drop()
    },
  }
}

export interface SeededChannel {
  channel: Channel
  secret: string
}

export async function seedChannel(
  storage: RelayStorage,
  secret = newWebhookSecret(),
): Promise<SeededChannel> {
  const accountId = String(Math.floor(Math.random() * 1e9))
  const channel = await storage.channelForAccount(accountId, {
    id: newChannelId(),
    webhookSecret: secret,
  })
  return { channel, secret }
}

export async function seedDevice(storage: RelayStorage, channelId: string, name = 'desk') {
  const token = newDeviceToken()
  const device = await storage.createDevice({
    id: newDeviceId(),
    channelId,
    name,
    tokenHash: sha256Hex(token),
  })
  return { device, token }
}

let counter = 0
/** A realistic compact Cal.com BOOKING_CREATED body, unique per call. */
export function bookingBody(extra = ''): string {
  counter += 1
  return JSON.stringify({
    triggerEvent: 'BOOKING_CREATED',
    createdAt: new Date().toISOString(),
    payload: {
      uid: `${randomBytes(8).toString('hex')}-${counter}`,
      title: 'Cut & colour — Zoë',
      startTime: '2026-03-01T10:00:00Z',
      endTime: '2026-03-01T11:00:00Z',
      status: 'ACCEPTED',
      note: extra,
    },
  })
}

export function signedHeaders(
  secret: string,
  body: string | Buffer,
  contentType = 'application/json',
) {
  return {
    'content-type': contentType,
    'x-cal-signature-256': signCalcomBody(secret, body),
    'x-cal-webhook-version': '2021-10-20',
  }
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` })

/** Every route the relay registers, as `METHOD /path` (HEAD twins left out). */
export function routesOf(app: RelayApp): string[] {
  const routes: string[] = []
  const path: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?/.exec(line)
    if (!m) continue
    const depth = (m[1] as string).length / 4
    path.length = depth
    path.push(m[2] as string)
    for (const method of m[3]?.split(', ') ?? [])
      if (method !== 'HEAD') routes.push(`${method} ${path.join('')}`)
  }
  return routes.sort()
}
