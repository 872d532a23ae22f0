// The overview's SQL counts the owner's numbers as overviewNumbers (the rules, tested on their
// own in overview-numbers.test.ts) counts them from the same rows: on random bookings in a real
// SQLite file — every status and visit state, paid or not, priced in several currencies (and
// spelt in lower case, or not at all), with and without staff, running past the range's end,
// cancelled late or in time — and over random ranges.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APPOINTMENT_STATUSES, VISIT_STATES } from '../../../shared/domain/appointment-status'
import { openDatabase, type DeskDb } from '../db/open-database'
import { overviewNumbers } from './overview-numbers'
import { OverviewStore } from './overview-store'

const H = 3_600_000
let dir: string
let db: DeskDb

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-overview-store-'))
  db = openDatabase(join(dir, 'frontdesk.db'))
})
afterAll(() => {
  db.$client.close()
  rmSync(dir, { recursive: true, force: true })
})

function seeded(seed: number) {
  let s = seed
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
}

function seedBranch(rand: () => number, name: string, rows: number): number {
  const c = db.$client
  const branchId = Number(
    c.prepare(`INSERT INTO branches (name, time_zone) VALUES (?, 'Europe/Madrid')`).run(name)
      .lastInsertRowid,
  )
  const staff = [1, 2, 3].map((i) =>
    Number(
      c.prepare(`INSERT INTO staff (branch_id, name) VALUES (?, ?)`).run(branchId, `S${i}`)
        .lastInsertRowid,
    ),
  )
  const services: Array<[number, string | null]> = [
    [0, 'EUR'],
    [4500, 'EUR'],
    [3000, 'eur'],
    [9900, 'CAD'],
    [2500, null],
    [1200, ''],
  ]
  const types = services.map(([price, currency], i) =>
    Number(
      c
        .prepare(
          `INSERT INTO event_types (branch_id, calcom_id, slug, title, length_minutes, price, currency)
           VALUES (?, ?, ?, ?, 60, ?, ?)`,
        )
        .run(branchId, branchId * 100 + i, `s${i}`, `S${i}`, price, currency).lastInsertRowid,
    ),
  )
  const insert = c.prepare(
    `INSERT INTO appointments (uid, branch_id, event_type_id, staff_id, title, starts_at, ends_at,
       status, visit_state, paid, attendee_name) VALUES (?, ?, ?, ?, 'Visit', ?, ?, ?, ?, ?, 'C')`,
  )
  const history = c.prepare(
    `INSERT INTO appointment_history (uid, source, change, detail) VALUES (?, 'desk', 'cancelled_at_desk', ?)`,
  )
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
  c.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const start = Math.floor(rand() * 14 * 48) * (H / 2)
      const status = pick(APPOINTMENT_STATUSES)
      const uid = `${name}-${i}`
      insert.run(
        uid,
        branchId,
        rand() < 0.1 ? null : pick(types),
        rand() < 0.15 ? null : pick(staff),
        start,
        start + Math.ceil(rand() * 6) * (H / 4),
        status,
        pick(VISIT_STATES),
        rand() < 0.5 ? 1 : 0,
      )
      if (rand() < 0.5) history.run(uid, JSON.stringify({ late: rand() < 0.5 }))
    }
  })()
  return branchId
}

describe("the overview's SQL", () => {
  it('gives the numbers the rules give, on random bookings and ranges', () => {
    const rand = seeded(7)
    const store = new OverviewStore(db)
    const branches = [seedBranch(rand, 'a', 3000), seedBranch(rand, 'b', 1500)]
    let compared = 0
    for (let run = 0; run < 60; run++) {
      const branch = branches[run % 2]!
      const startMs = Math.floor(rand() * 12 * 24) * H
      const endMs = startMs + (rand() < 0.5 ? 24 : 7 * 24) * H
      const scheduled = Math.floor(rand() * 5000)
      const rows = store.factsIn(branch, startMs, endMs)
      const expected = overviewNumbers(rows, { startMs, endMs }, scheduled)
      expect(store.numbersIn(branch, startMs, endMs, scheduled)).toEqual(expected)
      compared += rows.length
    }
    // The random data did exercise every rule.
    expect(compared).toBeGreaterThan(10_000)
    const week = overviewNumbers(
      store.factsIn(branches[0]!, 0, 7 * 24 * H),
      {
        startMs: 0,
        endMs: 7 * 24 * H,
      },
      1,
    )
    expect(week.lateCancellations).toBeGreaterThan(0)
    expect(week.revenue.map((m) => m.currency).sort()).toEqual(['CAD', 'EUR'])
    expect(week.arrivals).toBeGreaterThan(0)
    expect(week.bookedMinutes).toBeGreaterThan(0)
  })

  it('counts nothing for a branch without bookings', () => {
    const store = new OverviewStore(db)
    const none = store.numbersIn(999, 0, 30 * 24 * H, 600)
    expect(none).toMatchObject({ appointments: 0, revenue: [], bookedMinutes: 0, utilisation: 0 })
  })
})
