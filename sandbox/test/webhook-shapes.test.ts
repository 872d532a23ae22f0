import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auth, BOOKINGS, firstSlot, harness, type Harness, NOW, receiver } from './helpers.js'

const examples = new URL('../../test/fixtures/calcom/webhook-examples/', import.meta.url)
const example = (file: string) =>
  JSON.parse(readFileSync(new URL(file, examples), 'utf8')) as Record<string, unknown>

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
const kind = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)

/** Paths where the sandbox's body differs in shape from the real example: missing, extra, other type. */
function shapeDiff(real: Json, ours: Json, path = ''): string[] {
  if (real === null || ours === null) return [] // null stands in for "may be absent" in the examples
  if (kind(real) !== kind(ours)) return [`${path}: ${kind(real)} vs ${kind(ours)}`]
  if (Array.isArray(real) && Array.isArray(ours)) {
    return real.length && ours.length ? shapeDiff(real[0]!, ours[0]!, `${path}[0]`) : []
  }
  if (kind(real) !== 'object') return []
  const r = real as Record<string, Json>
  const o = ours as Record<string, Json>
  const out: string[] = []
  for (const k of Object.keys(r)) {
    if (!(k in o)) out.push(`${path}.${k}: missing`)
    else out.push(...shapeDiff(r[k]!, o[k]!, `${path}.${k}`))
  }
  for (const k of Object.keys(o)) if (!(k in r)) out.push(`${path}.${k}: extra`)
  return out
}

// Differences that are the examples' own quirks (REFERENCE.md §4.9: "the docs examples are
// illustrative"), not the sandbox's: each is named here.
const KNOWN: Record<string, string[]> = {
  // REFERENCE.md §4.9: the docs example of BOOKING_PAID shows `timeFormat: 12`; every other body says "h:mma"
  'booking_paid.json': ['.payload.organizer.timeFormat: number vs string'],
  // REFERENCE.md §4.6 lists rescheduledBy for RESCHEDULED and cancelledBy for CANCELLED; the docs examples omit them
  'booking_rescheduled.json': ['.payload.rescheduledBy: extra'],
  'booking_cancelled.json': ['.payload.cancelledBy: extra'],
}

let h: Harness
let rx: Awaited<ReturnType<typeof receiver>>
const sent = new Map<string, Json>()

beforeAll(async () => {
  h = await harness()
  rx = await receiver()
  const a = h.state.accounts[0]!
  await h.app.inject({
    method: 'POST',
    url: '/v2/webhooks',
    headers: auth(a.apiKey),
    payload: {
      subscriberUrl: rx.url,
      triggers: [
        'BOOKING_CREATED',
        'BOOKING_REQUESTED',
        'BOOKING_RESCHEDULED',
        'BOOKING_CANCELLED',
        'BOOKING_REJECTED',
        'BOOKING_PAID',
        'BOOKING_NO_SHOW_UPDATED',
        'MEETING_ENDED',
      ],
      active: true,
      secret: 's',
    },
  })
  const bk = auth(a.apiKey, BOOKINGS)
  const type = (slug: string) => a.eventTypes.find((e) => e.slug === slug)!.id
  const notes = 'Standard meeting notes placeholder'
  const create = async (slug: string, withNotes: boolean, from = NOW) =>
    (
      await h.app.inject({
        method: 'POST',
        url: '/v2/bookings',
        headers: bk,
        payload: {
          start: await firstSlot(h.app, type(slug), from, 5),
          eventTypeId: type(slug),
          attendee: { name: 'Guest User', email: 'guest@example.com', timeZone: 'UTC' },
          guests: ['additional-guest@example.com'],
          ...(withNotes ? { bookingFieldsResponses: { notes } } : {}),
        },
      })
    ).json().data
  const later = (days: number) => new Date(Date.parse(NOW) + days * 86_400_000).toISOString()
  const reschedule = async (uid: string, days: number, reason?: string) =>
    (
      await h.app.inject({
        method: 'POST',
        url: `/v2/bookings/${uid}/reschedule`,
        headers: bk,
        payload: {
          start: await firstSlot(h.app, type('colour-consultation'), later(days)),
          ...(reason ? { reschedulingReason: reason } : {}),
        },
      })
    ).json().data
  // one chain per example, matching what each example's booking had (notes, a reschedule reason)
  const created = await create('colour-consultation', false)
  const moved = await reschedule((await create('colour-consultation', true)).uid, 2)
  const toCancel = await reschedule(
    (await create('colour-consultation', true)).uid,
    3,
    'Original slot no longer works.',
  )
  await h.app.inject({
    method: 'POST',
    url: `/v2/bookings/${toCancel.uid}/cancel`,
    headers: bk,
    payload: { cancellationReason: 'Ill' },
  })
  const toRequest = await reschedule(
    (await create('colour-consultation', true)).uid,
    4,
    'Original slot no longer works.',
  )
  await h.app.inject({
    method: 'POST',
    url: `/_sandbox/bookings/${toRequest.uid}/request-reschedule`,
    payload: { reason: 'Practitioner unavailable' },
  })
  const pending = await create('full-colour', true)
  await h.app.inject({
    method: 'POST',
    url: `/v2/bookings/${pending.uid}/decline`,
    headers: bk,
    payload: { reason: 'Fully booked' },
  })
  const bridal = await create('bridal-trial', false)
  await h.app.inject({ method: 'POST', url: `/_sandbox/bookings/${bridal.uid}/pay` })
  const cut = await create('colour-consultation', false)
  await h.app.inject({
    method: 'POST',
    url: '/_sandbox/clock',
    payload: { now: new Date(Date.parse(cut.end) + 60_000).toISOString() },
  })
  await h.app.inject({
    method: 'POST',
    url: `/v2/bookings/${cut.uid}/mark-absent`,
    headers: bk,
    payload: { attendees: [{ email: 'guest@example.com', absent: true }] },
  })
  await h.app.inject({
    method: 'POST',
    url: `/v2/bookings/${cut.uid}/mark-absent`,
    headers: bk,
    payload: { attendees: [{ email: 'guest@example.com', absent: false }] },
  })
  await h.app.inject({ method: 'POST', url: '/_sandbox/webhooks/flush' })
  const log = (await h.app.inject({ url: '/_sandbox/deliveries' })).json().deliveries as Array<{
    trigger: string
    body: string
  }>
  const bodies = log.map((d) => JSON.parse(d.body) as Record<string, Json>)
  const pick = (pred: (b: Record<string, Json>) => boolean) => bodies.find(pred)!
  const payload = (b: Record<string, Json>) => (b.payload ?? {}) as Record<string, Json>
  sent.set(
    'booking_created.json',
    pick((b) => b.triggerEvent === 'BOOKING_CREATED' && payload(b).uid === created.uid),
  )
  sent.set(
    'booking_rescheduled.json',
    pick((b) => b.triggerEvent === 'BOOKING_RESCHEDULED' && payload(b).uid === moved.uid),
  )
  sent.set(
    'booking_cancelled.json',
    pick((b) => b.triggerEvent === 'BOOKING_CANCELLED' && payload(b).requestReschedule === false),
  )
  sent.set(
    'booking_cancelled_request_reschedule.ASSEMBLED.json',
    pick((b) => b.triggerEvent === 'BOOKING_CANCELLED' && payload(b).requestReschedule === true),
  )
  sent.set(
    'booking_requested.json',
    pick((b) => b.triggerEvent === 'BOOKING_REQUESTED'),
  )
  sent.set(
    'booking_rejected.json',
    pick((b) => b.triggerEvent === 'BOOKING_REJECTED'),
  )
  sent.set(
    'booking_paid.json',
    pick((b) => b.triggerEvent === 'BOOKING_PAID'),
  )
  sent.set(
    'booking_no_show_updated.json',
    pick(
      (b) =>
        b.triggerEvent === 'BOOKING_NO_SHOW_UPDATED' &&
        (payload(b).attendees as Array<{ noShow: boolean }>)[0]!.noShow,
    ),
  )
  sent.set(
    'booking_no_show_updated_unmarked.json',
    pick(
      (b) =>
        b.triggerEvent === 'BOOKING_NO_SHOW_UPDATED' &&
        !(payload(b).attendees as Array<{ noShow: boolean }>)[0]!.noShow,
    ),
  )
  sent.set(
    'meeting_ended.json',
    pick((b) => b.triggerEvent === 'MEETING_ENDED'),
  )
})
afterAll(async () => {
  await h.close()
  await rx.close()
})

describe('webhook bodies have the shape of the real examples', () => {
  const files = [
    'booking_created.json',
    'booking_rescheduled.json',
    'booking_cancelled.json',
    'booking_cancelled_request_reschedule.ASSEMBLED.json',
    'booking_requested.json',
    'booking_rejected.json',
    'booking_paid.json',
    'booking_no_show_updated.json',
    'booking_no_show_updated_unmarked.json',
    'meeting_ended.json',
  ]
  it.each(files)('%s', (file) => {
    const ours = sent.get(file)
    expect(ours, `the sandbox sent nothing for ${file}`).toBeDefined()
    expect(shapeDiff(example(file) as Json, ours!)).toEqual(KNOWN[file] ?? [])
  })
})
