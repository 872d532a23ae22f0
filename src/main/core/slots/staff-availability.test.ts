// A chosen staff member's own availability, against the Cal.com sandbox: Cal.com's slots answer
// for the event type (any host free), so a booking with a staff member who is busy at a time
// another host still has free must be refused at the desk, naming them, and not queued to fail in
// Cal.com later; GET /api/slots shows one staff member's free times; and a booking the desk lets
// through with a chosen staff member says what only Cal.com can confirm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { clearSandboxDay } from '../../../../test/support/sandbox-calcom'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import {
  book,
  connectWithApiKey,
  deskOn,
  eventTypeOf,
  json,
  post,
  sandboxState,
  slotsOf,
  syncedFrom,
} from '../outbound/outbound.test-support'

/**
 * The coming Tuesday, 14:00 UTC, on the real calendar: connecting learns staff members' Cal.com
 * ids from the last 30 days of bookings (real time), so the sandbox's seeded week must be recent.
 */
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

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: NOW })
  // The desk keeps the sandbox's time, as a desk keeps Cal.com's: "tomorrow" and "recent" are
  // the same day for both, whatever day of the week the test runs on.
  const shift = Date.parse(NOW) - Date.now()
  desk = await deskOn(sandbox.url, { now: () => Date.now() + shift })
  // Tomorrow as nobody has booked it yet: how full the seed made that day varies with the date.
  clearSandboxDay(sandbox, TOMORROW)
  await connectWithApiKey(desk, (await sandboxState(sandbox.url)).accounts[0]!.apiKey)
})
afterAll(async () => {
  await desk?.dispose()
  await sandbox?.close()
})

/** Hosts of the sandbox event type free at `start`, as Cal.com (the sandbox) decides it. */
function hostsFreeAt(calcomEventTypeId: number, start: string): number[] {
  const { store, slots } = sandbox.sandbox
  const et = store.eventTypes.get(calcomEventTypeId)!
  const at = Date.parse(start)
  return et.hostIds.filter((h) => slots.available({ ...et, hostIds: [h] }, at, at + 1).includes(at))
}

const staffOfHost = (hostId: number) => {
  const branchId = desk.services.branches.current().id
  return desk.services.staff.activeById(branchId, desk.services.staff.idOfHost(branchId, hostId)!)!
}

describe("a chosen staff member's own availability", () => {
  let start: string
  let busy: ReturnType<typeof staffOfHost>
  let free: ReturnType<typeof staffOfHost>

  beforeAll(async () => {
    const haircut = eventTypeOf(desk, 'haircut')
    const { slots } = await slotsOf(desk, haircut.id, TOMORROW)
    // A time at which two hosts could take a haircut; the first of them gets a client.
    start = slots.find((s) => hostsFreeAt(haircut.calcomId, s).length >= 2)!
    const [first, second] = hostsFreeAt(haircut.calcomId, start)
    busy = staffOfHost(first!)
    free = staffOfHost(second!)
    const taken = await book(desk, {
      eventTypeId: haircut.id,
      staffId: busy.id,
      start,
      attendee: { name: 'Ines Park' },
    })
    const synced = await syncedFrom(desk, taken.outboxId!)
    expect(sandbox.sandbox.store.bookings.get(synced.uid)?.hostId).toBe(first)
  })

  it('refuses a booking with them when they are busy, naming them, though the event type has the slot', async () => {
    const haircut = eventTypeOf(desk, 'haircut')
    // Cal.com still offers the time (another host is free) but would not give it to them.
    expect((await slotsOf(desk, haircut.id, TOMORROW)).slots).toContain(start)
    expect(hostsFreeAt(haircut.calcomId, start)).not.toContain(busy.calcomHostId)

    const queued = () => Object.values(desk.services.outbox.counts()).reduce((a, b) => a + b, 0)
    const before = queued()
    const res = await post(desk, '/api/appointments', {
      eventTypeId: haircut.id,
      staffId: busy.id,
      start,
      attendee: { name: 'Omar Reyes' },
    })
    expect(res.status).toBe(409)
    const { error } = await json<{
      error: { code: string; field: string; message: string; params: Record<string, unknown> }
    }>(res)
    expect(error).toMatchObject({ code: 'STAFF_UNAVAILABLE', field: 'staffId' })
    expect(error.message).toContain(busy.name)
    // The same facts as parameters, for the UI's words in the reader's language.
    expect(error.params).toMatchObject({ staff: busy.name, service: haircut.title, start })
    expect(queued()).toBe(before)
  })

  it("shows one staff member's free times in GET /api/slots", async () => {
    const haircut = eventTypeOf(desk, 'haircut')
    const url = (staffId: number) =>
      `/api/slots?eventTypeId=${haircut.id}&date=${TOMORROW}&staffId=${staffId}`
    const ofBusy = await json<{ slots: string[]; staffId: number }>(deskFetch(desk, url(busy.id)))
    const ofFree = await json<{ slots: string[]; staffId: number }>(deskFetch(desk, url(free.id)))
    expect(ofBusy).toMatchObject({ staffId: busy.id })
    expect(ofBusy.slots).not.toContain(start)
    expect(ofFree.slots).toContain(start)

    const unknown = await deskFetch(desk, url(99_999))
    expect(unknown.status).toBe(404)
    expect(await json<{ error: { field: string } }>(unknown)).toMatchObject({
      error: { field: 'staffId' },
    })
  })

  it('books them when the desk knows them free, saying that Cal.com confirms their hours', async () => {
    const haircut = eventTypeOf(desk, 'haircut')
    const booked = await book(desk, {
      eventTypeId: haircut.id,
      staffId: free.id,
      start,
      attendee: { name: 'Lu Mendes' },
    })
    expect(booked.notice).toContain(free.name)
    expect(booked.notice).toMatch(/Cal\.com confirms/)
    const synced = await syncedFrom(desk, booked.outboxId!)
    expect(sandbox.sandbox.store.bookings.get(synced.uid)?.hostId).toBe(free.calcomHostId)
  })
})
