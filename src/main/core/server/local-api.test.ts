import { request } from 'node:http'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DayView, LiveEvent } from '../../../shared/api/schemas'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'

let desk: TempDesk
let branchId: number
let anna: number
let bruno: number

beforeAll(async () => {
  desk = await startTempDesk()
  const branch = desk.services.branches.current()
  branchId = desk.services.branches.update(branch.id, {
    name: 'Downtown',
    timeZone: 'America/New_York',
  }).id
  bruno = desk.services.staff.upsert({ branchId, calcomHostId: 2, name: 'Bruno' }).id
  anna = desk.services.staff.upsert({ branchId, calcomHostId: 1, name: 'Anna' }).id
})
afterAll(() => desk.dispose())

const appt = (uid: string, start: string, staffId: number | null, minutes = 30) => ({
  uid,
  branchId,
  staffId,
  title: `Cut for ${uid}`,
  start,
  end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
  status: 'SCHEDULED' as const,
  attendee: { name: `Client ${uid}` },
})

type ErrorBody = { error: { code: string; message: string; field?: string } }
type OpenApiDoc = {
  openapi: string
  paths: Record<string, { get: { parameters: { name: string }[] } }>
}
const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error

function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${desk.url}${path}`, { headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('local API guards', () => {
  it('answers health with the version when the token is right', async () => {
    const res = await deskFetch(desk, '/api/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      ok: true,
      database: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    })
  })

  it('refuses requests without the session token or with a wrong one', async () => {
    const none = await fetch(`${desk.url}/api/health`)
    expect(none.status).toBe(401)
    expect((await errorOf(none)).code).toBe('UNAUTHORIZED')
    const wrong = await fetch(`${desk.url}/api/branch`, {
      headers: { authorization: 'Bearer nope' },
    })
    expect(wrong.status).toBe(401)
  })

  it('refuses a Host other than its loopback address and port (DNS rebinding)', async () => {
    const auth = { authorization: `Bearer ${desk.token}` }
    const evil = await rawGet('/api/health', { ...auth, host: `attacker.example:${desk.port}` })
    expect(evil.status).toBe(403)
    expect(JSON.parse(evil.body).error.code).toBe('FORBIDDEN_HOST')
    const otherPort = await rawGet('/api/health', { ...auth, host: `127.0.0.1:${desk.port + 1}` })
    expect(otherPort.status).toBe(403)
    const ok = await rawGet('/api/health', { ...auth, host: `localhost:${desk.port}` })
    expect(ok.status).toBe(200)
  })

  it('names the field of a bad input and changes nothing', async () => {
    for (const query of ['', '?date=tomorrow', '?date=2026-02-30']) {
      const res = await deskFetch(desk, `/api/appointments${query}`)
      expect(res.status, query).toBe(400)
      const error = await errorOf(res)
      expect(error.code).toBe('VALIDATION')
      expect(error.field).toBe('date')
      expect(error.message).toMatch(/^date /)
    }
  })

  it('answers unknown routes with a 404 in the error shape', async () => {
    const res = await deskFetch(desk, '/api/nothing-here')
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('NOT_FOUND')
  })

  it('answers a path it cannot read in the error shape, naming the path', async () => {
    for (const [path, status] of [
      ['/api/appointments/%E0%A4%A', 400],
      [`/api/appointments/${'a'.repeat(101)}`, 414],
    ] as const) {
      const res = await deskFetch(desk, path)
      expect(res.status, path).toBe(status)
      expect(await errorOf(res), path).toMatchObject({
        code: expect.stringMatching(/^FST_ERR_/),
        message: expect.stringMatching(/path/),
        field: 'path',
      })
    }
  })

  it('describes itself as OpenAPI', async () => {
    const doc = (await (await deskFetch(desk, '/api/openapi.json')).json()) as OpenApiDoc
    expect(doc.openapi).toMatch(/^3\./)
    for (const path of ['/api/health', '/api/branch', '/api/appointments', '/api/live']) {
      expect(Object.keys(doc.paths)).toContain(path)
    }
    expect(doc.paths['/api/appointments']?.get.parameters[0]?.name).toBe('date')
  })
})

describe('the day view', () => {
  it("returns the branch's day in its own time zone, across a DST change", async () => {
    // 2026-03-08 is the day New York springs forward: 23 hours long.
    desk.services.appointments.upsertMany(
      [
        appt('before-day', '2026-03-08T04:59:00Z', anna), // 23:59 on the 7th, New York
        appt('first', '2026-03-08T05:00:00Z', anna), // 00:00 EST
        appt('after-jump', '2026-03-08T08:00:00Z', bruno), // 04:00 EDT
        appt('same-time-bruno', '2026-03-08T15:00:00Z', bruno),
        appt('same-time-anna', '2026-03-08T15:00:00Z', anna),
        appt('last', '2026-03-09T03:59:00Z', null), // 23:59 EDT
        appt('next-day', '2026-03-09T04:00:00Z', anna), // 00:00 on the 9th
      ],
      'desk',
    )
    const res = await deskFetch(desk, '/api/appointments?date=2026-03-08')
    expect(res.status).toBe(200)
    const day = (await res.json()) as DayView
    expect(day.timeZone).toBe('America/New_York')
    expect(Date.parse(day.endsAt) - Date.parse(day.startsAt)).toBe(23 * 3600_000)
    expect(day.appointments.map((a) => a.uid)).toEqual([
      'first',
      'after-jump',
      'same-time-anna',
      'same-time-bruno',
      'last',
    ])
    expect(day.staff.map((s) => s.name)).toEqual(['Anna', 'Bruno'])
    const first = day.appointments[0]!
    expect(first).toMatchObject({
      start: '2026-03-08T05:00:00.000Z',
      end: '2026-03-08T05:30:00.000Z',
      staffId: anna,
      status: 'SCHEDULED',
      visitState: 'NONE',
      syncState: 'synced',
      attendee: { name: 'Client first' },
    })
  })

  it('shows everything the desk knows about an appointment, as its own page does', async () => {
    const colour = desk.services.eventTypes.upsert({
      branchId,
      calcomId: 77,
      slug: 'colour',
      title: 'Colour',
      lengthMinutes: 90,
    })
    desk.services.appointments.upsert(
      {
        ...appt('full', '2026-04-05T14:00:00Z', bruno, 90),
        calcomId: 9001,
        eventTypeId: colour.id,
        status: 'PENDING',
        visitState: 'IN_SERVICE',
        walkIn: true,
        paid: true,
        attendee: {
          name: 'Dana',
          email: 'dana@example.com',
          phone: '+1 555 0100',
          timeZone: 'Europe/Lisbon',
        },
        rescheduledFromUid: 'earlier-booking',
        cancellationReason: 'first slot clashed',
        syncState: 'pending',
      },
      'desk',
    )
    const day = (await (
      await deskFetch(desk, '/api/appointments?date=2026-04-05')
    ).json()) as DayView
    const detail = (await (await deskFetch(desk, '/api/appointments/full')).json()) as {
      appointment: unknown
    }
    expect(day.appointments).toEqual([
      {
        uid: 'full',
        calcomId: 9001,
        title: 'Cut for full',
        start: '2026-04-05T14:00:00.000Z',
        end: '2026-04-05T15:30:00.000Z',
        status: 'PENDING',
        visitState: 'IN_SERVICE',
        syncState: 'pending',
        walkIn: true,
        paid: true,
        staffId: bruno,
        eventType: { id: colour.id, title: 'Colour', lengthInMinutes: 90 },
        attendee: {
          name: 'Dana',
          email: 'dana@example.com',
          phone: '+1 555 0100',
          timeZone: 'Europe/Lisbon',
        },
        rescheduledFromUid: 'earlier-booking',
        rescheduledToUid: null,
        cancellationReason: 'first slot clashed',
        deskNotes: null,
      },
    ])
    expect(day.appointments[0]).toEqual(detail.appointment)
  })

  it('moves an appointment between days when it is rescheduled', async () => {
    desk.services.appointments.upsert(appt('mover', '2026-04-01T14:00:00Z', anna), 'desk')
    desk.services.appointments.upsert(appt('mover', '2026-04-02T14:00:00Z', anna), 'desk')
    const uids = async (date: string) =>
      (
        (await (await deskFetch(desk, `/api/appointments?date=${date}`)).json()) as DayView
      ).appointments.map((a) => a.uid)
    expect(await uids('2026-04-01')).not.toContain('mover')
    expect(await uids('2026-04-02')).toContain('mover')
  })

  it('keeps an arrival and the walk-in flag when Cal.com later updates the booking', async () => {
    const base = appt('arrived-then-updated', '2026-04-03T14:00:00Z', anna)
    desk.services.appointments.upsert({ ...base, visitState: 'ARRIVED', walkIn: true }, 'desk')
    desk.services.appointments.upsert({ ...base, title: 'Cut and colour' }, 'calcom')
    const day = (await (
      await deskFetch(desk, '/api/appointments?date=2026-04-03')
    ).json()) as DayView
    expect(day.appointments.find((a) => a.uid === 'arrived-then-updated')).toMatchObject({
      title: 'Cut and colour',
      visitState: 'ARRIVED',
      walkIn: true,
    })
  })

  it('keeps desk notes at the desk and shows them with the appointment', async () => {
    desk.services.appointments.upsert(appt('noted', '2026-04-04T14:00:00Z', anna), 'calcom')
    const res = await deskFetch(desk, '/api/appointments/noted/visit', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'ARRIVED', notes: 'Allergic to ammonia dyes' }),
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { outboxId: number | null }).outboxId).toBeNull()
    // A later Cal.com update does not touch the desk's own fields.
    desk.services.appointments.upsert(appt('noted', '2026-04-04T15:00:00Z', anna), 'calcom')
    const day = (await (
      await deskFetch(desk, '/api/appointments?date=2026-04-04')
    ).json()) as DayView
    expect(day.appointments.find((a) => a.uid === 'noted')).toMatchObject({
      start: '2026-04-04T15:00:00.000Z',
      visitState: 'ARRIVED',
      deskNotes: 'Allergic to ammonia dyes',
    })
  })
})

describe('the live stream', () => {
  it('tells an open UI about a change, with the day it touches and the booking as it now is', async () => {
    const controller = new AbortController()
    const res = await fetch(`${desk.url}/api/live?token=${desk.token}`, {
      signal: controller.signal,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/)
    const reader = res.body!.getReader()
    const events: LiveEvent[] = []
    const received = (async () => {
      let buf = ''
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        buf += new TextDecoder().decode(value)
        for (const line of buf.split('\n')) {
          if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as LiveEvent)
        }
        buf = buf.slice(buf.lastIndexOf('\n') + 1)
        if (events.length) return
      }
    })()
    // 01:30 UTC on 5 May is still 4 May in New York.
    desk.services.appointments.upsert(appt('live-one', '2026-05-05T01:30:00Z', bruno), 'calcom')
    await received
    controller.abort()
    expect(events[0]).toEqual({
      type: 'appointments',
      uids: ['live-one'],
      dates: ['2026-05-04'],
      // The row the day view shows, so the UI need not read it back.
      appointments: [desk.services.appointments.byUid('live-one')],
    })
  })

  it('refuses the stream without the token', async () => {
    const res = await fetch(`${desk.url}/api/live`)
    expect(res.status).toBe(401)
  })
})

describe('logs', () => {
  it('never contain the session token', async () => {
    await fetch(`${desk.url}/api/live?token=${desk.token}`).then((r) => r.body?.cancel())
    await deskFetch(desk, '/api/health')
    const log = readFileSync(join(desk.dataDir, 'logs', 'desk.log'), 'utf8')
    expect(log).toMatch(/\/api\/live\?token=\[REDACTED\]/)
    expect(log).not.toContain(desk.token)
  })
})
