// The free times of a staff member known by Cal.com username only are their own (Cal.com is asked
// by their own event type: host-naming.ts), and Cal.com's last answer for them is kept in
// slots_cache under their username like the service's: it outlives a restart of the desk, is
// made old by a change of the branch like the service's, and is served offline, stale, as theirs.
// With nothing of theirs kept, offline they get no answer, never the service's (other people's
// free times). Days gone by are dropped, theirs with the rest. Against the Cal.com sandbox through
// an HTTP hop the test can cut (calcom-link.test-support.ts), on the desk's SQLite file.
import { DateTime } from 'luxon'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { deskFetch, makeDataDir, type TempDesk } from '../../../../test/support/temp-desk'
import type { DaySlots } from '../../../shared/api/schemas'
import { SLOTS_TTL_MS } from './slots-cache'
import { startCalcomLink, type CalcomLink } from '../outbound/calcom-link.test-support'
import {
  connectWithApiKey,
  deskOn,
  eventTypeOf,
  json,
  SANDBOX_NOW,
  sandboxState,
  slotsOf,
  TOMORROW,
} from '../outbound/outbound.test-support'
import {
  addUsernameOnlyMember,
  type UsernameOnlyMember,
} from '../staff/username-only-member.test-support'

const DAY = 86_400_000
/** Thursday, the day after TOMORROW: Lee works then too. */
const THURSDAY = '2026-03-12'

let sandbox: RunningSandbox
let account: SandboxState['accounts'][number]
let link: CalcomLink
let desk: TempDesk
let lee: UsernameOnlyMember
const dataDir = makeDataDir()
/** The desk's clock runs with the sandbox's, from SANDBOX_NOW, plus what `moveOn` adds. */
let offsetMs = Date.parse(SANDBOX_NOW) - Date.now()
const deskNow = () => Date.now() + offsetMs
const startDeskHere = () => deskOn(link.url, { dataDir, now: deskNow })

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: SANDBOX_NOW })
  account = (await sandboxState(sandbox.url)).accounts[0]!
  link = await startCalcomLink(sandbox.url)
  desk = await startDeskHere()
  await connectWithApiKey(desk, account.apiKey)
  lee = await addUsernameOnlyMember(sandbox, account, desk)
}, 60_000)

afterAll(async () => {
  await desk?.dispose()
  await link?.close()
  await sandbox?.close()
})

afterEach(() => link.up())

const slotCalls = () => link.count('GET', '/v2/slots')

const staffSlots = (eventTypeId: number, staffId: number, date: string) =>
  deskFetch(desk, `/api/slots?eventTypeId=${eventTypeId}&date=${date}&staffId=${staffId}`)

async function leeSlots(date: string): Promise<DaySlots> {
  const res = await staffSlots(eventTypeOf(desk, 'haircut').id, lee.staffId, date)
  expect(res.status, await res.clone().text()).toBe(200)
  return json<DaySlots>(res)
}

/** Cal.com's (the sandbox's) own free times of `hostIds` for the haircut on `date`. */
function sandboxFreeTimes(hostIds: number[], date: string): string[] {
  const et = sandbox.sandbox.store.eventTypes.get(eventTypeOf(desk, 'haircut').calcomId)!
  const from = DateTime.fromISO(date, { zone: account.timeZone })
  return sandbox.sandbox.slots
    .available({ ...et, hostIds }, from.toMillis(), from.plus({ days: 1 }).toMillis())
    .map((ms) => new Date(ms).toISOString())
}

/** The slots_cache rows, read as the database holds them (tests use stores, not the schema). */
const keptRows = () =>
  desk.services.db.$client
    .prepare(
      'select event_type_id as eventTypeId, staff_username as staffUsername, date from slots_cache',
    )
    .all() as { eventTypeId: number; staffUsername: string; date: string }[]

describe("a member known by username only: Cal.com's last answer for them", () => {
  it('outlives a restart and is served offline, stale, as theirs', async () => {
    const haircut = eventTypeOf(desk, 'haircut')
    const anyone = await slotsOf(desk, haircut.id, TOMORROW)
    const own = await leeSlots(TOMORROW)
    expect(own).toMatchObject({ stale: false, staffId: lee.staffId })
    expect(own.slots).toEqual(sandboxFreeTimes([lee.member.id], TOMORROW))
    expect(own.slots.length).toBeGreaterThan(0)
    // The service has times Lee does not work: its answer is not theirs.
    expect(anyone.slots.some((s) => !own.slots.includes(s))).toBe(true)

    // Fresh: not asked again. A change of the branch (the haircut's notice) makes it old, as it
    // does the service's: asked again.
    const calls = slotCalls()
    expect(await leeSlots(TOMORROW)).toMatchObject({ fetchedAt: own.fetchedAt })
    expect(slotCalls()).toBe(calls)
    sandbox.sandbox.store.eventTypes.get(haircut.calcomId)!.minimumBookingNotice += 60
    expect(await desk.services.referenceRefresh.refresh()).toEqual({ outcome: 'changed' })
    const again = await leeSlots(TOMORROW)
    expect(slotCalls()).toBe(calls + 1)
    expect(again).toMatchObject({ stale: false, slots: own.slots })
    expect(Date.parse(again.fetchedAt)).toBeGreaterThan(Date.parse(own.fetchedAt))

    // The desk restarts while Cal.com is out of reach.
    link.down()
    await desk.close()
    desk = await startDeskHere()
    const offline = await leeSlots(TOMORROW)
    expect(offline).toMatchObject({
      stale: true,
      staffId: lee.staffId,
      fetchedAt: again.fetchedAt,
      slots: again.slots,
    })
    // The service's last answer is kept beside it, and is still the service's.
    const anyoneOffline = await slotsOf(desk, haircut.id, TOMORROW)
    expect(anyoneOffline).toMatchObject({ stale: true, fetchedAt: anyone.fetchedAt })
    expect(anyoneOffline.slots).not.toEqual(offline.slots)
  })

  it("is not the service's: with only the service's kept, offline they get no answer", async () => {
    const haircut = eventTypeOf(desk, 'haircut')
    const anyone = await slotsOf(desk, haircut.id, THURSDAY)
    expect(anyone).toMatchObject({ stale: false })
    expect(anyone.slots.length).toBeGreaterThan(0)

    // Cal.com is out of reach for longer than an answer stays fresh.
    link.down()
    offsetMs += SLOTS_TTL_MS
    // The service's answer is served, stale, for the service…
    expect(await slotsOf(desk, haircut.id, THURSDAY)).toMatchObject({
      stale: true,
      slots: anyone.slots,
    })
    // …but not as Lee's: as for a day with nothing kept, Cal.com's answer is missing.
    const res = await staffSlots(haircut.id, lee.staffId, THURSDAY)
    expect(res.status).toBe(503)
    expect(await json<{ error: { code: string } }>(res)).toMatchObject({
      error: { code: 'SLOTS_UNAVAILABLE' },
    })
  })

  it('is dropped with the rest once its day has gone by', async () => {
    const haircut = eventTypeOf(desk, 'haircut')
    await leeSlots(THURSDAY)
    const kept = keptRows()
    expect(kept.filter((r) => r.staffUsername === 'lee').map((r) => r.date)).toEqual(
      expect.arrayContaining([TOMORROW, THURSDAY]),
    )
    expect(kept.filter((r) => r.staffUsername === '').map((r) => r.date)).toEqual(
      expect.arrayContaining([TOMORROW, THURSDAY]),
    )

    // Friday on the desk's clock: Wednesday and Thursday are past. The next answer kept drops them.
    offsetMs += 3 * DAY
    await leeSlots('2026-03-16')
    const left = keptRows()
    expect(left.every((r) => r.date >= '2026-03-13')).toBe(true)
    expect(left).toContainEqual(
      expect.objectContaining({
        eventTypeId: haircut.id,
        staffUsername: 'lee',
        date: '2026-03-16',
      }),
    )
  })
})
