// Free times after Cal.com's reference data changed: the desk's cached answer for a day is kept
// up to five minutes, but a service's new length or notice (read by the reference refresh,
// reference-refresh.ts) moves Cal.com's free times at once, so the next read asks
// Cal.com again. The answer is marked old, not forgotten: with Cal.com out of reach it is still
// served, stale, so a booking can still be queued offline. Against the Cal.com sandbox through a
// counting HTTP hop (calcom-link.test-support.ts); calls are counted, never timed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../../../../sandbox/src/index'
import type { TempDesk } from '../../../../test/support/temp-desk'
import type { CalcomLink } from '../outbound/calcom-link.test-support'
import { closeLinkedDesk, linkedDesk, type LinkedDesk } from '../outbound/linked-desk.test-support'
import { eventTypeOf, slotsOf, TOMORROW } from '../outbound/outbound.test-support'

let w: LinkedDesk
let sandbox: RunningSandbox
let link: CalcomLink
let desk: TempDesk

beforeAll(async () => {
  w = await linkedDesk()
  ;({ sandbox, link, desk } = w)
}, 60_000)

afterAll(() => closeLinkedDesk(w))

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
