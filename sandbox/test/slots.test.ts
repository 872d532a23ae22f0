import { DateTime } from 'luxon'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auth, BOOKINGS, harness, type Harness, NOW, SLOTS } from './helpers.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(async () => {
  await h.close()
})

const berlin = () => h.state.accounts.find((a) => a.timeZone === 'Europe/Berlin')!

async function slots(query: string) {
  const res = await h.app.inject({ url: `/v2/slots?${query}`, headers: SLOTS })
  expect(res.statusCode).toBe(200)
  return res.json().data as Record<string, Array<{ start: string; end?: string }>>
}

describe('GET /v2/slots', () => {
  it("renders slots in the requested time zone, keyed by local date, inside the hosts' hours", async () => {
    const et = berlin().eventTypes.find((e) => e.slug === 'haircut')!
    const data = await slots(
      `eventTypeId=${et.id}&start=2026-03-11&end=2026-03-12&timeZone=Europe/Berlin`,
    )
    expect(Object.keys(data)).toEqual(['2026-03-11', '2026-03-12'])
    for (const [date, items] of Object.entries(data)) {
      for (const { start } of items) {
        expect(start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000\+01:00$/)
        const local = DateTime.fromISO(start, { zone: 'Europe/Berlin' })
        expect(local.toISODate()).toBe(date)
        // Berlin staff work 10:00–20:00 at the widest; a 45-minute haircut ends by 20:00.
        expect(local.hour).toBeGreaterThanOrEqual(10)
        expect(local.plus({ minutes: 45 }).toFormat('HH:mm') <= '20:00').toBe(true)
      }
    }
    const tokyo = await slots(
      `eventTypeId=${et.id}&start=2026-03-11&end=2026-03-12&timeZone=Asia/Tokyo`,
    )
    expect(Object.values(tokyo).flat()[0]!.start).toMatch(/\+09:00$/)
  })

  it('format=range adds the end; minimum notice hides slots that are too soon', async () => {
    const et = berlin().eventTypes.find((e) => e.slug === 'full-colour')!
    const data = await slots(
      `eventTypeId=${et.id}&start=${NOW}&end=2026-03-13T00:00:00Z&format=range&timeZone=UTC`,
    )
    const all = Object.values(data).flat()
    expect(all.length).toBeGreaterThan(0)
    for (const s of all) {
      expect(Date.parse(s.end!) - Date.parse(s.start)).toBe(120 * 60_000)
      // full colour needs 24 h notice
      expect(Date.parse(s.start)).toBeGreaterThanOrEqual(Date.parse(NOW) + 24 * 3600_000)
    }
  })

  it('a booking removes its slot once every host is busy, and a cancel gives it back', async () => {
    const et = berlin().eventTypes.find((e) => e.slug === 'bridal-trial')!
    const q = `eventTypeId=${et.id}&start=2026-03-16&end=2026-03-16&timeZone=Europe/Berlin`
    const before = Object.values(await slots(q))
      .flat()
      .map((s) => s.start)
    expect(before.length).toBeGreaterThan(0)
    const start = new Date(before[0]!).toISOString()
    const uids: string[] = []
    for (const _host of et.hostIds) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/v2/bookings',
        headers: auth(berlin().apiKey, BOOKINGS),
        payload: {
          start,
          eventTypeId: et.id,
          attendee: { name: 'Bride', email: 'b@example.com', timeZone: 'Europe/Berlin' },
        },
      })
      if (res.statusCode === 201) uids.push(res.json().data.uid)
    }
    expect(uids.length).toBeGreaterThan(0)
    const after = Object.values(await slots(q))
      .flat()
      .map((s) => s.start)
    expect(after).not.toContain(before[0])
    for (const uid of uids) {
      await h.app.inject({
        method: 'POST',
        url: `/v2/bookings/${uid}/cancel`,
        headers: auth(berlin().apiKey, BOOKINGS),
        payload: {},
      })
    }
    expect(
      Object.values(await slots(q))
        .flat()
        .map((s) => s.start),
    ).toContain(before[0])
  })

  it("a date override turns a host's day off", async () => {
    const jonas = berlin().staff.find((s) => s.username === 'jonas-weber')!
    const schedule = (
      await h.app.inject({
        url: `/v2/schedules/${jonas.scheduleId}`,
        headers: auth(berlin().apiKey, { 'cal-api-version': '2024-06-11' }),
      })
    ).json().data
    const dayOff = schedule.overrides[0]
    expect(dayOff).toMatchObject({ startTime: '00:00', endTime: '00:00' })
    // Jonas is the only Berlin host who works Fridays after 16:00, so that evening has no haircut slots.
    const et = berlin().eventTypes.find((e) => e.slug === 'haircut')!
    const data = await slots(
      `eventTypeId=${et.id}&start=${dayOff.date}&end=${dayOff.date}&timeZone=Europe/Berlin`,
    )
    const late = (data[dayOff.date] ?? []).filter(
      (s) => DateTime.fromISO(s.start, { setZone: true }).hour >= 16,
    )
    expect(late).toEqual([])
  })

  it('asks for cal-api-version 2024-09-04 and a known event type', async () => {
    const et = berlin().eventTypes[0]!
    expect(
      (
        await h.app.inject({
          url: `/v2/slots?eventTypeId=${et.id}&start=2026-03-11&end=2026-03-12`,
        })
      ).statusCode,
    ).toBe(404)
    expect(
      (
        await h.app.inject({
          url: '/v2/slots?eventTypeId=999999&start=2026-03-11&end=2026-03-12',
          headers: SLOTS,
        })
      ).statusCode,
    ).toBe(404)
    const noStart = await h.app.inject({
      url: `/v2/slots?eventTypeId=${et.id}&end=2026-03-12`,
      headers: SLOTS,
    })
    expect(noStart.statusCode).toBe(400)
    expect(noStart.json().error.message).toContain('start')
  })

  it("an event type's after-buffer keeps its host free after the booking ends", async () => {
    h.sandbox.store.bookings.clear() // an empty calendar, so only this test's bookings count
    const toronto = h.state.accounts.find((a) => a.timeZone === 'America/Toronto')!
    const ava = toronto.staff.find((s) => s.username === 'ava-thompson')!
    const bridal = toronto.eventTypes.find((e) => e.slug === 'bridal-trial')!
    const haircut = toronto.eventTypes.find((e) => e.slug === 'haircut')!
    expect(bridal.hostIds).toContain(ava.id)
    // Friday 13 March, 10:00–11:30 Toronto (EDT); the trial's after-buffer is 30 minutes
    const trial = await h.app.inject({
      method: 'POST',
      url: '/_sandbox/book',
      payload: {
        eventTypeId: bridal.id,
        start: '2026-03-13T14:00:00.000Z',
        attendee: { name: 'Bride', email: 'bride@example.com', timeZone: 'America/Toronto' },
        hostId: ava.id,
      },
    })
    expect(trial.json().data.hosts[0].id).toBe(ava.id)
    const haircutWithAva = (start: string) =>
      h.app.inject({
        method: 'POST',
        url: '/v2/bookings',
        headers: auth(toronto.apiKey, BOOKINGS),
        payload: {
          eventTypeId: haircut.id,
          start,
          attendee: { name: 'Client', email: 'client@example.com', timeZone: 'UTC' },
          routing: { teamMemberIds: [ava.id] },
        },
      })
    const inBuffer = await haircutWithAva('2026-03-13T15:30:00.000Z') // 11:30, inside the buffer
    expect(inBuffer.statusCode).toBe(400)
    expect(inBuffer.json().error.message).toBe(
      'User either already has booking at this time or is not available',
    )
    const after = await haircutWithAva('2026-03-13T16:00:00.000Z') // 12:00, buffer over
    expect([after.statusCode, after.json().data.hosts[0].id]).toEqual([201, ava.id])
  })

  it('reads date-only start/end as UTC days; timeZone only changes how slots are rendered', async () => {
    const et = berlin().eventTypes.find((e) => e.slug === 'haircut')!
    // Auckland is UTC+13: its 12 March would begin at 11:00Z on the 11th and take that afternoon
    const data = await slots(
      `eventTypeId=${et.id}&start=2026-03-12&end=2026-03-12&timeZone=Pacific/Auckland`,
    )
    const starts = Object.values(data).flat()
    expect(starts.length).toBeGreaterThan(0)
    expect(starts.every((s) => new Date(s.start).toISOString().startsWith('2026-03-12'))).toBe(true)
    expect(Object.keys(data)).toContain('2026-03-13') // rendered on Auckland dates
    expect(starts.every((s) => s.start.endsWith('+13:00'))).toBe(true)
  })
})
