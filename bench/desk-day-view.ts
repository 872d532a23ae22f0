// Day view at scale and desk cold start (issue targets: day-view p99 < 10 ms with 1,000,000
// appointments; cold start to first healthy answer < 1 s). Prints numbers, asserts nothing.
//   npx tsx bench/desk-day-view.ts [--rows 1000000]
//   BENCH_DAY_VIEW_DATA=/some/dir   keep the generated desk there and reuse it on the next run
//                                   (generating a million bookings takes minutes)
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { DateTime } from 'luxon'
import { Agent, request } from 'undici'
import { freePort } from '../test/support/free-port'
import { startTempDesk } from '../test/support/temp-desk'

const ROWS = Number(process.argv[process.argv.indexOf('--rows') + 1]) || 1_000_000
const BRANCHES = 50
const DAYS = 730
const REQUESTS = 1000
/** Regular clients: each comes back about ten times over the two years. */
const CLIENTS = 100_000
const TOKEN = 'bench-token-0123456789abcdefghij'
const ZONES = [
  'America/New_York',
  'Europe/Lisbon',
  'Europe/Berlin',
  'America/Los_Angeles',
  'Asia/Tokyo',
]
const FIRST_DAY = DateTime.fromISO('2025-01-01', { zone: 'UTC' })

// Deterministic pseudo-random numbers, so two runs measure the same data.
let seed = 42
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const fmt = (ms: number) => `${ms.toFixed(2)} ms`

async function generate(dataDir: string): Promise<void> {
  const desk = await startTempDesk({ dataDir, env: { FRONTDESK_LOG_LEVEL: 'silent' } })
  const { branches, staff } = desk.services
  const client = desk.services.db.$client
  const t0 = performance.now()
  const branchIds: { id: number; staff: number[] }[] = []
  const home = branches.current()
  for (let b = 0; b < BRANCHES; b++) {
    const input = { name: `Branch ${b + 1}`, timeZone: ZONES[b % ZONES.length]! }
    const branch = b === 0 ? branches.update(home.id, input) : branches.create(input)
    const ids = [1, 2, 3, 4].map(
      (s) => staff.upsert({ branchId: branch.id, calcomHostId: b * 10 + s, name: `Staff ${s}` }).id,
    )
    branchIds.push({ id: branch.id, staff: ids })
  }
  // Bulk load through one prepared statement: this is set-up, not what is measured.
  const insert = client.prepare(`insert into appointments
    (uid, calcom_id, branch_id, staff_id, title, starts_at, ends_at, status, attendee_name, attendee_email)
    values (?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?)`)
  const batch = client.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const b = branchIds[i % BRANCHES]!
      const day = Math.floor(rand() * DAYS)
      const start = FIRST_DAY.plus({
        days: day,
        minutes: 8 * 60 + Math.floor(rand() * 40) * 15,
      }).toMillis()
      insert.run(
        `bench-${i}`,
        i,
        b.id,
        b.staff[i % 4]!,
        'Appointment',
        start,
        start + 45 * 60_000,
        `Client ${i % CLIENTS}`,
        `c${i % CLIENTS}@example.com`,
      )
    }
  })
  for (let i = 0; i < ROWS; i += 50_000) batch(i, Math.min(ROWS, i + 50_000))
  // A desk that holds these bookings has matched them to their clients as they arrived.
  desk.services.clientDirectory.catchUp()
  client.exec('analyze')
  await desk.close()
  console.log(
    `generated ${ROWS.toLocaleString()} appointments in ${BRANCHES} branches over ${DAYS} days in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  )
}

function deskCommand(): string[] {
  const built = join(import.meta.dirname, '..', 'out', 'main', 'headless.js')
  return existsSync(built)
    ? [built]
    : ['--import', 'tsx', join(import.meta.dirname, '..', 'src', 'main', 'headless.ts')]
}

async function coldStart(
  dataDir: string,
): Promise<{ ms: number; stop: () => Promise<void>; url: string }> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const t0 = performance.now()
  const child = spawn(process.execPath, deskCommand(), {
    env: {
      ...process.env,
      FRONTDESK_DATA_DIR: dataDir,
      FRONTDESK_PORT: String(port),
      FRONTDESK_API_TOKEN: TOKEN,
      FRONTDESK_LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  })
  for (;;) {
    try {
      const res = await fetch(`${url}/api/health`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      })
      if (res.status === 200) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 2))
  }
  const ms = performance.now() - t0
  const stop = () =>
    new Promise<void>((r) => {
      child.on('exit', () => r())
      child.kill('SIGTERM')
    })
  return { ms, stop, url }
}

async function bareNodeStart(): Promise<number> {
  const t0 = performance.now()
  await new Promise((r) => spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }).on('exit', r))
  return performance.now() - t0
}

// undici's request() on one keep-alive connection, rather than fetch(): fetch costs the client
// about three times the CPU per request, and on a 2-core machine the client's work lands in the
// server's latency. The same client times the health baseline.
async function timeRequests(connection: Agent, url: string, paths: string[]): Promise<number[]> {
  const times: number[] = []
  for (const path of paths) {
    const t0 = performance.now()
    const res = await request(`${url}${path}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
      dispatcher: connection,
    })
    await res.body.arrayBuffer()
    times.push(performance.now() - t0)
    if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}`)
  }
  return times.sort((a, b) => a - b)
}

async function main(): Promise<void> {
  const kept = process.env.BENCH_DAY_VIEW_DATA
  const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'frontdesk-bench-'))
  try {
    if (kept && existsSync(join(kept, 'frontdesk.db'))) console.log(`reusing the desk in ${kept}`)
    else {
      if (kept) mkdirSync(kept, { recursive: true })
      await generate(dataDir)
    }
    const starts: number[] = []
    const bare: number[] = []
    for (let i = 0; i < 5; i++) {
      const run = await coldStart(dataDir)
      starts.push(run.ms)
      await run.stop()
      bare.push(await bareNodeStart())
    }
    starts.sort((a, b) => a - b)
    bare.sort((a, b) => a - b)

    const desk = await coldStart(dataDir)
    const days = Array.from(
      { length: REQUESTS },
      () =>
        `/api/appointments?date=${FIRST_DAY.plus({ days: Math.floor(rand() * DAYS) }).toISODate()}`,
    )
    const connection = new Agent({ connections: 1 }) // one keep-alive connection
    await timeRequests(connection, desk.url, days.slice(0, 50)) // warm-up
    const dayView = await timeRequests(connection, desk.url, days)
    const health = await timeRequests(
      connection,
      desk.url,
      Array.from({ length: REQUESTS }, () => '/api/health'),
    )
    await connection.close()
    const sample = (await (
      await fetch(`${desk.url}${days[0]}`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json()) as { appointments: unknown[] }
    await desk.stop()

    console.log(
      `\nbench/desk-day-view (${ROWS.toLocaleString()} appointments; ~${sample.appointments.length} on a sample day)`,
    )
    console.log(
      `  day view    GET /api/appointments  p50 ${fmt(pct(dayView, 50))}  p99 ${fmt(pct(dayView, 99))}  (target p99 < 10 ms)`,
    )
    console.log(
      `  baseline    GET /api/health        p50 ${fmt(pct(health, 50))}  p99 ${fmt(pct(health, 99))}`,
    )
    console.log(
      `  ratio       day view / health p99  ${(pct(dayView, 99) / pct(health, 99)).toFixed(2)}x`,
    )
    console.log(
      `  cold start  to first /api/health 200, median of 5: ${fmt(pct(starts, 50))}  (target < 1000 ms)`,
    )
    console.log(`  baseline    bare \`node -e 0\`, median of 5:        ${fmt(pct(bare, 50))}`)
    console.log(
      `  ratio       cold start / bare node                  ${(pct(starts, 50) / pct(bare, 50)).toFixed(2)}x`,
    )
  } finally {
    if (!kept) rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
