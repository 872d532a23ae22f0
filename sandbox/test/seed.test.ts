import { DateTime } from 'luxon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auth, BOOKINGS, harness, type Harness, NOW } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
afterAll(async () => {
  await h.close()
})

interface ApiBooking {
  uid: string
  status: string
  start: string
  end: string
  eventTypeId: number
  hosts: Array<{ id: number }>
  attendees: Array<{ absent: boolean }>
}

async function bookingsOf(apiKey: string): Promise<ApiBooking[]> {
  const res = await h.app.inject({ url: '/v2/bookings?take=250', headers: auth(apiKey, BOOKINGS) })
  expect(res.json().pagination.hasNextPage).toBe(false)
  return res.json().data
}

describe('the demo seed', () => {
  it('is one business with two branch accounts, one in the Americas and one in Europe', () => {
    const zones = h.state.accounts.map((a) => a.timeZone)
    expect(h.state.accounts).toHaveLength(2)
    expect(zones.some((z) => z.startsWith('America/'))).toBe(true)
    expect(zones.some((z) => z.startsWith('Europe/'))).toBe(true)
    expect(new Set(h.state.accounts.map((a) => a.apiKey)).size).toBe(2)
    expect(h.state.accounts.every((a) => a.apiKey.startsWith('cal_'))).toBe(true)
    // the desk's public PKCE client with the loopback redirect
    expect(h.state.oauthClient).toEqual({
      clientId: 'frontdesk-desk',
      redirectUri: 'http://127.0.0.1:53682/callback',
      clientType: 'PUBLIC',
    })
  })

  it('gives each branch 3–4 staff and four event types, one needing confirmation and one paid', () => {
    for (const account of h.state.accounts) {
      expect(account.staff.length).toBeGreaterThanOrEqual(3)
      expect(account.staff.length).toBeLessThanOrEqual(4)
      expect(account.eventTypes).toHaveLength(4)
      expect(account.eventTypes.filter((e) => e.requiresConfirmation)).toHaveLength(1)
      expect(account.eventTypes.filter((e) => e.price > 0)).toHaveLength(1)
      const staffIds = account.staff.map((s) => s.id)
      for (const et of account.eventTypes) {
        expect(et.hostIds.length).toBeGreaterThan(0)
        expect(et.hostIds.every((id) => staffIds.includes(id))).toBe(true)
      }
    }
  })

  it('has realistic schedules: opening hours plus each stylist’s own week in the branch zone', async () => {
    for (const account of h.state.accounts) {
      const res = await h.app.inject({
        url: '/v2/schedules',
        headers: auth(account.apiKey, { 'cal-api-version': '2024-06-11' }),
      })
      const schedules = res.json().data as Array<{
        id: number
        isDefault: boolean
        timeZone: string
        availability: Array<{ days: string[]; startTime: string; endTime: string }>
      }>
      expect(schedules).toHaveLength(1 + account.staff.length)
      expect(schedules.filter((s) => s.isDefault).map((s) => s.id)).toEqual([
        account.defaultScheduleId,
      ])
      for (const s of schedules) {
        expect(s.timeZone).toBe(account.timeZone)
        const days = new Set(s.availability.flatMap((a) => a.days))
        // working weeks, not round-the-clock: 3–6 days, each range inside 07:00–22:00
        expect(days.size).toBeGreaterThanOrEqual(3)
        expect(days.size).toBeLessThanOrEqual(6)
        for (const a of s.availability) {
          expect(a.startTime >= '07:00' && a.endTime <= '22:00' && a.startTime < a.endTime).toBe(
            true,
          )
        }
      }
    }
  })

  it('has about a week of bookings around today, past and future, in every state', async () => {
    for (const account of h.state.accounts) {
      const list = await bookingsOf(account.apiKey)
      const today = DateTime.fromISO(NOW, { zone: account.timeZone }).startOf('day')
      const dayOf = (b: ApiBooking) =>
        Math.round(
          DateTime.fromISO(b.start, { zone: account.timeZone }).startOf('day').diff(today, 'days')
            .days,
        )
      const days = new Set(list.map(dayOf))
      expect(Math.min(...days)).toBeGreaterThanOrEqual(-4)
      expect(Math.max(...days)).toBeLessThanOrEqual(4)
      expect([...days].filter((d) => d < 0).length).toBeGreaterThanOrEqual(2)
      expect([...days].filter((d) => d > 0).length).toBeGreaterThanOrEqual(2)
      expect(days.has(0)).toBe(true)
      const statuses = new Set(list.map((b) => b.status))
      expect(statuses).toEqual(new Set(['accepted', 'pending', 'cancelled']))
      // pending ones are requests for the event type that needs confirmation, still ahead
      const needsConfirmation = account.eventTypes.find((e) => e.requiresConfirmation)!.id
      for (const b of list.filter((x) => x.status === 'pending')) {
        expect(b.eventTypeId).toBe(needsConfirmation)
        expect(Date.parse(b.end)).toBeGreaterThan(Date.parse(NOW))
      }
      // every booking is taken by one of the branch's staff, and staff never overlap themselves
      const staffIds = account.staff.map((s) => s.id)
      const live = list.filter((b) => b.status !== 'cancelled')
      for (const b of live) expect(staffIds).toContain(b.hosts[0]!.id)
      for (const a of live) {
        for (const b of live) {
          if (a.uid === b.uid || a.hosts[0]!.id !== b.hosts[0]!.id) continue
          expect(a.end <= b.start || b.end <= a.start).toBe(true)
        }
      }
    }
  })
})
