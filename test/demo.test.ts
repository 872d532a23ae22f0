// `npm run demo` as a newcomer runs it: its real process tree (demo → sandbox, relay, desk).
// Once it says it is ready, the business is set up and its people's PINs printed; signed in with
// one, the desk is connected to the first seeded branch, holds the seeded bookings, receives the
// traffic generator's changes and a new public booking through the relay; a late cancellation at
// the desk becomes the owner's email, on the demo's mailbox page and as a [mail] line; a Ctrl-C
// (SIGINT to the process group, as a terminal sends it) stops every process and frees every port.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxState } from '../sandbox/src/index'
import type { Appointment, Branch, DayView, SyncHealth } from '../src/shared/api/schemas'

const root = join(import.meta.dirname, '..')
const READY = /Frontdesk demo ready: open (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/

interface RunningDemo {
  proc: ChildProcess
  output(): string
  /** The demo's own exit code. */
  exited: Promise<number | null>
  /** pid of each part, by name, as the demo announced them. */
  parts: Map<string, number>
  desk: { url: string; token: string }
  sandboxUrl: string
  relayUrl: string
  mailboxUrl: string
  /** The people and PINs the demo printed. */
  people: { name: string; role: string; pin: string }[]
}

/** Starts the npm script's very command (npm itself would die of the Ctrl-C at once). */
async function startDemo(env: Record<string, string> = {}): Promise<RunningDemo> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
  const [command, ...args] = pkg.scripts.demo!.split(' ')
  expect(command).toBe('node')
  const proc = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      FRONTDESK_DEMO_DESK: 'headless',
      SANDBOX_TRAFFIC_PER_MINUTE: '120',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so the test can send the group a Ctrl-C as a terminal would.
    detached: true,
  })
  started.push(proc)
  let output = ''
  const parts = new Map<string, number>()
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)))
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      for (const m of output.matchAll(/\[demo\]\s+(\w+) started \(pid (\d+)\)/g)) {
        parts.set(m[1]!, Number(m[2]))
        allParts.add(Number(m[2]))
      }
      if (READY.test(output)) resolve()
    }
    proc.stdout!.on('data', onData)
    proc.stderr!.on('data', onData)
    void exited.then((code) => reject(new Error(`demo exited (${code}) before ready:\n${output}`)))
  })
  const [, url, token] = READY.exec(output)!
  return {
    proc,
    output: () => output,
    exited,
    parts,
    desk: { url: url!, token: token! },
    sandboxUrl: /Cal\.com sandbox listening on (\S+)/.exec(output)![1]!,
    relayUrl: /relay listening on (\S+)/.exec(output)![1]!,
    mailboxUrl: /mailbox: (http\S+)/.exec(output)![1]!,
    people: [
      ...output.matchAll(/^\[demo\]\s+(\S.*?)\s{2,}(owner|admin|receptionist)\s+PIN (\d+)/gm),
    ].map((m) => ({ name: m[1]!, role: m[2]!, pin: m[3]! })),
  }
}

const started: ChildProcess[] = []
const allParts = new Set<number>()

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })

const killGroup = (pid: number | undefined) => {
  try {
    if (pid) process.kill(-pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

afterAll(() => {
  // Only when a test failed before its demo was stopped: never leave one running.
  for (const proc of started)
    if (proc.exitCode === null && proc.signalCode === null) killGroup(proc.pid)
  for (const pid of allParts) if (alive(pid)) killGroup(pid)
})

const deskGet = async <T>(desk: RunningDemo['desk'], path: string): Promise<T> => {
  const res = await fetch(`${desk.url}${path}`, {
    headers: { authorization: `Bearer ${desk.token}` },
  })
  expect(res.status, path).toBe(200)
  return (await res.json()) as T
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, ms = 20_000) {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** Signs `name` in at the desk with the PIN the demo printed; the desk then acts as them. */
async function signIn(demo: RunningDemo, role: string) {
  const printed = demo.people.find((p) => p.role === role)!
  const { people } = await deskGet<{ people: { id: string; name: string }[] }>(
    demo.desk,
    '/api/people',
  )
  const res = await fetch(`${demo.desk.url}/api/session`, {
    method: 'POST',
    headers: { authorization: `Bearer ${demo.desk.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      personId: people.find((p) => p.name === printed.name)!.id,
      pin: printed.pin,
    }),
  })
  expect(res.status).toBe(200)
}

async function bookAsClient(
  sandboxUrl: string,
  account: SandboxState['accounts'][number],
  fromHours = 48,
  toHours = 9 * 24,
): Promise<string> {
  const type = account.eventTypes.find((e) => !e.requiresConfirmation && e.price === 0)!
  const hour = 3_600_000
  const query = new URLSearchParams({
    eventTypeId: String(type.id),
    start: new Date(Date.now() + fromHours * hour).toISOString(),
    end: new Date(Date.now() + toHours * hour).toISOString(),
  })
  const slots = (await (
    await fetch(`${sandboxUrl}/v2/slots?${query}`, { headers: { 'cal-api-version': '2024-09-04' } })
  ).json()) as { data: Record<string, { start: string }[]> }
  // The traffic generator books too: take the next slot if it got there first.
  for (const slot of Object.values(slots.data).flat().reverse().slice(0, 5)) {
    const res = await fetch(`${sandboxUrl}/_sandbox/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        start: new Date(slot.start).toISOString(),
        eventTypeId: type.id,
        attendee: {
          name: 'Demo Visitor',
          email: 'visitor@example.com',
          timeZone: account.timeZone,
        },
      }),
    })
    if (res.status === 201) return ((await res.json()) as { data: { uid: string } }).data.uid
  }
  throw new Error('no free slot to book')
}

describe('npm run demo', () => {
  let demo: RunningDemo
  beforeAll(async () => {
    demo = await startDemo()
  }, 90_000)

  it('prints the business’s people with their PINs; the desk wants one of them signed in', async () => {
    expect(demo.output()).toContain('option: FRONTDESK_DEMO_OWNER=1 npm run demo')
    expect(demo.people.map((p) => p.role)).toEqual(['owner', 'admin', 'receptionist'])
    expect(demo.people.every((p) => /^\d{4,12}$/.test(p.pin))).toBe(true)
    const res = await fetch(`${demo.desk.url}/api/sync`, {
      headers: { authorization: `Bearer ${demo.desk.token}` },
    })
    expect(res.status).toBe(401)
    await signIn(demo, 'receptionist')
  })

  it('connects the desk to the first seeded branch: seeded week, traffic and new bookings arrive', async () => {
    const { desk, sandboxUrl, relayUrl } = demo
    const state = (await (await fetch(`${sandboxUrl}/_sandbox/state`)).json()) as SandboxState
    const account = state.accounts[0]!
    expect(await deskGet<Branch>(desk, '/api/branch')).toMatchObject({
      connection: 'connected',
      calcomAccountId: account.userId,
      timeZone: account.timeZone,
    })

    // The seeded week came in through the connect-time reconcile: the desk's day views around
    // today hold it.
    const sync = await deskGet<SyncHealth>(desk, '/api/sync')
    expect(sync.relay).toMatchObject({ state: 'online', url: relayUrl })
    expect(sync.lastReconcile).toMatchObject({ ok: true })
    const today = new Date().toLocaleDateString('en-CA', { timeZone: account.timeZone })
    let seeded = 0
    for (let offset = -3; offset <= 3; offset++) {
      const date = new Date(Date.parse(`${today}T12:00:00Z`) + offset * 86_400_000)
        .toISOString()
        .slice(0, 10)
      seeded += (await deskGet<DayView>(desk, `/api/appointments?date=${date}`)).appointments.length
    }
    expect(seeded).toBeGreaterThan(10)

    // The traffic generator's bookings and changes arrive through the relay.
    await eventually(
      async () => (await deskGet<SyncHealth>(desk, '/api/sync')).lastEvent ?? undefined,
      'a relay event from the traffic generator',
    )

    const uid = await bookAsClient(sandboxUrl, account)
    const appointment = await eventually(async () => {
      const res = await fetch(`${desk.url}/api/appointments/${uid}`, {
        headers: { authorization: `Bearer ${desk.token}` },
      })
      return res.status === 200
        ? ((await res.json()) as { appointment: Appointment }).appointment
        : undefined
    }, 'the new booking at the desk')
    expect(appointment).toMatchObject({ uid, attendee: { name: 'Demo Visitor' } })
  })

  it('a late cancellation at the desk becomes the owner’s email, on the mailbox page and in the output', async () => {
    const { desk, sandboxUrl } = demo
    const state = (await (await fetch(`${sandboxUrl}/_sandbox/state`)).json()) as SandboxState
    // Inside every service's 48-hour window.
    const uid = await bookAsClient(sandboxUrl, state.accounts[0]!, 2, 40)
    await signIn(demo, 'receptionist')
    await eventually(async () => {
      const res = await fetch(`${desk.url}/api/appointments/${uid}`, {
        headers: { authorization: `Bearer ${desk.token}` },
      })
      return res.status === 200 ? true : undefined
    }, 'the booking at the desk')
    const cancel = await fetch(`${desk.url}/api/appointments/${uid}/cancel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${desk.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'The client called: a fever' }),
    })
    expect(cancel.status).toBe(202)
    const owner = demo.people.find((p) => p.role === 'owner')!
    const page = await eventually(
      async () => {
        const html = await (await fetch(demo.mailboxUrl)).text()
        return html.includes('Demo Visitor') ? html : undefined
      },
      'the late cancellation email on the mailbox page',
      30_000,
    )
    expect(page).toContain('Late cancellation')
    expect(demo.output()).toMatch(/^\[mail\]\s+to \S+: Late cancellation · /m)
    expect(page).toContain(`To ${owner.name.split(' ')[0]!.toLowerCase()}@`)
  }, 60_000)

  it('stops every process and frees every port on Ctrl-C', async () => {
    const ports = [demo.sandboxUrl, demo.relayUrl, demo.desk.url].map((u) =>
      Number(new URL(u).port),
    )
    expect([...demo.parts.keys()].sort()).toEqual(['desk', 'relay', 'sandbox'])
    process.kill(-demo.proc.pid!, 'SIGINT')
    expect(await demo.exited).toBe(0)
    for (const name of ['desk', 'relay', 'sandbox']) {
      expect(demo.output()).toContain(`${name} stopped (exit code 0)`)
    }
    await eventually(
      async () => ([...demo.parts.values()].some(alive) ? undefined : true),
      'every part to exit',
      5_000,
    )
    for (const port of ports) expect(await portIsFree(port), `port ${port}`).toBe(true)
  })
})

describe('npm run demo with FRONTDESK_DEMO_OWNER=1', () => {
  it('is an owner app holding both sandbox branches, connected, whose overview shows both', async () => {
    const demo = await startDemo({ FRONTDESK_DEMO_OWNER: '1', SANDBOX_TRAFFIC_PER_MINUTE: '0' })
    expect(demo.output()).toMatch(/second branch .+ added to the app and connected/)
    await signIn(demo, 'owner')
    const branches = await deskGet<Array<{ key: string; connection: string }>>(
      demo.desk,
      '/api/branches',
    )
    expect(branches.map((b) => [b.key, b.connection])).toEqual([
      ['main', 'connected'],
      ['second', 'connected'],
    ])
    const overview = await deskGet<{ branches: Array<{ key: string; timeZone: string }> }>(
      demo.desk,
      '/api/overview?range=week',
    )
    expect(overview.branches.map((b) => b.key)).toEqual(['main', 'second'])
    expect(new Set(overview.branches.map((b) => b.timeZone)).size).toBe(2)
    process.kill(-demo.proc.pid!, 'SIGINT')
    expect(await demo.exited).toBe(0)
  }, 120_000)
})

describe('npm run demo when a part fails', () => {
  it('stops the others, says which part failed, and exits non-zero', async () => {
    const demo = await startDemo()
    process.kill(demo.parts.get('relay')!, 'SIGKILL')
    expect(await demo.exited).toBe(1)
    expect(demo.output()).toMatch(
      /the relay stopped unexpectedly \(signal SIGKILL\); stopping the rest/,
    )
    expect(demo.output()).toContain('desk stopped (exit code 0)')
    expect(demo.output()).toContain('sandbox stopped (exit code 0)')
    // The data folder stays for its logs, and the demo says where.
    const kept = /kept (\S+) for its logs/.exec(demo.output())?.[1]
    expect(kept && existsSync(join(kept, 'desk', 'logs', 'desk.log'))).toBe(true)
    rmSync(kept!, { recursive: true, force: true })
    await eventually(
      async () => ([...demo.parts.values()].some(alive) ? undefined : true),
      'every part to exit',
      5_000,
    )
  }, 90_000)
})
