// The headless desk in a real child process, killed with SIGKILL while the outbox drains, then
// started again on the same data directory: every booking reaches Cal.com exactly once.
import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { makeDataDir } from '../../../../test/support/temp-desk'
import { startCalcomLink, type CalcomLink } from './calcom-link.test-support'
import { SANDBOX_NOW, sandboxState } from './outbound.test-support'

const root = join(import.meta.dirname, '../../../..')
const TOKEN = 'crash-test-session-token-0123456789abcdef'

let sandbox: RunningSandbox
let state: SandboxState
let link: CalcomLink
let dataDir: string

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: SANDBOX_NOW })
  state = await sandboxState(sandbox.url)
  link = await startCalcomLink(sandbox.url)
  dataDir = makeDataDir()
})
afterAll(async () => {
  await link?.close()
  await sandbox?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

interface Running {
  child: ChildProcess
  url: string
  call(path: string, body?: unknown): Promise<Response>
}

async function startHeadless(): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/headless.ts'], {
    cwd: root,
    env: {
      ...process.env,
      FRONTDESK_DATA_DIR: dataDir,
      FRONTDESK_PORT: '0',
      FRONTDESK_API_TOKEN: TOKEN,
      FRONTDESK_CALCOM_API_URL: link.url,
      FRONTDESK_CALCOM_APP_URL: link.url,
      FRONTDESK_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) resolve(m[1]!)
    })
    child.once('exit', (code) => reject(new Error(`desk exited ${code}: ${stderr}`)))
  })
  return {
    child,
    url,
    call: (path, body) =>
      fetch(url + path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${TOKEN}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  }
}

const ours = () =>
  [...sandbox.sandbox.store.bookings.values()].filter(
    (b) => typeof b.metadata?.frontdeskMutationId === 'string',
  )

async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 30_000) {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

it(
  'loses nothing and duplicates nothing when the desk is killed mid-drain',
  { timeout: 90_000 },
  async () => {
    const first = await startHeadless()
    try {
      expect(
        (await first.call('/api/branch/connect', { apiKey: state.accounts[0]!.apiKey })).status,
      ).toBe(200)
      const types = (await (await first.call('/api/event-types')).json()) as Array<{
        id: number
        slug: string
        lengthInMinutes: number
      }>
      const haircut = types.find((t) => t.slug === 'haircut')!
      const starts: string[] = []
      for (const date of ['2026-03-11', '2026-03-12']) {
        const day = (await (
          await first.call(`/api/slots?eventTypeId=${haircut.id}&date=${date}`)
        ).json()) as { slots: string[] }
        // Every other slot: bookings must not compete for the same hosts.
        starts.push(...day.slots.filter((_, i) => i % 2 === 0).slice(0, 5))
      }
      expect(starts).toHaveLength(10)

      // Every call to Cal.com now takes a while, so the kill lands mid-drain.
      link.delay(150)
      for (const [i, start] of starts.entries()) {
        const res = await first.call('/api/appointments', {
          eventTypeId: haircut.id,
          start,
          attendee: { name: `Crash ${i}` },
        })
        expect(res.status).toBe(202)
      }
      await waitFor(() => ours().length >= 2, 'a first few bookings to reach Cal.com')
    } finally {
      first.child.kill('SIGKILL')
      await new Promise((r) => first.child.once('exit', r))
    }
    expect(ours().length).toBeLessThan(10)

    link.delay(0)
    const second = await startHeadless()
    try {
      await waitFor(async () => {
        const open = (await (await second.call('/api/outbox')).json()) as unknown[]
        return open.length === 0
      }, 'the outbox to drain after the restart')
      const done = (await (await second.call('/api/outbox?state=done')).json()) as Array<{
        mutationId: string
        bookingUid: string
      }>
      expect(done).toHaveLength(10)
      const made = ours()
      expect(made).toHaveLength(10)
      expect(new Set(made.map((b) => b.metadata!.frontdeskMutationId)).size).toBe(10)
      expect(new Set(done.map((d) => d.bookingUid))).toEqual(new Set(made.map((b) => b.uid)))
    } finally {
      second.child.kill('SIGTERM')
      await new Promise((r) => second.child.once('exit', r))
    }
  },
)
