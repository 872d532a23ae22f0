// Offline free times the queued booking can still get: the desk's link to the Cal.com sandbox is
// cut (a real HTTP hop, calcom-link.test-support.ts) and the desk's clock moves on four hours, so
// Cal.com's last answer for today holds a time that has begun and one now inside the colour
// consultation's two-hour minimum notice. GET /api/slots serves that answer marked stale without
// them, for the event type and for one staff member alike (the walk-in and the phone booking's
// picker read the same answer), and keeps every later time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import type { CalcomLink } from '../outbound/calcom-link.test-support'
import { closeLinkedDesk, linkedDesk, type LinkedDesk } from '../outbound/linked-desk.test-support'
import { eventTypeOf, SANDBOX_NOW, slotsOf } from '../outbound/outbound.test-support'
import type { DaySlots } from '../../../shared/api/schemas'

const MINUTE = 60_000
/** The sandbox's Tuesday; 10:00 in Toronto at its start. */
const TODAY = SANDBOX_NOW.slice(0, 10)

let w: LinkedDesk
let link: CalcomLink
let desk: TempDesk

beforeAll(async () => {
  w = await linkedDesk()
  ;({ link, desk } = w)
}, 60_000)

afterAll(() => closeLinkedDesk(w))

describe("Cal.com's last answer for free times, served offline", () => {
  it('leaves out the times that have begun or now fall inside the minimum notice', async () => {
    const colour = eventTypeOf(desk, 'colour-consultation')
    expect(colour.minimumNoticeMinutes).toBe(120)
    const online = await slotsOf(desk, colour.id, TODAY)
    expect(online.stale).toBe(false)
    const staffId = desk.services.staff.listActive(desk.services.branches.current().id)[0]!.id
    const onlineOfStaff = await staffSlots(colour.id, staffId)

    link.down()
    w.moveOn(4 * 60 * MINUTE)
    const now = w.deskNow()
    const earliest = now + 120 * MINUTE
    // Cal.com's answer holds a time begun by now, one inside the notice, and later ones.
    const at = online.slots.map((s) => Date.parse(s))
    expect(at.some((t) => t < now)).toBe(true)
    expect(at.some((t) => t >= now && t < earliest)).toBe(true)
    expect(at.some((t) => t >= earliest)).toBe(true)

    const offline = await slotsOf(desk, colour.id, TODAY)
    expect(offline).toMatchObject({ stale: true, fetchedAt: online.fetchedAt })
    expect(offline.ageSeconds).toBeGreaterThanOrEqual(4 * 60 * 60)
    expect(offline.slots).toEqual(online.slots.filter((s) => Date.parse(s) >= earliest))

    const offlineOfStaff = await staffSlots(colour.id, staffId)
    expect(offlineOfStaff.stale).toBe(true)
    expect(offlineOfStaff.slots).toEqual(
      onlineOfStaff.slots.filter((s) => Date.parse(s) >= earliest),
    )
    link.up()
  })
})

async function staffSlots(eventTypeId: number, staffId: number): Promise<DaySlots> {
  const res = await deskFetch(
    desk,
    `/api/slots?eventTypeId=${eventTypeId}&date=${TODAY}&staffId=${staffId}`,
  )
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as DaySlots
}
