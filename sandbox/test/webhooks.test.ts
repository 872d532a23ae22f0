import { createHmac } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auth, BOOKINGS, firstSlot, harness, type Harness, NOW, receiver } from './helpers.js'

let h: Harness
let rx: Awaited<ReturnType<typeof receiver>>
beforeEach(async () => {
  h = await harness()
  rx = await receiver()
})
afterEach(async () => {
  await h.close()
  await rx.close()
})

const toronto = () => h.state.accounts.find((a) => a.timeZone === 'America/Toronto')!
const berlin = () => h.state.accounts.find((a) => a.timeZone === 'Europe/Berlin')!
const ALL = [
  'BOOKING_CREATED',
  'BOOKING_REQUESTED',
  'BOOKING_RESCHEDULED',
  'BOOKING_CANCELLED',
  'BOOKING_REJECTED',
  'BOOKING_NO_SHOW_UPDATED',
  'BOOKING_PAID',
  'MEETING_ENDED',
]

async function subscribe(apiKey: string, body: Record<string, unknown> = {}) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/v2/webhooks',
    headers: auth(apiKey),
    payload: {
      subscriberUrl: `${rx.url}/hook`,
      triggers: ALL,
      active: true,
      secret: 'whsec-1',
      ...body,
    },
  })
  expect(res.statusCode).toBe(201)
  return res.json().data
}

async function flush() {
  await h.app.inject({ method: 'POST', url: '/_sandbox/webhooks/flush' })
}

async function book(slug: string, account = toronto(), from = NOW) {
  const et = account.eventTypes.find((e) => e.slug === slug)!
  const start = await firstSlot(h.app, et.id, from)
  const res = await h.app.inject({
    method: 'POST',
    url: '/v2/bookings',
    headers: auth(account.apiKey, BOOKINGS),
    payload: {
      start,
      eventTypeId: et.id,
      attendee: { name: 'Rosa Diaz', email: 'rosa@example.com', timeZone: 'America/Toronto' },
    },
  })
  expect(res.statusCode).toBe(201)
  return res.json().data
}

describe('webhooks CRUD', () => {
  it('creates, lists, reads, updates and deletes; 409 on a duplicate subscriberUrl; other users get 403', async () => {
    const hook = await subscribe(toronto().apiKey)
    expect(hook.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(hook).toMatchObject({
      userId: toronto().userId,
      triggers: ALL,
      active: true,
      subscriberUrl: `${rx.url}/hook`,
    })
    const dup = await h.app.inject({
      method: 'POST',
      url: '/v2/webhooks',
      headers: auth(toronto().apiKey),
      payload: { subscriberUrl: `${rx.url}/hook`, triggers: ['BOOKING_CREATED'], active: true },
    })
    expect(dup.statusCode).toBe(409)
    expect(dup.json().error.code).toBe('ConflictException')
    // another account may use the same URL
    await subscribe(berlin().apiKey)

    const list = (
      await h.app.inject({ url: '/v2/webhooks', headers: auth(toronto().apiKey) })
    ).json().data
    expect(list.map((w: { id: string }) => w.id)).toEqual([hook.id])
    const patched = await h.app.inject({
      method: 'PATCH',
      url: `/v2/webhooks/${hook.id}`,
      headers: auth(toronto().apiKey),
      payload: { active: false },
    })
    expect(patched.json().data).toMatchObject({ active: false, triggers: ALL })
    expect(
      (await h.app.inject({ url: `/v2/webhooks/${hook.id}`, headers: auth(berlin().apiKey) }))
        .statusCode,
    ).toBe(403)
    expect(
      (
        await h.app.inject({
          method: 'DELETE',
          url: `/v2/webhooks/${hook.id}`,
          headers: auth(berlin().apiKey),
        })
      ).statusCode,
    ).toBe(403)
    const deleted = await h.app.inject({
      method: 'DELETE',
      url: `/v2/webhooks/${hook.id}`,
      headers: auth(toronto().apiKey),
    })
    expect(deleted.json().data.id).toBe(hook.id)
    expect(
      (await h.app.inject({ url: `/v2/webhooks/${hook.id}`, headers: auth(toronto().apiKey) }))
        .statusCode,
    ).toBe(404)
    const bad = await h.app.inject({
      method: 'POST',
      url: '/v2/webhooks',
      headers: auth(toronto().apiKey),
      payload: { subscriberUrl: 'x', triggers: ['NOPE'], active: true },
    })
    expect(bad.statusCode).toBe(400)
  })
})

describe('webhook delivery', () => {
  it('signs the exact compact body with HMAC-SHA256 hex and sends the version header', async () => {
    await subscribe(toronto().apiKey)
    const booking = await book('haircut')
    expect(rx.received).toHaveLength(0) // delivered after the API answered, not within it
    await flush()
    expect(rx.received).toHaveLength(1)
    const got = rx.received[0]!
    expect(got.headers['content-type']).toBe('application/json')
    expect(got.headers['x-cal-webhook-version']).toBe('2021-10-20')
    expect(got.headers['x-cal-signature-256']).toBe(
      createHmac('sha256', 'whsec-1').update(got.body).digest('hex'),
    )
    expect(got.body).toBe(JSON.stringify(JSON.parse(got.body)))
    const body = JSON.parse(got.body)
    expect(Object.keys(body)).toEqual(['triggerEvent', 'createdAt', 'payload'])
    expect(body).toMatchObject({
      triggerEvent: 'BOOKING_CREATED',
      payload: { uid: booking.uid, bookingId: booking.id, status: 'ACCEPTED', type: 'haircut' },
    })
  })

  it('sends no-secret-provided without a secret, and only to the account whose booking changed', async () => {
    await subscribe(toronto().apiKey, { secret: undefined })
    const other = await receiver()
    await h.app.inject({
      method: 'POST',
      url: '/v2/webhooks',
      headers: auth(berlin().apiKey),
      payload: { subscriberUrl: other.url, triggers: ALL, active: true },
    })
    await book('haircut')
    await flush()
    expect(rx.received[0]!.headers['x-cal-signature-256']).toBe('no-secret-provided')
    expect(other.received).toHaveLength(0)
    await other.close()
  })

  it('carries the per-trigger differences: requested, rescheduled, cancelled, rejected, no-show, paid', async () => {
    await subscribe(toronto().apiKey)
    const key = auth(toronto().apiKey, BOOKINGS)
    const pending = await book('full-colour')
    await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${pending.uid}/decline`,
      headers: key,
      payload: { reason: 'Fully booked' },
    })
    const cut = await book('haircut')
    const later = await firstSlot(
      h.app,
      cut.eventTypeId,
      new Date(Date.parse(NOW) + 3 * 86_400_000).toISOString(),
    )
    const moved = (
      await h.app.inject({
        method: 'POST',
        url: `/v2/bookings/${cut.uid}/reschedule`,
        headers: key,
        payload: { start: later },
      })
    ).json().data
    await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${moved.uid}/cancel`,
      headers: key,
      payload: { cancellationReason: 'Ill' },
    })
    const paid = (
      await h.app.inject({
        method: 'POST',
        url: '/_sandbox/book',
        payload: {
          eventTypeId: toronto().eventTypes.find((e) => e.slug === 'bridal-trial')!.id,
          start: await firstSlot(
            h.app,
            toronto().eventTypes.find((e) => e.slug === 'bridal-trial')!.id,
          ),
          attendee: { name: 'Bride', email: 'bride@example.com', timeZone: 'America/Toronto' },
          pay: true,
        },
      })
    ).json().data
    await h.app.inject({ method: 'POST', url: '/_sandbox/clock', payload: { now: paid.start } })
    await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${paid.uid}/mark-absent`,
      headers: key,
      payload: { attendees: [{ email: 'bride@example.com', absent: true }] },
    })
    await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${paid.uid}/mark-absent`,
      headers: key,
      payload: { host: true },
    })
    await flush()

    // Deliveries run concurrently, as on Cal.com: arrival order is not guaranteed, the log's is.
    const log = (await h.app.inject({ url: '/_sandbox/deliveries' })).json().deliveries as Array<{
      body: string
      statusCode: number
    }>
    expect(log.every((d) => d.statusCode === 200)).toBe(true)
    expect(rx.received.map((r) => r.body).sort()).toEqual(log.map((d) => d.body).sort())
    const bodies = log.map((d) => JSON.parse(d.body))
    expect(bodies.map((b) => b.triggerEvent)).toEqual([
      'BOOKING_REQUESTED',
      'BOOKING_REJECTED',
      'BOOKING_CREATED',
      'BOOKING_RESCHEDULED',
      'BOOKING_CANCELLED',
      'BOOKING_CREATED',
      'BOOKING_PAID',
      'BOOKING_NO_SHOW_UPDATED',
    ]) // marking only the host absent fires nothing
    const [requested, rejected, , rescheduled, cancelled, , paidHook, noShow] = bodies
    expect(requested.payload.status).toBe('PENDING')
    expect(rejected.payload).toMatchObject({ status: 'REJECTED', rejectionReason: 'Fully booked' })
    expect(rescheduled.payload).toMatchObject({
      uid: moved.uid,
      rescheduleUid: cut.uid,
      rescheduleStartTime: cut.start,
      status: 'ACCEPTED',
    })
    expect(cancelled.payload).toMatchObject({
      uid: moved.uid,
      status: 'CANCELLED',
      cancellationReason: 'Ill',
      requestReschedule: false,
    })
    expect(paidHook.payload).toMatchObject({
      uid: paid.uid,
      status: 'ACCEPTED',
      paymentId: expect.any(Number),
    })
    expect(noShow.payload).toEqual({
      message: 'bride@example.com marked as no-show',
      attendees: [{ email: 'bride@example.com', noShow: true }],
      bookingUid: paid.uid,
      bookingId: paid.id,
    })
  })

  it('a reschedule needs confirmation again unless the organizer makes it (BOOKING_REQUESTED)', async () => {
    await subscribe(toronto().apiKey)
    const key = auth(toronto().apiKey, BOOKINGS)
    const colourId = toronto().eventTypes.find((e) => e.slug === 'full-colour')!.id
    const dayAfter = (days: number) => new Date(Date.parse(NOW) + days * 86_400_000).toISOString()
    const pending = await book('full-colour')
    // the organizer moves a pending request: accepted at once, BOOKING_RESCHEDULED
    const byOwner = await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${pending.uid}/reschedule`,
      headers: key,
      payload: { start: await firstSlot(h.app, colourId, dayAfter(2)) },
    })
    expect(byOwner.json().data).toMatchObject({
      status: 'accepted',
      rescheduledFromUid: pending.uid,
    })
    // the client moves it through their link: pending again, BOOKING_REQUESTED with the old uid
    const byClient = await h.app.inject({
      method: 'POST',
      url: `/_sandbox/bookings/${byOwner.json().data.uid}/reschedule`,
      payload: { start: await firstSlot(h.app, colourId, dayAfter(4)) },
    })
    const fresh = byClient.json().data
    expect(fresh).toMatchObject({ status: 'pending', rescheduledFromUid: byOwner.json().data.uid })
    const old = await h.app.inject({ url: `/v2/bookings/${byOwner.json().data.uid}`, headers: key })
    expect(old.json().data).toMatchObject({ status: 'cancelled', rescheduledToUid: fresh.uid })
    // an event type without confirmation stays accepted whoever moves it
    const cut = await book('haircut')
    const moved = await h.app.inject({
      method: 'POST',
      url: `/_sandbox/bookings/${cut.uid}/reschedule`,
      payload: { start: await firstSlot(h.app, cut.eventTypeId, dayAfter(3)) },
    })
    expect(moved.json().data.status).toBe('accepted')
    await flush()
    const bodies = (await h.app.inject({ url: '/_sandbox/deliveries' }))
      .json()
      .deliveries.map((d: { body: string }) => JSON.parse(d.body))
    expect(bodies.map((b: { triggerEvent: string }) => b.triggerEvent)).toEqual([
      'BOOKING_REQUESTED',
      'BOOKING_RESCHEDULED',
      'BOOKING_REQUESTED',
      'BOOKING_CREATED',
      'BOOKING_RESCHEDULED',
    ])
    expect(bodies[1].payload).toMatchObject({ status: 'ACCEPTED', rescheduleUid: pending.uid })
    expect(bodies[2].payload).toMatchObject({
      status: 'PENDING',
      uid: fresh.uid,
      rescheduleUid: byOwner.json().data.uid,
    })
    expect(bodies[0].payload.rescheduleUid).toBeUndefined()
  })

  it("the public booking page and the organizer's request-reschedule fire webhooks too", async () => {
    await subscribe(toronto().apiKey)
    const et = toronto().eventTypes.find((e) => e.slug === 'haircut')!
    const res = await h.app.inject({
      method: 'POST',
      url: '/_sandbox/book',
      payload: {
        eventTypeId: et.id,
        start: await firstSlot(h.app, et.id),
        attendee: { name: 'Walk In', email: 'walk@example.com', timeZone: 'UTC' },
      },
    })
    expect(res.statusCode).toBe(201)
    const uid = res.json().data.uid
    await h.app.inject({
      method: 'POST',
      url: `/_sandbox/bookings/${uid}/request-reschedule`,
      payload: { reason: 'Stylist ill' },
    })
    await flush()
    const [created, cancelled] = rx.received.map((r) => JSON.parse(r.body))
    expect(created.triggerEvent).toBe('BOOKING_CREATED')
    expect(cancelled.payload).toMatchObject({
      requestReschedule: true,
      cancellationReason: 'Please reschedule. Stylist ill',
    })
  })

  it('MEETING_STARTED/ENDED are flat, signed, sent once the start/end has passed, not for cancelled', async () => {
    await subscribe(toronto().apiKey, { triggers: ['MEETING_STARTED', 'MEETING_ENDED'] })
    const booking = await book('haircut')
    const dropped = await book('haircut', toronto(), booking.end)
    await h.app.inject({
      method: 'POST',
      url: `/v2/bookings/${dropped.uid}/cancel`,
      headers: auth(toronto().apiKey, BOOKINGS),
      payload: {},
    })
    const moveClockTo = async (ms: number) => {
      await h.app.inject({
        method: 'POST',
        url: '/_sandbox/clock',
        payload: { now: new Date(ms).toISOString() },
      })
      await flush()
    }
    await flush()
    expect(rx.received).toHaveLength(0)
    await moveClockTo(Date.parse(booking.start) + 60_000)
    expect(rx.received.map((r) => JSON.parse(r.body).triggerEvent)).toEqual(['MEETING_STARTED'])
    await moveClockTo(Date.parse(booking.end) - 60_000)
    expect(rx.received).toHaveLength(1)
    await moveClockTo(Date.parse(dropped.end) + 60_000)
    expect(rx.received).toHaveLength(2)
    const got = rx.received[1]!
    expect(got.headers['x-cal-signature-256']).toBe(
      createHmac('sha256', 'whsec-1').update(got.body).digest('hex'),
    )
    const body = JSON.parse(got.body)
    expect(body.payload).toBeUndefined()
    expect(body.createdAt).toBe(booking.createdAt) // the booking row's, not an envelope's
    expect(body).toMatchObject({
      triggerEvent: 'MEETING_ENDED',
      uid: booking.uid,
      id: booking.id,
      status: 'ACCEPTED',
    })
  })

  it('does not retry a non-2xx answer and does not follow redirects', async () => {
    const failing = await receiver(() => ({ status: 500 }))
    const redirecting = await receiver(() => ({
      status: 302,
      headers: { location: `${rx.url}/moved` },
    }))
    for (const url of [failing.url, redirecting.url]) {
      await h.app.inject({
        method: 'POST',
        url: '/v2/webhooks',
        headers: auth(toronto().apiKey),
        payload: { subscriberUrl: url, triggers: ['BOOKING_CREATED'], active: true },
      })
    }
    await book('haircut')
    await flush()
    expect(failing.received).toHaveLength(1)
    expect(redirecting.received).toHaveLength(1)
    expect(rx.received).toHaveLength(0)
    const log = (await h.app.inject({ url: '/_sandbox/deliveries' })).json().deliveries
    expect(log.map((d: { statusCode: number }) => d.statusCode).sort()).toEqual([302, 500])
    await failing.close()
    await redirecting.close()
  })

  it('applies a JSON payloadTemplate (Handlebars over payload + triggerEvent + createdAt), signed', async () => {
    await subscribe(toronto().apiKey, {
      payloadTemplate:
        '{"event":"{{triggerEvent}}","at":"{{createdAt}}","uid":"{{uid}}","who":"{{attendees.0.name}}","host":"{{organizer.name}}","title":"{{title}}"}',
    })
    const booking = await book('haircut')
    await flush()
    const got = rx.received[0]!
    expect(got.headers['content-type']).toBe('application/json')
    expect(got.headers['x-cal-signature-256']).toBe(
      createHmac('sha256', 'whsec-1').update(got.body).digest('hex'),
    )
    const body = JSON.parse(got.body)
    expect(got.body).toBe(JSON.stringify(body)) // re-serialized compact
    expect(Object.keys(body)).toEqual(['event', 'at', 'uid', 'who', 'host', 'title'])
    expect(body).toMatchObject({
      event: 'BOOKING_CREATED',
      uid: booking.uid,
      who: 'Rosa Diaz',
      host: booking.hosts[0].name,
      // {{ }} HTML-escapes as in Cal.com: "Haircut & style" arrives as "Haircut &amp; style"
      title: booking.title.replace(/&/g, '&amp;'),
    })
    expect(body.title).toContain('&amp;')
    expect(Date.parse(body.at)).not.toBeNaN()
  })

  it('sends a non-JSON payloadTemplate as form-encoded raw text, HTML-escaped as Handlebars does', async () => {
    await subscribe(toronto().apiKey, {
      payloadTemplate: 'event={{triggerEvent}}&who={{attendees.0.name}}',
    })
    const et = toronto().eventTypes.find((e) => e.slug === 'haircut')!
    const start = await firstSlot(h.app, et.id)
    await h.app.inject({
      method: 'POST',
      url: '/v2/bookings',
      headers: auth(toronto().apiKey, BOOKINGS),
      payload: {
        start,
        eventTypeId: et.id,
        attendee: { name: `O'Brien & "Co"`, email: 'ob@example.com', timeZone: 'UTC' },
      },
    })
    await flush()
    const got = rx.received[0]!
    expect(got.headers['content-type']).toBe('application/x-www-form-urlencoded')
    // Handlebars escapes & and '; Cal.com puts the &quot; back to a quote
    expect(got.body).toBe('event=BOOKING_CREATED&who=O&#x27;Brien &amp; "Co"')
  })

  it('does not apply the template to flat MEETING_ENDED; a broken template posts nothing', async () => {
    await subscribe(toronto().apiKey, { payloadTemplate: '{"uid":"{{uid}}"}' })
    const broken = await receiver()
    await h.app.inject({
      method: 'POST',
      url: '/v2/webhooks',
      headers: auth(toronto().apiKey),
      payload: {
        subscriberUrl: broken.url,
        triggers: ['BOOKING_CREATED'],
        active: true,
        payloadTemplate: '{{#if uid}}never closed',
      },
    })
    const booking = await book('haircut')
    await h.app.inject({
      method: 'POST',
      url: '/_sandbox/clock',
      payload: { now: new Date(Date.parse(booking.end) + 60_000).toISOString() },
    })
    await flush()
    const bodies = rx.received.map((r) => JSON.parse(r.body))
    expect(bodies[0]).toEqual({ uid: booking.uid })
    expect(bodies[1]).toMatchObject({
      triggerEvent: 'MEETING_ENDED',
      uid: booking.uid,
      id: booking.id,
    })
    expect(broken.received).toHaveLength(0)
    const log = (await h.app.inject({ url: `/_sandbox/deliveries?target=${broken.url}` })).json()
    expect(log.deliveries[0].error).toMatch(/^payloadTemplate failed/)
    await broken.close()
  })
})
