// A staff member the desk knows by Cal.com username only (a new hire seen on a service, no
// booking yet, so no Cal.com id): a phone booking "with" them must reach Cal.com as a booking
// with them, never with whoever Cal.com picks, and their free times must be their own. Against
// the Cal.com sandbox over HTTP, through the desk's local API and SQLite file; the new member is
// added to the sandbox's records as an owner would add them in Cal.com.
import { DateTime } from 'luxon'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import type { Staff as SandboxStaff } from '../../../../sandbox/src/domain/model'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import {
  connectWithApiKey,
  deskOn,
  eventTypeOf,
  json,
  openOutbox,
  post,
  sandboxState,
  syncedFrom,
} from '../outbound/outbound.test-support'
import { addUsernameOnlyMember } from '../staff/username-only-member.test-support'
import type { ActionResult } from './desk-actions'

let sandbox: RunningSandbox
let account: SandboxState['accounts'][number]
let desk: TempDesk
let lee: SandboxStaff
/** The desk's row for Lee. */
let leeId: number
/** A weekday past the sandbox's seeded week: nobody has a booking then, Cal.com picks by order. */
let day: string

const store = () => sandbox.sandbox.store
const calcomEventType = (slug: string) =>
  store()
    .eventTypesOf(account.userId)
    .find((et) => et.slug === slug)!

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  account = (await sandboxState(sandbox.url)).accounts[0]!
  desk = await deskOn(sandbox.url)
  await connectWithApiKey(desk, account.apiKey)

  // Lee hosts haircuts and works 09:00–11:00 on weekdays by a schedule of their own.
  ;({ member: lee, staffId: leeId } = await addUsernameOnlyMember(sandbox, account, desk))

  let d = DateTime.fromMillis(sandbox.sandbox.clock.nowMs(), { zone: account.timeZone }).plus({
    days: 14,
  })
  while (d.weekday > 5) d = d.plus({ days: 1 })
  day = d.toISODate()!
})
afterAll(async () => {
  await desk?.dispose()
  await sandbox?.close()
})

const slots = async (eventTypeId: number, staffId?: number) =>
  deskFetch(
    desk,
    `/api/slots?eventTypeId=${eventTypeId}&date=${day}` +
      (staffId === undefined ? '' : `&staffId=${staffId}`),
  )

/** Cal.com's (the sandbox's) own free times of `hostIds` for the haircut on `day`. */
function sandboxFreeTimes(hostIds: number[]): string[] {
  const et = calcomEventType('haircut')
  const from = DateTime.fromISO(day, { zone: account.timeZone })
  return sandbox.sandbox.slots
    .available({ ...et, hostIds }, from.toMillis(), from.plus({ days: 1 }).toMillis())
    .map((ms) => new Date(ms).toISOString())
}

it("offers the member's own free times, not the service's", async () => {
  const haircut = eventTypeOf(desk, 'haircut')
  const anyone = await json<{ slots: string[] }>(slots(haircut.id))
  const res = await slots(haircut.id, leeId)
  expect(res.status, await res.clone().text()).toBe(200)
  const own = await json<{ slots: string[]; stale: boolean; staffId: number }>(res)

  expect(own).toMatchObject({ stale: false, staffId: leeId })
  expect(own.slots).toEqual(sandboxFreeTimes([lee.id]))
  expect(own.slots.length).toBeGreaterThan(0)
  for (const s of own.slots) {
    const local = DateTime.fromISO(s, { zone: account.timeZone })
    expect(local.hour >= 9 && local.plus({ minutes: haircut.lengthMinutes }).hour <= 11).toBe(true)
  }
  // The service has times Lee does not work: those are not offered as Lee's.
  expect(anyone.slots.some((s) => !own.slots.includes(s))).toBe(true)
})

// Before the booking below, which teaches the desk Lee's Cal.com id.
it('refuses plainly, queueing nothing, a service Cal.com has no way to book with the member', async () => {
  const other = desk.services.eventTypes
    .list(desk.services.branches.current().id)
    .find((et) => !calcomEventType(et.slug)?.hostIds.includes(lee.id) && !et.hidden)!
  const queued = (await openOutbox(desk)).length

  const free = await slots(other.id, leeId)
  expect(free.status).toBe(409)
  expect((await json<{ error: { code: string } }>(free)).error.code).toBe('STAFF_NOT_BOOKABLE')

  const { slots: anyone } = await json<{ slots: string[] }>(slots(other.id))
  const res = await post(desk, '/api/appointments', {
    eventTypeId: other.id,
    staffId: leeId,
    start: anyone[0],
    attendee: { name: 'Ines Park' },
  })
  expect(res.status).toBe(409)
  expect(await json<{ error: { code: string; params: unknown } }>(res)).toMatchObject({
    error: { code: 'STAFF_NOT_BOOKABLE', params: { staff: 'lee', service: other.title } },
  })
  expect(await openOutbox(desk)).toHaveLength(queued)
})

it('a phone booking "with" the member ends in Cal.com with them as host', async () => {
  const haircut = eventTypeOf(desk, 'haircut')
  const { slots: own } = await json<{ slots: string[] }>(slots(haircut.id, leeId))
  // A time someone listed before Lee is free too: left to pick, Cal.com would book them.
  const others = calcomEventType('haircut').hostIds.filter((h) => h !== lee.id)
  const start = own.find((s) => others.some((h) => sandboxFreeTimes([h]).includes(s)))!
  expect(start).toBeDefined()

  const res = await post(desk, '/api/appointments', {
    eventTypeId: haircut.id,
    staffId: leeId,
    start,
    attendee: { name: 'Ines Park', phone: '+1 416 555 0199' },
  })
  expect(res.status, await res.clone().text()).toBe(202)
  const booked = await json<ActionResult>(res)
  const synced = await syncedFrom(desk, booked.outboxId!)

  const inCalcom = store().bookings.get(synced.uid)!
  expect(inCalcom).toMatchObject({ hostId: lee.id, eventTypeId: calcomEventType('haircut').id })
  expect(inCalcom.start).toBe(start)
  expect(synced.staffId).toBe(leeId)
  // Cal.com's answer named Lee's id: from now on Lee is booked by it.
  expect(desk.services.staff.activeById(desk.services.branches.current().id, leeId)).toMatchObject({
    calcomHostId: lee.id,
  })
})
