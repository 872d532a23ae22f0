// The owner's overview at scale (issue 18 target: under 100 ms at 50 branches and 1,000,000
// appointments). Each branch is its own SQLite file, as in the app (branches/<key>/), and the
// overview reads every one. Baseline, in the same run: a bare indexed count of the same ranges,
// the least any overview must touch; and the way the overview first counted (every booking of
// the range read into JavaScript, overviewNumbers over the rows) next to how it counts now (SQL
// GROUP BY in each branch file, OverviewStore.numbersIn). Prints numbers, asserts nothing.
//   npx tsx bench/overview.ts [--rows 1000000] [--runs 200]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { DateTime } from 'luxon'
import { openDatabase, type DeskDb } from '../src/main/core/db/open-database'
import { businessOverview, type BranchSource } from '../src/main/core/overview/business-overview'
import { overviewNumbers } from '../src/main/core/overview/overview-numbers'
import { OverviewStore } from '../src/main/core/overview/overview-store'
import { rangeDays } from '../src/main/core/overview/overview-range'

const arg = (name: string, fallback: number) =>
  Number(process.argv[process.argv.indexOf(name) + 1]) || fallback
const ROWS = arg('--rows', 1_000_000)
const RUNS = arg('--runs', 200)
const BRANCHES = 50
const DAYS = 730
const ZONES = ['America/Toronto', 'Europe/Madrid', 'Europe/Berlin', 'America/Los_Angeles']
const STATUSES = ['SCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW', 'PENDING', 'RESCHEDULED']
const FIRST = DateTime.fromISO('2025-06-01', { zone: 'UTC' }).toMillis()
const NOW = FIRST + 365 * 86_400_000 + 15 * 3_600_000

let seed = 42
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

function seedBranch(db: DeskDb, zone: string, rows: number): number {
  const c = db.$client
  const branchId = Number(
    c.prepare(`INSERT INTO branches (name, time_zone) VALUES (?, ?)`).run('Branch', zone)
      .lastInsertRowid,
  )
  const staffIds = Array.from({ length: 8 }, (_, i) =>
    Number(
      c.prepare(`INSERT INTO staff (branch_id, name) VALUES (?, ?)`).run(branchId, `Staff ${i}`)
        .lastInsertRowid,
    ),
  )
  const typeIds = [0, 4500, 9000].map((price, i) =>
    Number(
      c
        .prepare(
          `INSERT INTO event_types (branch_id, calcom_id, slug, title, length_minutes, price, currency)
           VALUES (?, ?, ?, ?, 60, ?, 'EUR')`,
        )
        .run(branchId, i + 1, `s${i}`, `Service ${i}`, price).lastInsertRowid,
    ),
  )
  const insert = c.prepare(
    `INSERT INTO appointments (uid, branch_id, event_type_id, staff_id, title, starts_at, ends_at,
       status, visit_state, paid, attendee_name) VALUES (?, ?, ?, ?, 'Visit', ?, ?, ?, ?, ?, 'Client')`,
  )
  const history = c.prepare(
    `INSERT INTO appointment_history (uid, source, change, detail) VALUES (?, 'desk', 'cancelled_at_desk', ?)`,
  )
  c.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const start =
        FIRST + Math.floor(rand() * DAYS) * 86_400_000 + Math.floor(rand() * 20) * 1_800_000
      const status = STATUSES[Math.floor(rand() * STATUSES.length)]!
      const uid = `b${branchId}-${zone}-${i}`
      insert.run(
        uid,
        branchId,
        typeIds[i % 3],
        staffIds[i % 8],
        start,
        start + 3_600_000,
        status,
        rand() < 0.5 ? 'DONE' : 'NONE',
        rand() < 0.4 ? 1 : 0,
      )
      if (status === 'CANCELLED') history.run(uid, JSON.stringify({ late: rand() < 0.3 }))
    }
  })()
  return branchId
}

const root = mkdtempSync(join(tmpdir(), 'frontdesk-bench-overview-'))
try {
  const t0 = performance.now()
  const branches = Array.from({ length: BRANCHES }, (_, i) => {
    const zone = ZONES[i % ZONES.length]!
    const db = openDatabase(join(root, `branch-${i}.db`))
    const branchId = seedBranch(db, zone, Math.floor(ROWS / BRANCHES))
    return { db, zone, branchId, store: new OverviewStore(db) }
  })
  console.log(
    `seeded ${ROWS.toLocaleString('en')} appointments in ${BRANCHES} branch files in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  )
  const sources = (how: 'sql' | 'rows'): BranchSource[] =>
    branches.map((b, i) => ({
      key: `b${i}`,
      name: `Branch ${i}`,
      timeZone: b.zone,
      staff: () =>
        Array.from({ length: 8 }, (_, s) => ({ name: `Staff ${s}`, calcomHostId: null })),
      schedules: () => [
        {
          id: 1,
          name: 'Opening hours',
          timeZone: b.zone,
          isDefault: true,
          availability: [
            {
              days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
              startTime: '09:00',
              endTime: '19:00',
            },
          ],
        },
      ],
      numbers: (from, to, scheduled) =>
        how === 'sql'
          ? b.store.numbersIn(b.branchId, from, to, scheduled)
          : overviewNumbers(
              b.store.factsIn(b.branchId, from, to),
              { startMs: from, endMs: to },
              scheduled,
            ),
      lastSyncAt: () => null,
      offline: () => false,
    }))
  const viaSql = sources('sql')
  const viaRows = sources('rows')
  const counts = branches.map((b) =>
    b.db.$client.prepare(
      `SELECT count(*) AS n FROM appointments WHERE branch_id = ? AND starts_at >= ? AND starts_at < ?`,
    ),
  )
  for (const range of ['today', 'week'] as const) {
    const overviewMs: number[] = []
    const rowsMs: number[] = []
    const bareMs: number[] = []
    let appointments = 0
    for (let run = 0; run < RUNS; run++) {
      const now = NOW - Math.floor(rand() * 300) * 86_400_000
      let t = performance.now()
      appointments = businessOverview(viaSql, range, now).total.appointments
      overviewMs.push(performance.now() - t)
      t = performance.now()
      if (businessOverview(viaRows, range, now).total.appointments !== appointments)
        throw new Error('the two ways of counting disagree')
      rowsMs.push(performance.now() - t)
      t = performance.now()
      branches.forEach((b, i) => {
        const days = rangeDays(range, now, b.zone)
        counts[i]!.get(b.branchId, days.startMs, days.endMs)
      })
      bareMs.push(performance.now() - t)
    }
    overviewMs.sort((a, b) => a - b)
    bareMs.sort((a, b) => a - b)
    rowsMs.sort((a, b) => a - b)
    const p50 = pct(overviewMs, 50)
    const p99 = pct(overviewMs, 99)
    const b50 = pct(bareMs, 50)
    console.log(
      `overview ${range}: p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (target p99 < 100 ms; ~${appointments} appointments in the last run) | ` +
        `rows into JS (before) p50 ${pct(rowsMs, 50).toFixed(2)} ms, p99 ${pct(rowsMs, 99).toFixed(2)} ms | ` +
        `bare count baseline p50 ${b50.toFixed(2)} ms, p99 ${pct(bareMs, 99).toFixed(2)} ms | ratio p50 ${(p50 / b50).toFixed(1)}x`,
    )
  }
  for (const b of branches) b.db.$client.close()
} finally {
  rmSync(root, { recursive: true, force: true })
}
