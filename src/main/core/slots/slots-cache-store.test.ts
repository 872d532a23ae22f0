// The slots cache drops the answers of days gone by as it keeps new ones, but once a branch day:
// every answer kept after the first that day would find nothing to drop. Seen in a real SQLite
// file, by the rows left and the changes each drop reports.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type DeskDb } from '../db/open-database'
import { ANY_HOST, SlotsCacheStore } from './slots-cache-store'

const ZONE = 'America/Toronto'
const HAIRCUT = 1

let dir: string
let db: DeskDb
let store: SlotsCacheStore

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-slots-cache-store-'))
  db = openDatabase(join(dir, 'frontdesk.db'))
  db.$client.prepare("insert into branches (id, name, time_zone) values (1, 'Centre', ?)").run(ZONE)
  db.$client
    .prepare(
      `insert into event_types (id, branch_id, calcom_id, slug, title, length_minutes, price, currency)
       values (?, 1, 101, 'haircut', 'Haircut', 30, 2500, 'CAD')`,
    )
    .run(HAIRCUT)
  store = new SlotsCacheStore(db)
})
afterEach(() => {
  db.$client.close()
  rmSync(dir, { recursive: true, force: true })
})

const keep = (date: string, timeZone = ZONE) =>
  store.put({
    eventTypeId: HAIRCUT,
    staffUsername: ANY_HOST,
    date,
    timeZone,
    fetchedAt: Date.parse(`${date}T12:00:00Z`),
    slots: [`${date}T15:00:00.000Z`],
  })
const daysKept = () =>
  (
    db.$client.prepare('select date, time_zone as zone from slots_cache order by date').all() as {
      date: string
      zone: string
    }[]
  ).map((r) => `${r.date} ${r.zone}`)

describe('the days gone by in the slots cache', () => {
  it('go on the first drop of a branch day, and the drops after it that day delete nothing', () => {
    keep('2026-03-08')
    keep('2026-03-09')
    keep('2026-03-10')
    expect(store.dropPast(ZONE, '2026-03-10', '2026-03-08')).toBe(2)
    expect(daysKept()).toEqual([`2026-03-10 ${ZONE}`])

    // Yesterday asked for again the same day: kept until the next day's drop, not deleted again.
    keep('2026-03-09')
    expect(store.dropPast(ZONE, '2026-03-10', '2026-03-08')).toBe(0)
    expect(daysKept()).toEqual([`2026-03-09 ${ZONE}`, `2026-03-10 ${ZONE}`])

    // The next branch day drops again.
    keep('2026-03-11')
    expect(store.dropPast(ZONE, '2026-03-11', '2026-03-09')).toBe(2)
    expect(daysKept()).toEqual([`2026-03-11 ${ZONE}`])
  })

  it('drops again the same day for another zone (the branch moved), then once for it', () => {
    keep('2026-03-09')
    keep('2026-03-10')
    expect(store.dropPast(ZONE, '2026-03-10', '2026-03-08')).toBe(1)
    keep('2026-03-09', 'Europe/Madrid')
    keep('2026-03-10', 'Europe/Madrid')
    expect(store.dropPast('Europe/Madrid', '2026-03-10', '2026-03-08')).toBe(1)
    expect(daysKept()).toEqual([`2026-03-10 ${ZONE}`, '2026-03-10 Europe/Madrid'])
    keep('2026-03-09', 'Europe/Madrid')
    expect(store.dropPast('Europe/Madrid', '2026-03-10', '2026-03-08')).toBe(0)
    expect(daysKept()).toContain('2026-03-09 Europe/Madrid')
  })
})
