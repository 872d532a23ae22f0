// Free times after Cal.com's reference data changed: the desk's cached answer for a day is kept
// up to five minutes, but a service's new length or notice (read by the reference refresh,
// reference-refresh.ts) moves Cal.com's free times at once, so the next read asks
// Cal.com again. The answer is marked old, not forgotten: with Cal.com out of reach it is still
// served, stale, so a booking can still be queued offline. Against the Cal.com sandbox through a
// counting HTTP hop (calcom-link.test-support.ts); calls are counted, never timed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import type { TempDesk } from '../../../../test/support/temp-desk'
import { startCalcomLink, type CalcomLink } from '../outbound/calcom-link.test-support'
import {
  connectWithApiKey,
  deskOn,
  eventTypeOf,
  SANDBOX_NOW,
  sandboxState,
  slotsOf,
  TOMORROW,
} from '../outbound/outbound.test-support'

let sandbox: RunningSandbox
let link: CalcomLink
let desk: TempDesk
/** The desk's clock runs with the sandbox's, so its days' free times have not begun. */
let offsetMs = Date.parse(SANDBOX_NOW) - Date.now()
const deskNow = () => Date.now() + offsetMs

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: SANDBOX_NOW })
  link = await startCalcomLink(sandbox.url)
  offsetMs = Date.parse(SANDBOX_NOW) - Date.now()
  desk = await deskOn(link.url, { now: deskNow })
  await connectWithApiKey(desk, (await sandboxState(sandbox.url)).accounts[0]!.apiKey)
}, 60_000)

afterAll(async () => {
  await desk?.dispose()
  await link?.close()
  await sandbox?.close()
})

const slotCalls = () => link.count('GET', '/v2/slots')

describe('free times after a refresh of services and staff', () => {
  it("asks Cal.com again once a service's length changed, and still serves the old answer offline", async () => {
    const haircut = eventTypeOf(desk, 'haircut')
    const first = await slotsOf(desk, haircut.id, TOMORROW)
    expect(first.stale).toBe(false)
    const calls = slotCalls()
    // Cached: the same answer, without asking.
    expect(await slotsOf(desk, haircut.id, TOMORROW)).toMatchObject({ slots: first.slots })
    expect(slotCalls()).toBe(calls)

    const inCalcom = sandbox.sandbox.store.eventTypes.get(haircut.calcomId)!
    inCalcom.lengthInMinutes = haircut.lengthMinutes * 3
    expect(await desk.services.referenceRefresh.refresh()).toEqual({ outcome: 'changed' })

    const longer = await slotsOf(desk, haircut.id, TOMORROW)
    expect(slotCalls()).toBe(calls + 1)
    expect(longer.stale).toBe(false)
    // Cal.com's free times for the longer service, not the cached ones of the shorter.
    expect(longer.slots).not.toEqual(first.slots)
    expect(longer.slots.length).toBeGreaterThan(0)

    // A new minimum notice: the cached day is old again. Cal.com is then out of reach, and its
    // last answer is what the desk offers, marked stale, rather than nothing.
    inCalcom.minimumBookingNotice += 60
    expect(await desk.services.referenceRefresh.refresh()).toEqual({ outcome: 'changed' })
    link.down()
    const offline = await slotsOf(desk, haircut.id, TOMORROW)
    link.up()
    expect(offline).toMatchObject({ stale: true, slots: longer.slots, fetchedAt: longer.fetchedAt })
  })

  it('keeps the cached day when a refresh found nothing new', async () => {
    const colour = eventTypeOf(desk, 'colour-consultation')
    const first = await slotsOf(desk, colour.id, TOMORROW)
    const calls = slotCalls()
    expect(await desk.services.referenceRefresh.refresh()).toEqual({ outcome: 'unchanged' })
    expect(await slotsOf(desk, colour.id, TOMORROW)).toMatchObject({
      stale: false,
      fetchedAt: first.fetchedAt,
    })
    expect(slotCalls()).toBe(calls)
  })
})
