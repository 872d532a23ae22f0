// A desk updated from a version whose slots_cache held one answer per event type, branch day and
// zone (before drizzle/0011_slots_cache_staff_username.sql) keeps every answer it had: each is the
// service's (any host), served offline, stale, as before — and never as the free times of a member
// known by username only, whose own answers are now kept beside it. Cal.com's next answer for the
// service replaces the kept one. Against the Cal.com sandbox through an HTTP hop the test cuts
// (calcom-link.test-support.ts), on the SQLite file the older desk left.
import { DateTime } from 'luxon'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { deskFetch } from '../../../../test/support/temp-desk'
import type { DaySlots } from '../../../shared/api/schemas'
import { credentialFile } from '../auth/token-store'
import { migrationsBefore } from '../db/migrations-before.test-support'
import { openDatabase } from '../db/open-database'
import { startCalcomLink, type CalcomLink } from '../outbound/calcom-link.test-support'
import {
  deskOn,
  json,
  SANDBOX_NOW,
  sandboxState,
  slotsOf,
  TOMORROW,
} from '../outbound/outbound.test-support'

const MINUTE = 60_000
const dir = mkdtempSync(join(tmpdir(), 'frontdesk-slots-cache-migration-'))
let sandbox: RunningSandbox
let account: SandboxState['accounts'][number]
let link: CalcomLink
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: SANDBOX_NOW })
  account = (await sandboxState(sandbox.url)).accounts[0]!
  link = await startCalcomLink(sandbox.url)
})
afterAll(async () => {
  await link.close()
  await sandbox.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The desk's clock runs with the sandbox's, from SANDBOX_NOW. */
const offsetMs = Date.parse(SANDBOX_NOW) - Date.now()
const deskNow = () => Date.now() + offsetMs
/** Row id of the older desk's member known by username only. */
const LEE = 300

/** Cal.com's (the sandbox's) free times of an event type on `date`, as it would have answered. */
function freeTimes(calcomId: number, date: string): string[] {
  const et = sandbox.sandbox.store.eventTypes.get(calcomId)!
  const from = DateTime.fromISO(date, { zone: account.timeZone })
  return sandbox.sandbox.slots
    .available(et, from.toMillis(), from.plus({ days: 1 }).toMillis())
    .map((ms) => new Date(ms).toISOString())
}

it("keeps an older desk's cached free times as the services', never a username-only member's", async () => {
  const dataDir = mkdtempSync(join(dir, 'desk-'))
  const old = openDatabase(
    join(dataDir, 'frontdesk.db'),
    migrationsBefore(dataDir, '0011_slots_cache_staff_username'),
  )
  old.$client
    .prepare(
      "insert into branches (id, calcom_account_id, calcom_username, name, time_zone, connection) values (1, ?, ?, ?, ?, 'connected')",
    )
    .run(account.userId, account.username, account.name, account.timeZone)
  old.$client.prepare("insert into settings (key, value) values ('current_branch_id', '1')").run()
  const insertService = old.$client.prepare(
    `insert into event_types (id, branch_id, calcom_id, slug, title, length_minutes, price, currency)
     values (?, 1, ?, ?, ?, ?, ?, ?)`,
  )
  account.eventTypes.forEach((et, i) =>
    insertService.run(100 + i, et.id, et.slug, et.title, et.lengthInMinutes, et.price, et.currency),
  )
  const haircutAt = account.eventTypes.findIndex((et) => et.slug === 'haircut')
  const haircut = { id: 100 + haircutAt, calcomId: account.eventTypes[haircutAt]!.id }
  old.$client
    .prepare(
      "insert into staff (id, branch_id, calcom_host_id, calcom_username, name, colour, active) values (?, 1, null, 'lee', 'Lee Park', '#a6cee3', 1)",
    )
    .run(LEE)
  // Cal.com's answers for tomorrow, half an hour old: the haircut's and every other service's.
  const fetchedAt = deskNow() - 30 * MINUTE
  const insertSlots = old.$client.prepare(
    'insert into slots_cache (event_type_id, date, time_zone, fetched_at, slots) values (?, ?, ?, ?, ?)',
  )
  account.eventTypes.forEach((et, i) =>
    insertSlots.run(
      100 + i,
      TOMORROW,
      account.timeZone,
      fetchedAt,
      JSON.stringify(freeTimes(et.id, TOMORROW)),
    ),
  )
  const before = old.$client.prepare('select * from slots_cache order by event_type_id').all()
  old.$client.close()
  await credentialFile(dataDir).save({ kind: 'apiKey', apiKey: account.apiKey })

  // The updated desk starts while Cal.com is out of reach.
  link.down()
  const desk = await deskOn(link.url, { dataDir, now: deskNow })
  try {
    const rows = () =>
      desk.services.db.$client
        .prepare('select * from slots_cache order by event_type_id, staff_username')
        .all()
    // Every row as it was, each the service's answer.
    expect(rows()).toEqual(before.map((r) => ({ ...(r as object), staff_username: '' })))

    const kept = freeTimes(haircut.calcomId, TOMORROW)
    expect(kept.length).toBeGreaterThan(0)
    expect(await slotsOf(desk, haircut.id, TOMORROW)).toMatchObject({
      stale: true,
      slots: kept,
      fetchedAt: new Date(fetchedAt).toISOString(),
    })
    // Not as Lee's: nothing of theirs is kept.
    const lee = await deskFetch(
      desk,
      `/api/slots?eventTypeId=${haircut.id}&date=${TOMORROW}&staffId=${LEE}`,
    )
    expect(lee.status).toBe(503)
    expect(await json<{ error: { code: string } }>(lee)).toMatchObject({
      error: { code: 'SLOTS_UNAVAILABLE' },
    })

    // Cal.com back: its answer replaces the kept one, under the same key.
    link.up()
    const fresh = (await slotsOf(desk, haircut.id, TOMORROW)) as DaySlots
    expect(fresh.stale).toBe(false)
    expect(Date.parse(fresh.fetchedAt)).toBeGreaterThan(fetchedAt)
    const haircutRows = rows().filter(
      (r) => (r as { event_type_id: number }).event_type_id === haircut.id,
    )
    expect(haircutRows).toEqual([
      expect.objectContaining({ staff_username: '', fetched_at: Date.parse(fresh.fetchedAt) }),
    ])
  } finally {
    link.up()
    await desk.dispose()
  }
})
