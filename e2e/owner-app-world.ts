// The owner's app as deployed, for the branch switcher and overview specs: the Cal.com sandbox
// (seeded, no background traffic), a relay where its webhooks land, and one app — the branch
// host, serving the built UI — holding both sandbox branches: the first where a one-branch desk
// keeps it, the second added through the app's API (`POST /api/branches`) and connected under
// `/b/<key>/…` with its API key, both enrolled at the relay and reconciled.
import { expect, type Page } from '@playwright/test'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { startSandbox, type RunningSandbox, type SandboxState } from '../sandbox/src/index'
import { startBranchHost, type BranchHost } from '../src/main/core/branches/branch-host'
import { loadDeskConfig } from '../src/main/core/config/desk-config'
import { startInProcessRelay, type InProcessRelay } from '../test/support/in-process-relay'
import { makeDataDir } from '../test/support/temp-desk'
import { until } from '../test/support/until'

type Account = SandboxState['accounts'][number]

export const SECOND_BRANCH_KEY = 'second'

export interface OwnerAppWorld {
  sandbox: RunningSandbox
  relay: InProcessRelay
  app: BranchHost
  /** The sandbox's accounts: the first branch's and the second's. */
  accounts: [Account, Account]
  /** A call to the app's local API with its token (`/b/second/api/…` for the second branch). */
  call(path: string, init?: RequestInit): Promise<Response>
  get<T>(path: string): Promise<T>
  /** The bookings Cal.com (the sandbox) holds for an account, read with its API key. */
  calcomBookings(account: Account): Promise<CalcomBooking[]>
  close(): Promise<void>
}

export interface CalcomBooking {
  uid: string
  status: string
  start: string
  rescheduledToUid?: string | null
  attendees: Array<{ name: string }>
}

const root = join(import.meta.dirname, '..')

export async function startOwnerAppWorld(): Promise<OwnerAppWorld> {
  const sandbox = await startSandbox({ port: 0 })
  const relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
  const accounts = [state.accounts[0]!, state.accounts[1]!] as [Account, Account]
  const dataDir = makeDataDir()
  const app = await startBranchHost(
    loadDeskConfig({
      FRONTDESK_DATA_DIR: dataDir,
      FRONTDESK_PORT: '0',
      FRONTDESK_LOG_LEVEL: 'warn',
      FRONTDESK_CALCOM_API_URL: sandbox.url,
      FRONTDESK_CALCOM_APP_URL: sandbox.url,
      FRONTDESK_RELAY_URL: relay.url,
    }),
    { rendererDir: join(root, 'out', 'renderer') },
  )
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${app.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${app.token}`, ...init.headers },
    })
  const get = async <T>(path: string): Promise<T> => {
    const res = await call(path)
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`)
    return (await res.json()) as T
  }
  const post = (path: string, body: unknown) =>
    call(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const connect = async (prefix: string, account: Account) => {
    expect((await post(`${prefix}/api/branch/connect`, { apiKey: account.apiKey })).status).toBe(
      200,
    )
    await until(
      `the branch ${prefix || 'main'} enrolled at the relay and reconciled`,
      async () => {
        const sync = await get<{ relay: { state: string }; lastReconcile: { ok: boolean } | null }>(
          `${prefix}/api/sync`,
        )
        return sync.relay.state === 'online' && sync.lastReconcile?.ok === true
      },
      30_000,
    )
  }
  try {
    await connect('', accounts[0])
    const added = await post('/api/branches', { key: SECOND_BRANCH_KEY, name: 'Second branch' })
    expect(added.status).toBe(201)
    await connect(`/b/${SECOND_BRANCH_KEY}`, accounts[1])
  } catch (err) {
    await app.close()
    await relay.close()
    await sandbox.close()
    throw err
  }
  return {
    sandbox,
    relay,
    app,
    accounts,
    call,
    get,
    async calcomBookings(account) {
      const all: CalcomBooking[] = []
      for (;;) {
        const res = await fetch(`${sandbox.url}/v2/bookings?take=250&skip=${all.length}`, {
          headers: { authorization: `Bearer ${account.apiKey}`, 'cal-api-version': '2024-08-13' },
        })
        if (!res.ok) throw new Error(`Cal.com bookings answered ${res.status}: ${await res.text()}`)
        const page = ((await res.json()) as { data: CalcomBooking[] }).data
        all.push(...page)
        if (page.length < 250) return all
      }
    },
    async close() {
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
      await relay.close()
      await sandbox.close()
    },
  }
}

/** Opens the owner's app at a hash route, on the first branch, and waits for the shell. */
export async function openOwnerApp(page: Page, world: OwnerAppWorld, hash: string) {
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(`${world.app.url}/?token=${world.app.token}#${hash}`)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
}
