import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auth, BOOKINGS, firstSlot, harness, type Harness, NOW } from './helpers.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(async () => {
  await h.close()
})

const toronto = () => h.state.accounts.find((a) => a.timeZone === 'America/Toronto')!
const berlin = () => h.state.accounts.find((a) => a.timeZone === 'Europe/Berlin')!
const eventType = (slug: string, account = toronto()) =>
  account.eventTypes.find((e) => e.slug === slug)!

async function book(slug: string, extra: Record<string, unknown> = {}) {
  const et = eventType(slug)
  const start = await firstSlot(h.app, et.id)
  const res = await h.app.inject({
    method: 'POST',
    url: '/v2/bookings',
    headers: auth(toronto().apiKey, BOOKINGS),
    payload: {
      start,
      eventTypeId: et.id,
      attendee: { name: 'Rosa Diaz', email: 'rosa@example.com', timeZone: 'America/Toronto' },
      ...extra,
    },
  })
  return { res, start, et }
}

describe('bookings', () => {
  it('creates a booking in a free slot and refuses the same slot once taken with the 400 envelope', async () => {
    const { res, start, et } = await book('haircut')
    expect(res.statusCode).toBe(201)
    const booking = res.json().data
    expect(booking).toMatchObject({
      status: 'accepted',
      start,
      eventType: { id: et.id, slug: 'haircut' },
      duration: 45,
    })
    const host = booking.hosts[0].id as number

    const again = await h.app.inject({
      method: 'POST',
      url: '/v2/bookings',
      headers: auth(toronto().apiKey, BOOKINGS),
      payload: {
        start,
        eventTypeId: et.id,
        attendee: { name: 'Jake P', timeZone: 'UTC' },
        routing: { teamMemberIds: [host] },
      },
    })
    expect(again.statusCode).toBe(400)
    expect(again.json()).toMatchObject({
      status: 'error',
      path: '/v2/bookings',
      error: { code: 'BadRequestException', message: expect.stringContaining('not available') },
    })
    expect(again.json().timestamp).toMatch(/^\d{4}-\d\d-\d\dT/)
  })

  it('requires-confirmation event types create pending bookings; confirm and decline work on pending only', async () => {
    const { res } = await book('full-colour')
    const pending = res.json().data
    expect(pending.status).toBe('pending')
    const headers = auth(toronto().apiKey, BOOKINGS)
    const confirmed = await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${pending.uid}/confirm`,
      headers,
    })
    expect(confirmed.json().data.status).toBe('accepted')
    const again = await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${pending.uid}/decline`,
      headers,
      payload: { reason: 'x' },
    })
    expect(again.statusCode).toBe(400)

    const second = (await book('full-colour')).res.json().data
    const declined = await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${second.uid}/decline`,
      headers,
      payload: { reason: 'Fully booked' },
    })
    expect(declined.json().data.status).toBe('rejected')
  })

  it('reschedule creates a new uid, cancels the old one with rescheduledToUid, and cannot be repeated', async () => {
    const { res, et } = await book('haircut')
    const old = res.json().data
    const later = await firstSlot(
      h.app,
      et.id,
      new Date(Date.parse(NOW) + 2 * 86_400_000).toISOString(),
    )
    const headers = auth(toronto().apiKey, BOOKINGS)
    const moved = await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${old.uid}/reschedule`,
      headers,
      payload: { start: later, reschedulingReason: 'Clash' },
    })
    expect(moved.statusCode).toBe(201)
    const fresh = moved.json().data
    expect(fresh.uid).not.toBe(old.uid)
    expect(fresh).toMatchObject({ start: later, rescheduledFromUid: old.uid, status: 'accepted' })
    const oldNow = (await h.app.inject({ url: `/v2/bookings/${old.uid}`, headers })).json().data
    expect(oldNow).toMatchObject({ status: 'cancelled', rescheduledToUid: fresh.uid })

    const twice = await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${old.uid}/reschedule`,
      headers,
      payload: { start: later },
    })
    expect(twice.statusCode).toBe(400)
    expect(twice.json().error.message).toContain(fresh.uid)

    await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${fresh.uid}/cancel`,
      headers,
      payload: { cancellationReason: 'Ill' },
    })
    const afterCancel = await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${fresh.uid}/reschedule`,
      headers,
      payload: { start: later },
    })
    expect(afterCancel.statusCode).toBe(400)
  })

  it('cancel records the reason; a second cancel is refused', async () => {
    const old = (await book('haircut')).res.json().data
    const headers = auth(toronto().apiKey, BOOKINGS)
    const res = await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${old.uid}/cancel`,
      headers,
      payload: { cancellationReason: 'Moving away' },
    })
    expect(res.json().data).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Moving away',
    })
    const again = await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${old.uid}/cancel`,
      headers,
      payload: {},
    })
    expect(again.statusCode).toBe(400)
  })

  it('mark-absent is refused before the start time and works after it', async () => {
    const future = (await book('haircut')).res.json().data
    const headers = auth(toronto().apiKey, BOOKINGS)
    const early = await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${future.uid}/mark-absent`,
      headers,
      payload: { attendees: [{ email: 'rosa@example.com', absent: true }] },
    })
    expect(early.statusCode).toBe(400)
    expect(early.json().error.message).toMatch(/only be marked as absent after/)

    await h.app.inject({ method: 'POST', url: '/_sandbox/clock', payload: { now: future.end } })
    const late = await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${future.uid}/mark-absent`,
      headers,
      payload: { host: true, attendees: [{ email: 'rosa@example.com', absent: true }] },
    })
    expect(late.statusCode).toBe(200)
    expect(late.json().data).toMatchObject({
      absentHost: true,
      attendees: [{ email: 'rosa@example.com', absent: true }],
    })
  })

  it('lists with status, attendee, time and updatedAt filters, sorting and pagination', async () => {
    const headers = auth(toronto().apiKey, BOOKINGS)
    const mine = (await book('haircut')).res.json().data
    const all = (await h.app.inject({ url: '/v2/bookings?take=250', headers })).json()
    expect(all.pagination.totalItems).toBeGreaterThan(10)
    expect(
      all.data.every(
        (b: { hosts: Array<{ timeZone: string }> }) => b.hosts[0]!.timeZone === 'America/Toronto',
      ),
    ).toBe(true)

    const byEmail = (
      await h.app.inject({ url: '/v2/bookings?attendeeEmail=rosa@example.com', headers })
    ).json()
    expect(byEmail.data.map((b: { uid: string }) => b.uid)).toEqual([mine.uid])

    const updated = (
      await h.app.inject({ url: `/v2/bookings?afterUpdatedAt=${NOW}`, headers })
    ).json()
    expect(updated.data.map((b: { uid: string }) => b.uid)).toEqual([mine.uid])
    const created = (
      await h.app.inject({ url: `/v2/bookings?afterCreatedAt=${NOW}`, headers })
    ).json()
    expect(created.data.map((b: { uid: string }) => b.uid)).toEqual([mine.uid])
    const before = (
      await h.app.inject({ url: `/v2/bookings?beforeCreatedAt=${NOW}&take=250`, headers })
    ).json()
    expect(before.pagination.totalItems).toBe(all.pagination.totalItems - 1)

    const past = (await h.app.inject({ url: '/v2/bookings?status=past&take=250', headers })).json()
      .data
    expect(past.length).toBeGreaterThan(0)
    expect(past.every((b: { end: string }) => Date.parse(b.end) < Date.parse(NOW))).toBe(true)
    const upcoming = (
      await h.app.inject({
        url: '/v2/bookings?status=upcoming,unconfirmed&sortStart=desc&take=250',
        headers,
      })
    ).json().data
    const starts = upcoming.map((b: { start: string }) => Date.parse(b.start))
    expect(starts).toEqual([...starts].sort((a, b) => b - a))

    const window = (
      await h.app.inject({
        url: `/v2/bookings?afterStart=${NOW}&beforeEnd=${mine.end}&take=250`,
        headers,
      })
    ).json().data
    expect(
      window.every((b: { start: string; end: string }) => b.start >= NOW && b.end <= mine.end),
    ).toBe(true)

    const page2 = (await h.app.inject({ url: '/v2/bookings?take=5&skip=5', headers })).json()
    expect(page2.data).toHaveLength(5)
    expect(page2.pagination).toMatchObject({
      itemsPerPage: 5,
      currentPage: 2,
      returnedItems: 5,
      hasPreviousPage: true,
      totalItems: all.pagination.totalItems,
    })

    const bad = await h.app.inject({ url: '/v2/bookings?status=someday', headers })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.message).toContain('status')
  })

  it('enforces metadata limits (50 keys, 40-char keys, 500-char values)', async () => {
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']))
    for (const metadata of [tooMany, { ['k'.repeat(41)]: 'v' }, { note: 'x'.repeat(501) }]) {
      const { res } = await book('haircut', { metadata })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.code).toBe('BadRequestException')
    }
    const ok = await book('haircut', { metadata: { frontdeskMutationId: 'm-1' } })
    expect(ok.res.json().data.metadata).toEqual({ frontdeskMutationId: 'm-1' })
  })

  it('without the right cal-api-version a bookings call does not silently work', async () => {
    for (const version of [undefined, '2024-04-15', '2026-02-25']) {
      const headers = {
        ...auth(toronto().apiKey),
        ...(version ? { 'cal-api-version': version } : {}),
      }
      const res = await h.app.inject({ url: '/v2/bookings', headers })
      expect(res.statusCode).toBe(404)
      expect(res.json().error.message).toContain('2024-08-13')
    }
  })

  it('401 envelope without auth; an account sees and changes only its own bookings', async () => {
    const none = await h.app.inject({ url: '/v2/bookings', headers: BOOKINGS })
    expect(none.statusCode).toBe(401)
    expect(none.json()).toMatchObject({ status: 'error', error: { code: 'UnauthorizedException' } })
    const badKey = await h.app.inject({ url: '/v2/me', headers: auth('cal_test_nope') })
    expect(badKey.statusCode).toBe(401)

    const mine = (await book('haircut')).res.json().data
    const theirs = auth(berlin().apiKey, BOOKINGS)
    const list = (await h.app.inject({ url: '/v2/bookings?take=250', headers: theirs })).json().data
    expect(list.some((b: { uid: string }) => b.uid === mine.uid)).toBe(false)
    expect(
      (await h.app.inject({ url: `/v2/bookings/${mine.uid}`, headers: theirs })).statusCode,
    ).toBe(403)
    const cancel = await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${mine.uid}/cancel`,
      headers: theirs,
      payload: {},
    })
    expect(cancel.statusCode).toBe(403)
    const et = await h.app.inject({
      url: `/v2/event-types/${eventType('haircut').id}`,
      headers: auth(berlin().apiKey, { 'cal-api-version': '2024-06-14' }),
    })
    expect(et.statusCode).toBe(403)
  })

  it('event types, schedules and me describe the branch', async () => {
    const key = toronto().apiKey
    const me = (await h.app.inject({ url: '/v2/me', headers: auth(key) })).json().data
    expect(me).toMatchObject({ username: toronto().username, timeZone: 'America/Toronto' })
    const types = (
      await h.app.inject({
        url: '/v2/event-types',
        headers: auth(key, { 'cal-api-version': '2024-06-14' }),
      })
    ).json().data
    expect(types.map((t: { slug: string }) => t.slug).sort()).toEqual([
      'bridal-trial',
      'colour-consultation',
      'full-colour',
      'haircut',
    ])
    expect(types.find((t: { slug: string }) => t.slug === 'bridal-trial').price).toBeGreaterThan(0)
    const schedules = (
      await h.app.inject({
        url: '/v2/schedules',
        headers: auth(key, { 'cal-api-version': '2024-06-11' }),
      })
    ).json().data
    expect(schedules.filter((s: { isDefault: boolean }) => s.isDefault)).toHaveLength(1)
    expect(schedules).toHaveLength(1 + toronto().staff.length)
    const def = (
      await h.app.inject({
        url: '/v2/schedules/default',
        headers: auth(key, { 'cal-api-version': '2024-06-11' }),
      })
    ).json().data
    expect(def.id).toBe(me.defaultScheduleId)
  })
})
