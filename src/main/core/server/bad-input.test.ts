// Bad input on every local API route (issue 12, item 5): each kind of bad input, on each route
// that takes that kind of input, is answered 400 in the `{error:{code,reason,field,message}}`
// shape with the field and the reason the UI words named, never a 500 and never silently dropped;
// and nothing changes: no appointment, no outbox row, no call to Cal.com (the sandbox, behind a
// link that counts what passes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import type { ValidationReason } from '../../../shared/api/validation-reasons'
import { startCalcomLink, type CalcomLink } from '../outbound/calcom-link.test-support'
import {
  book,
  connectWithApiKey,
  deskOn,
  eventTypeOf,
  SANDBOX_NOW,
  sandboxState,
  slotsOf,
  syncedFrom,
  TOMORROW,
} from '../outbound/outbound.test-support'

let sandbox: RunningSandbox
let link: CalcomLink
let desk: TempDesk
let apiKey: string
let uid: string
let outboxId: number
let haircut: number
let slots: string[]

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: SANDBOX_NOW })
  apiKey = (await sandboxState(sandbox.url)).accounts[0]!.apiKey
  link = await startCalcomLink(sandbox.url)
  desk = await deskOn(link.url)
  await connectWithApiKey(desk, apiKey)
  haircut = eventTypeOf(desk, 'haircut').id
  slots = (await slotsOf(desk, haircut)).slots
  const booked = await book(desk, {
    eventTypeId: haircut,
    start: slots[0],
    attendee: { name: 'Existing Client', email: 'existing@example.com' },
  })
  outboxId = booked.outboxId!
  uid = (await syncedFrom(desk, outboxId)).uid
})
afterAll(async () => {
  await desk?.dispose()
  await link?.close()
  await sandbox?.close()
})

/** A request that would be carried out if its input were accepted. */
interface Route {
  method: 'GET' | 'POST'
  path: string
  query?: Record<string, string>
  body?: Record<string, unknown>
  /** Dotted paths of the body's strings. */
  strings?: string[]
  /** Body instants and query days that must be real and within a sane range. */
  instants?: string[]
  days?: string[]
  /** Body strings that must show something: a name, a reason the client reads. */
  visible?: string[]
}

function routes(): Route[] {
  const at = (path: string) => `/api/appointments/${uid}/${path}`
  return [
    { method: 'GET', path: '/api/health' },
    { method: 'GET', path: '/api/branch' },
    { method: 'GET', path: '/api/event-types' },
    { method: 'GET', path: '/api/staff' },
    { method: 'GET', path: '/api/sync' },
    { method: 'GET', path: '/api/live' },
    { method: 'GET', path: '/api/openapi.json' },
    { method: 'GET', path: '/api/branch/connect/attempt' },
    { method: 'GET', path: `/api/appointments/${uid}` },
    { method: 'GET', path: '/api/api-log', query: { limit: '5' } },
    { method: 'GET', path: '/api/outbox', query: { state: 'done', limit: '5' } },
    { method: 'GET', path: '/api/appointments', query: { date: TOMORROW }, days: ['date'] },
    {
      method: 'GET',
      path: '/api/slots',
      query: { eventTypeId: String(haircut), date: TOMORROW },
      days: ['date'],
    },
    {
      method: 'POST',
      path: '/api/appointments',
      body: {
        eventTypeId: haircut,
        start: slots[4],
        attendee: {
          name: 'Table Guest',
          email: 'table@example.com',
          phone: '+1 555 0199',
          timeZone: 'America/Toronto',
        },
        notes: 'first visit',
      },
      strings: [
        'start',
        'attendee.name',
        'attendee.email',
        'attendee.phone',
        'attendee.timeZone',
        'notes',
      ],
      instants: ['start'],
      visible: ['attendee.name'],
    },
    {
      method: 'POST',
      path: at('reschedule'),
      body: { start: slots[6], reason: 'client asked' },
      strings: ['start', 'reason'],
      instants: ['start'],
    },
    {
      method: 'POST',
      path: at('cancel'),
      body: { reason: 'client asked' },
      strings: ['reason'],
      visible: ['reason'],
    },
    { method: 'POST', path: at('no-show'), body: { absent: true } },
    { method: 'POST', path: at('confirm'), body: {} },
    { method: 'POST', path: at('decline'), body: { reason: 'fully booked' }, strings: ['reason'] },
    {
      method: 'POST',
      path: at('visit'),
      body: { state: 'ARRIVED', notes: 'early' },
      strings: ['notes'],
    },
    { method: 'POST', path: `/api/outbox/${outboxId}/retry`, body: {} },
    { method: 'POST', path: `/api/outbox/${outboxId}/discard`, body: { confirm: true } },
    { method: 'POST', path: '/api/branch/connect', body: { apiKey }, strings: ['apiKey'] },
    { method: 'POST', path: '/api/branch/connect/cancel', body: {} },
    { method: 'POST', path: '/api/branch/disconnect', body: {} },
    { method: 'POST', path: '/api/sync/reconcile', body: { window: false } },
  ]
}

interface Case {
  kind: string
  route: Route
  query?: Record<string, string>
  body?: unknown
  field: string
  /** Why, as the code the UI words (validation-reasons.ts). */
  reason: ValidationReason
  /** What the message must say, beyond naming the field. */
  says?: RegExp
}

const with_ = (body: Record<string, unknown>, path: string, value: unknown) => {
  const copy = structuredClone(body)
  const keys = path.split('.')
  let at = copy
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>
  at[keys.at(-1)!] = value
  return copy
}

const IMPOSSIBLE_INSTANTS = [
  '2026-12-31T23:59:60Z', // a leap second: valid RFC 3339, not an instant JavaScript can hold
  '2027-02-30T10:00:00Z',
  '2027-04-31T10:00:00+02:00',
]
const ABSURD_INSTANTS = ['9999-03-11T14:00:00Z', '1000-01-01T00:00:00Z', '2100-01-01T10:00:00Z']
const ABSURD_DAYS = ['9999-12-31', '0001-01-01', '2200-06-01']
const INVISIBLE = [' ', '   ', '\t\n', '\u200b', '\u00a0\u2060\ufeff', '\u3164', '\u200d\u200c']
const LONE_SURROGATES = ['\ud800', 'Ada \udc00', '\udbff\udbff']

function cases(): Case[] {
  const out: Case[] = []
  for (const route of routes()) {
    out.push({
      kind: 'unknown query parameter',
      route,
      query: { ...route.query, extra: '1' },
      field: 'extra',
      reason: 'unknown_field',
      says: /extra/,
    })
    if (route.method === 'POST') {
      out.push({
        kind: 'unknown body field',
        route,
        body: { ...route.body, extra: true },
        field: 'extra',
        reason: 'unknown_field',
        says: /extra/,
      })
    }
    for (const path of route.instants ?? []) {
      for (const value of IMPOSSIBLE_INSTANTS) {
        out.push({
          kind: `impossible instant ${value}`,
          route,
          body: with_(route.body!, path, value),
          field: path,
          reason: 'not_a_date',
        })
      }
      for (const value of ABSURD_INSTANTS) {
        out.push({
          kind: `absurd instant ${value}`,
          route,
          body: with_(route.body!, path, value),
          field: path,
          reason: 'date_out_of_range',
          says: /2 years/,
        })
      }
    }
    for (const key of route.days ?? []) {
      for (const value of ABSURD_DAYS) {
        out.push({
          kind: `absurd day ${value}`,
          route,
          query: { ...route.query, [key]: value },
          field: key,
          reason: 'date_out_of_range',
          says: /years/,
        })
      }
    }
    for (const path of route.visible ?? []) {
      for (const value of INVISIBLE) {
        out.push({
          kind: `invisible ${JSON.stringify(value)}`,
          route,
          body: with_(route.body!, path, value),
          field: path,
          reason: 'blank',
          says: /visible/,
        })
      }
    }
    for (const path of route.strings ?? []) {
      for (const value of LONE_SURROGATES) {
        out.push({
          kind: `lone surrogate ${JSON.stringify(value)}`,
          route,
          body: with_(route.body!, path, value),
          field: path,
          reason: 'bad_text',
          says: /Unicode/,
        })
      }
    }
  }
  // The probes' own examples: misspelt or made-up fields of a booking were dropped and it was made.
  const booking = routes().find((r) => r.method === 'POST' && r.path === '/api/appointments')!
  for (const [path, value] of [
    ['staffid', 1],
    ['walkin', true],
    ['attendee.timezone', 'Europe/Berlin'],
  ] as const) {
    out.push({
      kind: 'misspelt booking field',
      route: booking,
      body: with_(booking.body!, path, value),
      field: path,
      reason: 'unknown_field',
      says: new RegExp(path.replace('.', '\\.')),
    })
  }
  // JSON carries types: a number where text belongs (or text where a number does) was converted
  // and the booking made anyway, for a client named "12345".
  for (const [path, value] of [
    ['eventTypeId', String(haircut)],
    ['attendee.name', 12345],
    ['attendee.phone', 5550199],
    ['notes', false],
  ] as const) {
    out.push({
      kind: `wrong JSON type ${JSON.stringify(value)}`,
      route: booking,
      body: with_(booking.body!, path, value),
      field: path,
      reason: 'wrong_type',
    })
  }
  return out
}

async function send(c: Case): Promise<Response> {
  const query = new URLSearchParams(c.query ?? c.route.query ?? {}).toString()
  const url = `${c.route.path}${query ? `?${query}` : ''}`
  if (c.route.method === 'GET') return deskFetch(desk, url)
  return deskFetch(desk, url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(c.body ?? c.route.body),
  })
}

/** Everything a wrongly accepted input could have changed. */
function world() {
  const db = desk.services.db.$client
  return {
    appointments: db.prepare('select * from appointments order by uid').all(),
    outbox: db.prepare('select * from outbox order by id').all(),
    connection: desk.services.branches.current().connection,
    // The desk's background sync reads bookings on its own; anything else came from a request.
    calcom: link.passed
      .filter((p) => !(p.method === 'GET' && p.path === '/v2/bookings'))
      .map((p) => `${p.method} ${p.path}`),
  }
}

describe('bad input on every local API route', () => {
  it('checks each route with valid input first, so a refusal below is the input’s doing', async () => {
    for (const route of routes()) {
      if (route.method === 'POST') continue // these would act; the table shows they are not refused
      const res = await send({ kind: 'valid', route, field: '', reason: 'invalid' })
      expect(res.status, `${route.method} ${route.path}`).toBe(200)
      await res.body?.cancel()
    }
  })

  it('answers each kind of bad input 400 naming the field, and changes nothing', async () => {
    const before = world()
    const wrong: string[] = []
    for (const c of cases()) {
      const res = await send(c)
      // The live stream, if it were let through, would never end.
      const streaming = res.headers.get('content-type')?.startsWith('text/event-stream')
      const text = streaming ? (await res.body?.cancel(), 'a live stream') : await res.text()
      const label = `${c.route.method} ${c.route.path} ${c.kind}`
      let error: { code?: string; message?: string; field?: string; reason?: string } | undefined
      try {
        error = (JSON.parse(text) as { error?: typeof error }).error
      } catch {
        error = undefined
      }
      if (
        res.status !== 400 ||
        error?.code !== 'VALIDATION' ||
        error.field !== c.field ||
        error.reason !== c.reason ||
        !error.message?.includes(c.field) ||
        (c.says && !c.says.test(error.message))
      ) {
        wrong.push(`${label} → ${res.status} ${text.slice(0, 300)}`)
      }
    }
    expect(wrong).toEqual([])
    expect(world()).toEqual(before)
  })
})

describe('the desk’s own checks, as reasons the UI words', () => {
  /** The refusal of one request, which must be a 400 VALIDATION. */
  async function refused(path: string, init?: RequestInit) {
    const res = await deskFetch(desk, path, init)
    const body = (await res.json()) as {
      error: { code: string; reason: string; field: string; params?: unknown }
    }
    expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400)
    expect(body.error.code).toBe('VALIDATION')
    return { reason: body.error.reason, field: body.error.field, params: body.error.params }
  }
  const post = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

  it('says a day that does not exist is not a date, on every route that reads a day', async () => {
    for (const path of [
      '/api/appointments?date=2027-02-30',
      '/api/opening-hours?date=2027-02-30',
      '/api/audit?date=2027-02-30',
      '/api/clients/of-day?date=2027-02-30',
      `/api/slots?eventTypeId=${haircut}&date=2027-02-30`,
    ]) {
      expect(await refused(path), path).toEqual({ reason: 'not_a_date', field: 'date' })
    }
  })

  it('says how far from today a day may be, as a number the UI can say', async () => {
    expect(await refused('/api/appointments?date=2200-06-01')).toEqual({
      reason: 'date_out_of_range',
      field: 'date',
      params: { years: 10 },
    })
    const booking = { eventTypeId: haircut, attendee: { name: 'Far Future' } }
    expect(
      await refused('/api/appointments', post({ ...booking, start: '2100-01-01T10:00:00Z' })),
    ).toEqual({ reason: 'date_out_of_range', field: 'start', params: { years: 2 } })
  })

  it('says a search with no letter or digit needs one', async () => {
    expect(await refused(`/api/clients/suggestions?q=${encodeURIComponent('--')}`)).toEqual({
      reason: 'needs_letter_or_digit',
      field: 'q',
    })
  })

  it('says a service, staff member or time zone the branch does not have', async () => {
    const booking = { eventTypeId: haircut, start: slots[8], attendee: { name: 'New Client' } }
    expect(await refused('/api/appointments', post({ ...booking, eventTypeId: 999_999 }))).toEqual({
      reason: 'not_available',
      field: 'eventTypeId',
    })
    expect(await refused('/api/appointments', post({ ...booking, staffId: 999_999 }))).toEqual({
      reason: 'not_available',
      field: 'staffId',
    })
    expect(
      await refused(
        '/api/appointments',
        post({ ...booking, attendee: { name: 'New Client', timeZone: 'Mars/Olympus_Mons' } }),
      ),
    ).toEqual({ reason: 'not_a_time_zone', field: 'attendee.timeZone' })
  })

  it('says a client cannot be merged with itself', async () => {
    const list = (await (await deskFetch(desk, '/api/clients')).json()) as {
      clients: { id: number }[]
    }
    const id = list.clients[0]!.id
    expect(await refused(`/api/clients/${id}/merge`, post({ from: id }))).toEqual({
      reason: 'same_client',
      field: 'from',
    })
  })
})
