// The app with two branches, through its real local API on loopback: each branch its own core and
// folder, reached under /b/<key>/…, the token checked on every path, and the list kept across a
// restart.
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeDataDir } from '../../../../test/support/temp-desk'
import type { Overview } from '../../../shared/api/overview'
import { loadDeskConfig } from '../config/desk-config'
import { DATABASE_FILE } from '../desk'
import { startBranchHost, type BranchHost } from './branch-host'

const TOKEN = 'branch-host-test-token-0123456789'
let host: BranchHost | undefined
let dataDir = ''

async function start(): Promise<BranchHost> {
  const config = loadDeskConfig({
    FRONTDESK_DATA_DIR: dataDir,
    FRONTDESK_PORT: '0',
    FRONTDESK_API_TOKEN: TOKEN,
    FRONTDESK_LOG_LEVEL: 'silent',
  })
  host = await startBranchHost(config)
  return host
}

const call = (path: string, init: RequestInit = {}, token: string | null = TOKEN) =>
  fetch(`${host!.url}${path}`, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
  })

afterEach(async () => {
  await host?.close()
  host = undefined
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('several branches in one app', () => {
  it('keeps the first branch where it always lived and adds others in folders of their own', async () => {
    dataDir = makeDataDir()
    await start()
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true)
    const first = await (await call('/api/branches')).json()
    expect(first).toMatchObject([{ key: 'main', primary: true, connection: 'disconnected' }])

    const added = await call('/api/branches', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'madrid', name: 'Madrid' }),
    })
    expect(added.status).toBe(201)
    expect(await added.json()).toMatchObject({ key: 'madrid', name: 'Madrid', primary: false })
    expect(existsSync(join(dataDir, 'branches', 'madrid', DATABASE_FILE))).toBe(true)

    // Each branch answers for itself under its prefix, from its own store.
    const main = await (await call('/b/main/api/branch')).json()
    const madrid = await (await call('/b/madrid/api/branch')).json()
    expect(main).toEqual(await (await call('/api/branch')).json())
    expect(madrid).toHaveProperty('connection', 'disconnected')
    const day = await call('/b/madrid/api/appointments?date=2026-03-10')
    expect(day.status).toBe(200)
    // A bad input is refused by the branch's own core, which names the field.
    const bad = await call('/b/madrid/api/appointments?date=tuesday')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { code: 'VALIDATION' } })

    // Restarted, the app holds both again.
    await host!.close()
    await start()
    const keys = ((await (await call('/api/branches')).json()) as Array<{ key: string }>).map(
      (b) => b.key,
    )
    expect(keys).toEqual(['main', 'madrid'])

    const removed = await call('/api/branches/madrid', { method: 'DELETE' })
    expect(removed.status).toBe(204)
    expect((await call('/b/madrid/api/branch')).status).toBe(404)
    // Its history stays on disk.
    expect(existsSync(join(dataDir, 'branches', 'madrid', DATABASE_FILE))).toBe(true)
  }, 60_000)

  it('wants the session token on every branch path, in a header except for the live stream', async () => {
    dataDir = makeDataDir()
    await start()
    expect((await call('/b/main/api/branch', {}, null)).status).toBe(401)
    expect((await call('/b/main/api/branch', {}, 'wrong-token-wrong-token-wrong')).status).toBe(401)
    expect((await call(`/b/main/api/branch?token=${TOKEN}`, {}, null)).status).toBe(401)
    expect((await call('/b/nowhere/api/branch', {}, null)).status).toBe(401)
    expect((await call('/b/nowhere/api/branch')).status).toBe(404)
    expect((await call('/b/main/index.html')).status).toBe(404)
    // The live stream alone takes ?token=, and streams the branch's events.
    const controller = new AbortController()
    const live = await fetch(`${host!.url}/b/main/api/live?token=${TOKEN}`, {
      signal: controller.signal,
    })
    expect(live.status).toBe(200)
    expect(live.headers.get('content-type')).toContain('text/event-stream')
    controller.abort()
  }, 60_000)

  it('refuses a bad or repeated branch with a code that names the field', async () => {
    dataDir = makeDataDir()
    await start()
    const post = (body: unknown) =>
      call('/api/branches', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const badKey = await post({ key: 'Bad Key', name: 'X' })
    expect(badKey.status).toBe(400)
    expect(await badKey.json()).toMatchObject({ error: { code: 'VALIDATION', field: 'key' } })
    // A name of only invisible characters made a branch the switcher showed as a blank line.
    for (const name of ['\u200b', ' \u3164 ', '\u00a0\u2060']) {
      const blank = await post({ key: 'blank', name })
      expect(blank.status, JSON.stringify(name)).toBe(400)
      expect(await blank.json()).toMatchObject({
        error: { code: 'VALIDATION', field: 'name', reason: 'blank' },
      })
    }
    const taken = await post({ key: 'main', name: 'Again' })
    expect(taken.status).toBe(409)
    expect(await taken.json()).toMatchObject({ error: { code: 'BRANCH_EXISTS' } })
    const first = await call('/api/branches/main', { method: 'DELETE' })
    expect(await first.json()).toMatchObject({ error: { code: 'NOT_ALLOWED' } })
  }, 60_000)

  it('gives the overview of every branch from its own store, labelled with its freshness', async () => {
    dataDir = makeDataDir()
    await start()
    await host!.add('madrid', 'Madrid')
    const res = await call('/api/overview?range=week')
    expect(res.status).toBe(200)
    const overview = (await res.json()) as Overview
    expect(overview.branches.map((b) => b.key)).toEqual(['main', 'madrid'])
    expect(overview.branches[1]).toMatchObject({ name: 'Madrid', lastSyncAt: null })
    expect(overview.total).toMatchObject({ appointments: 0, utilisation: null })
    expect(overview.oldestSyncAt).toBeNull()
    const bad = await call('/api/overview?range=month')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { code: 'VALIDATION', field: 'range' } })
  }, 60_000)
})
