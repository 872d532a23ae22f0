// Frontdesk as deployed, for the tests with real processes: the Cal.com sandbox, the relay
// (embedded SQLite) and the headless desk each run as their own OS process and talk real HTTP.
// The desk reaches Cal.com through a CalcomLink the test can cut or slow, so "offline" is a
// refused connection, not a flag. Tests see the desk only through its local API, Cal.com only
// through its API v2 and the sandbox's control API, as an operator would.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect } from 'vitest'
import type { SandboxState } from '../../sandbox/src/index'
import { startRelayProcess, type RelayProcess } from '../../cloud-relay/test/relay-process'
import { freePort } from './free-port'
import {
  startCalcomLink,
  type CalcomLink,
} from '../../src/main/core/outbound/calcom-link.test-support'
import { spawnHeadlessDesk, spawnSandbox, type ChildServer } from './child-processes'
import { connectWithApiKey, connectWithOAuth } from './desk-client'

const TOKEN = 'process-world-session-token-0123456789'
const BOOKINGS_VERSION = { 'cal-api-version': '2024-08-13' }

type SandboxAccount = SandboxState['accounts'][number]

export interface CalcomBooking {
  uid: string
  status: string
  start: string
  metadata?: Record<string, string>
}

export interface ProcessWorld {
  sandbox: ChildServer
  relay: RelayProcess
  link: CalcomLink
  /** The desk's line to the relay, when the world was started with `relayLink`. */
  relayLink: CalcomLink | undefined
  /** The running desk; replaced by `restartDesk`. */
  desk: ChildServer
  state: SandboxState
  /** The first seeded branch. */
  account: SandboxAccount
  /** The desk's local API, authenticated as the desk user. */
  request(path: string, init?: RequestInit): Promise<Response>
  /** GET, or POST of `body` as JSON. */
  call(path: string, body?: unknown): Promise<Response>
  get<T>(path: string): Promise<T>
  /** The sandbox's control API (`/_sandbox/…`); an error answer fails the test. */
  control<T = unknown>(path: string, body?: unknown): Promise<T>
  /** The branch's bookings as its owner sees them in Cal.com (API v2, its API key). */
  calcomBookings(): Promise<CalcomBooking[]>
  /** Stops the desk with `signal` and starts it again on the same data directory. */
  restartDesk(signal: NodeJS.Signals): Promise<void>
  /** Stops everything; resolves with the exit codes of the desk and the sandbox. */
  close(): Promise<Array<number | null>>
}

export interface WorldOptions {
  /** Extra `npm run sandbox` settings (rate limits, clock). */
  sandboxEnv?: Record<string, string>
  /** Connect by OAuth: the desk's loopback port is fixed and the sandbox told its redirect URI. */
  oauth?: boolean
  /** The desk reaches the relay through a link the test can cut too (the relay unreachable). */
  relayLink?: boolean
}

export async function startProcessWorld(opts: WorldOptions = {}): Promise<ProcessWorld> {
  // Stopped in reverse order by close(), or as soon as a later part fails to start.
  const teardown: Array<() => unknown> = []
  const stopAll = async () => {
    for (const stop of teardown.splice(0).reverse()) await stop()
  }
  try {
    return await startParts(opts, teardown, stopAll)
  } catch (err) {
    await stopAll()
    throw err
  }
}

async function startParts(
  opts: WorldOptions,
  teardown: Array<() => unknown>,
  stopAll: () => Promise<void>,
): Promise<ProcessWorld> {
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix))
    teardown.push(() => rmSync(dir, { recursive: true, force: true }))
    return dir
  }
  const oauthPort = opts.oauth ? await freePort() : undefined
  const sandbox = await spawnSandbox({
    ...(oauthPort ? { SANDBOX_OAUTH_REDIRECT_URI: `http://127.0.0.1:${oauthPort}/callback` } : {}),
    ...opts.sandboxEnv,
  })
  const sandboxExit = { code: null as number | null }
  teardown.push(async () => (sandboxExit.code = await sandbox.stop()))
  const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
  // Cal.com is told the relay's public URL when the desk enrolls, so the port is fixed first.
  const relayPort = await freePort()
  const relay = await startRelayProcess({
    RELAY_PORT: String(relayPort),
    RELAY_PUBLIC_URL: `http://127.0.0.1:${relayPort}`,
    RELAY_CALCOM_API_URL: sandbox.url,
    RELAY_DATABASE_URL: `file:${join(tempDir('frontdesk-relay-'), 'relay.db')}`,
  })
  teardown.push(async () => {
    relay.child.kill('SIGTERM')
    await relay.exited
  })
  const link = await startCalcomLink(sandbox.url)
  teardown.push(() => link.close())
  const relayLink = opts.relayLink ? await startCalcomLink(relay.url) : undefined
  if (relayLink) teardown.push(() => relayLink.close())
  const deskEnv = {
    FRONTDESK_DATA_DIR: tempDir('frontdesk-desk-'),
    FRONTDESK_API_TOKEN: TOKEN,
    FRONTDESK_CALCOM_API_URL: link.url,
    FRONTDESK_CALCOM_APP_URL: link.url,
    FRONTDESK_RELAY_URL: relayLink?.url ?? relay.url,
    ...(oauthPort
      ? {
          FRONTDESK_OAUTH_CLIENT_ID: state.oauthClient.clientId,
          FRONTDESK_OAUTH_REDIRECT_PORT: String(oauthPort),
        }
      : {}),
  }
  const desk = await spawnHeadlessDesk(deskEnv)
  const deskExit = { code: null as number | null }
  teardown.push(async () => (deskExit.code = await world.desk.stop()))

  const world: ProcessWorld = {
    sandbox,
    relay,
    link,
    relayLink,
    desk,
    state,
    account: state.accounts[0]!,
    request: (path, init = {}) =>
      fetch(world.desk.url + path, {
        ...init,
        headers: { authorization: `Bearer ${TOKEN}`, ...init.headers },
      }),
    call: (path, body) =>
      world.request(
        path,
        body === undefined
          ? {}
          : {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(body),
            },
      ),
    async get<T>(path: string) {
      const res = await world.call(path)
      if (res.status !== 200)
        throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`)
      return (await res.json()) as T
    },
    async control<T>(path: string, body?: unknown) {
      const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await res.text()
      if (res.status >= 300) throw new Error(`/_sandbox${path} answered ${res.status}: ${text}`)
      return (text ? JSON.parse(text) : undefined) as T
    },
    async calcomBookings() {
      // The owner's key shares Cal.com's rate limit with the desk: a refusal is waited out.
      for (let attempt = 0; ; attempt++) {
        const res = await fetch(`${sandbox.url}/v2/bookings?take=250`, {
          headers: { authorization: `Bearer ${world.account.apiKey}`, ...BOOKINGS_VERSION },
        })
        if (res.status === 200) return ((await res.json()) as { data: CalcomBooking[] }).data
        if (res.status !== 429 || attempt === 5)
          throw new Error(`Cal.com bookings answered ${res.status}: ${await res.text()}`)
        const reset = Number(res.headers.get('x-ratelimit-reset-default') ?? 1)
        await new Promise((r) => setTimeout(r, Math.max(reset, 1) * 1000))
      }
    },
    async restartDesk(signal) {
      await world.desk.stop(signal)
      world.desk = await spawnHeadlessDesk(deskEnv)
    },
    async close() {
      await stopAll()
      return [deskExit.code, sandboxExit.code]
    },
  }
  return world
}

/**
 * A world for the enclosing file or `describe`: started (and the branch connected, by API key or
 * through OAuth) before its tests, and closed after them, when the desk and the sandbox must
 * stop cleanly (exit code 0). The world is reached through the returned object once started.
 */
export function useProcessWorld(
  opts: WorldOptions & { connect: 'apiKey' | 'oauth' | 'no' },
): ProcessWorld {
  let current: ProcessWorld | undefined
  beforeAll(async () => {
    current = await startProcessWorld({ ...opts, oauth: opts.connect === 'oauth' })
    if (opts.connect === 'apiKey') await connectWithApiKey(current, current.account.apiKey)
    if (opts.connect === 'oauth') await connectWithOAuth(current, current.account)
  }, 60_000)
  afterAll(async () => {
    if (current) expect(await current.close()).toEqual([0, 0])
  })
  return new Proxy({} as ProcessWorld, {
    get(_, key: keyof ProcessWorld) {
      if (!current) throw new Error('the process world is not started yet')
      return current[key]
    },
  })
}
