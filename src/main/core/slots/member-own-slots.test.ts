// A staff member Cal.com books by id, whose username the desk knows, gets their own free times
// from Cal.com (their own event type of the service, asked by username): the event type's answer
// is any host's, so a day they do not work looked free whenever a colleague was. Against the
// Cal.com sandbox, through the desk's local API and SQLite file.
import { DateTime } from 'luxon'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { clearSandboxDay } from '../../../../test/support/sandbox-calcom'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import {
  connectWithApiKey,
  deskOn,
  eventTypeOf,
  json,
  post,
  sandboxState,
  slotsOf,
} from '../outbound/outbound.test-support'

/** The coming Tuesday, 14:00 UTC: the seeded bookings (which tell hosts' ids) are recent. */
function comingTuesday(): string {
  const d = new Date()
  d.setUTCHours(14, 0, 0, 0)
  do d.setUTCDate(d.getUTCDate() + 1)
  while (d.getUTCDay() !== 2)
  return d.toISOString()
}
const NOW = comingTuesday()
const TOMORROW = new Date(Date.parse(NOW) + 86_400_000).toISOString().slice(0, 10)

let sandbox: RunningSandbox
let desk: TempDesk
let zone: string

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: NOW })
  // The desk keeps the sandbox's time, as a desk keeps Cal.com's: "tomorrow" and "recent" are
  // the same day for both, whatever day of the week the test runs on.
  const shift = Date.parse(NOW) - Date.now()
  desk = await deskOn(sandbox.url, { now: () => Date.now() + shift })
  // Tomorrow as nobody has booked it yet: how full the seed made that day varies with the date.
  clearSandboxDay(sandbox, TOMORROW)
  const account = (await sandboxState(sandbox.url)).accounts[0]!
  zone = account.timeZone
  await connectWithApiKey(desk, account.apiKey)
})
afterAll(async () => {
  await desk?.dispose()
  await sandbox?.close()
})

it('a member known by id gets their own free times: tomorrow they work 10:00–12:00 only, so nothing outside it is offered or booked with them', async () => {
  const haircut = eventTypeOf(desk, 'haircut')
  const { store } = sandbox.sandbox
  const calcomHaircut = store.eventTypes.get(haircut.calcomId)!
  const branchId = desk.services.branches.current().id
  const member = desk.services.staff
    .rowsOf(branchId)
    .find(
      (r) =>
        r.active &&
        r.calcomHostId !== null &&
        r.calcomUsername !== null &&
        calcomHaircut.hostIds.includes(r.calcomHostId),
    )!
  expect(member).toBeDefined()
  // In Cal.com their schedule gives them tomorrow 10:00–12:00 only; colleagues work as before.
  const schedule = store.schedules.get(store.staff.get(member.calcomHostId!)!.scheduleId)!
  schedule.overrides = [{ date: TOMORROW, startTime: '10:00', endTime: '12:00' }]

  const local = (iso: string) => DateTime.fromISO(iso, { zone }).toFormat('HH:mm')
  const theirs = await json<{ slots: string[]; staffId: number; stale: boolean }>(
    deskFetch(desk, `/api/slots?eventTypeId=${haircut.id}&date=${TOMORROW}&staffId=${member.id}`),
  )
  expect(theirs).toMatchObject({ staffId: member.id, stale: false })
  expect(theirs.slots.length).toBeGreaterThan(0)
  // A 45-minute haircut inside 10:00–12:00.
  for (const s of theirs.slots) {
    expect(local(s) >= '10:00', s).toBe(true)
    expect(local(s) <= '11:15', s).toBe(true)
  }
  // The service itself is free outside their hours: colleagues work then.
  const anyone = (await slotsOf(desk, haircut.id, TOMORROW)).slots
  // One where nothing the desk holds keeps them busy either (well clear of buffers).
  const hour = 3_600_000
  const clear = (s: string) =>
    desk.services.appointments.holdingHost(
      branchId,
      member.id,
      Date.parse(s) - 2 * hour,
      Date.parse(s) + 3 * hour,
    ).length === 0
  const outside = anyone.find((s) => local(s) >= '13:00' && clear(s))!
  expect(outside).toBeDefined()
  expect(theirs.slots).not.toContain(outside)

  // A phone booking with them at a time only colleagues have is refused before it is queued.
  const queued = () => Object.values(desk.services.outbox.counts()).reduce((a, b) => a + b, 0)
  const before = queued()
  const res = await post(desk, '/api/appointments', {
    eventTypeId: haircut.id,
    staffId: member.id,
    start: outside,
    attendee: { name: 'Omar Reyes' },
  })
  expect(res.status).toBe(409)
  const { error } = await json<{ error: { code: string; message: string } }>(res)
  expect(error.code).toBe('SLOT_UNAVAILABLE')
  expect(error.message).toContain(member.name)
  expect(queued()).toBe(before)
})
