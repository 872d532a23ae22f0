// The /api/clients routes on a real desk over HTTP: list and search, the client card and its
// counts, notes and alerts with who wrote them, merging, the day's alerts, and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClientCard, ClientNote, ClientPage, DayClients } from '../../../shared/api/clients'
import type { AppointmentStatus } from '../../../shared/domain/appointment-status'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { RECEPTIONIST, seedBusiness, signInAs } from '../people/business.test-support'
import { dayOf } from '../time/branch-day'
import { clientCard } from './client-card'

let desk: TempDesk
let branchId: number
const HOUR = 3_600_000
const now = Date.now()

function book(uid: string, startsAt: number, status: AppointmentStatus, name = 'Inés Martín') {
  desk.services.appointments.upsert(
    {
      uid,
      branchId,
      title: 'Colour',
      start: new Date(startsAt).toISOString(),
      end: new Date(startsAt + HOUR).toISOString(),
      status,
      attendee: { name, email: name === 'Inés Martín' ? 'ines@example.com' : null, phone: null },
    },
    'calcom',
  )
}

const json = async <T>(path: string, init?: RequestInit): Promise<[number, T]> => {
  const res = await deskFetch(desk, path, {
    ...init,
    headers: init?.body ? { 'content-type': 'application/json' } : {},
  })
  return [res.status, (await res.json()) as T]
}
const post = (path: string, body: unknown, method = 'POST') =>
  json<ClientNote & { error?: { code: string; field?: string } }>(path, {
    method,
    body: JSON.stringify(body),
  })

let ines: number
beforeAll(async () => {
  desk = await startTempDesk()
  branchId = desk.services.branches.current().id
  book('past-1', now - 30 * 24 * HOUR, 'COMPLETED')
  book('past-2', now - 10 * 24 * HOUR, 'NO_SHOW')
  book('soon', now + 2 * 24 * HOUR, 'SCHEDULED')
  book('late', now + 10 * HOUR, 'SCHEDULED')
  book('late', now + 10 * HOUR, 'CANCELLED') // cancelled 10 hours before: late
  book('early', now + 5 * 24 * HOUR, 'SCHEDULED')
  book('early', now + 5 * 24 * HOUR, 'CANCELLED') // five days ahead: in time
  book('other', now + 3 * HOUR, 'SCHEDULED', 'Walk-in Paul')
  // Arrived early for a later booking, and in service already: no longer upcoming.
  desk.services.appointments.upsert(
    {
      uid: 'Ana-in-service',
      branchId,
      title: 'Colour',
      start: new Date(now + HOUR / 2).toISOString(),
      end: new Date(now + HOUR + HOUR / 2).toISOString(),
      status: 'SCHEDULED',
      visitState: 'IN_SERVICE',
      attendee: { name: 'Ana Ruiz', email: null, phone: null },
    },
    'desk',
  )
  book('Ana-next', now + 7 * 24 * HOUR, 'SCHEDULED', 'Ana Ruiz')
  const [, page] = await json<ClientPage>('/api/clients?q=ines')
  ines = page.clients[0]!.id
})
afterAll(() => desk.dispose())

describe('GET /api/clients', () => {
  it('searches by part of a name with the accent left out', async () => {
    const [status, page] = await json<ClientPage>('/api/clients?q=ine%20mar')
    expect(status).toBe(200)
    expect(page).toMatchObject({ page: 1, hasMore: false })
    expect(page.clients).toEqual([
      expect.objectContaining({ name: 'Inés Martín', email: 'ines@example.com', bookings: 5 }),
    ])
  })

  it('refuses a page that is not a number, naming it', async () => {
    const [status, body] = await json<{ error: { code: string; field: string } }>(
      '/api/clients?page=first',
    )
    expect(status).toBe(400)
    expect(body.error).toMatchObject({ code: 'VALIDATION', field: 'page' })
  })
})

describe('GET /api/clients/:id', () => {
  it('shows upcoming and past visits, services, no-shows and late cancellations', async () => {
    const [status, card] = await json<ClientCard>(`/api/clients/${ines}`)
    expect(status).toBe(200)
    expect(card.upcoming.map((v) => v.uid)).toEqual(['soon'])
    expect(card.past.map((v) => v.uid)).toEqual(['past-2', 'past-1'])
    expect(card.services).toEqual([{ service: 'Colour', visits: 3 }])
    expect(card).toMatchObject({ noShows: 1, lateCancellations: 1, cancellationWindowHours: 24 })
  })

  it('lists a visit in service under the past visits, not the upcoming ones', async () => {
    const [, page] = await json<ClientPage>('/api/clients?q=ana%20ruiz')
    const [, card] = await json<ClientCard>(`/api/clients/${page.clients[0]!.id}`)
    expect(card.upcoming.map((v) => v.uid)).toEqual(['Ana-next'])
    expect(card.past.map((v) => v.uid)).toEqual(['Ana-in-service'])
  })

  it("judges a cancellation by its service's own policy window where the owner set one", () => {
    // 'early' was cancelled five days ahead: on time by the default day, late under a week's window.
    const week = (c: { uid: string }) => (c.uid === 'early' ? 7 * 24 : undefined)
    expect(clientCard(desk.services.clients, ines, now, week)).toMatchObject({
      lateCancellations: 2,
    })
    expect(clientCard(desk.services.clients, ines, now, () => 1)).toMatchObject({
      lateCancellations: 0,
    })
  })

  it('answers 404 for a client the desk does not have', async () => {
    const [status, body] = await json<{ error: { code: string } }>('/api/clients/424242')
    expect(status).toBe(404)
    expect(body.error.code).toBe('NOT_FOUND')
  })
})

describe('notes and alerts', () => {
  it('adds, changes and removes them, naming who wrote them, and shows alerts on the day', async () => {
    await seedBusiness(desk)
    expect((await signInAs(desk, RECEPTIONIST)).status).toBe(200)
    const [added, alert] = await post(`/api/clients/${ines}/notes`, {
      kind: 'alert',
      text: 'Allergic to ammonia',
    })
    expect(added).toBe(200)
    expect(alert).toMatchObject({
      kind: 'alert',
      text: 'Allergic to ammonia',
      author: { personId: RECEPTIONIST.id, name: RECEPTIONIST.name },
    })
    const [, note] = await post(`/api/clients/${ines}/notes`, { kind: 'note', text: 'Likes tea' })
    const [changed, edited] = await post(
      `/api/clients/${ines}/notes/${note.id}`,
      { text: 'Likes green tea' },
      'PATCH',
    )
    expect([changed, edited.text]).toEqual([200, 'Likes green tea'])

    const [, card] = await json<ClientCard>(`/api/clients/${ines}`)
    expect(card.alerts.map((a) => a.text)).toEqual(['Allergic to ammonia'])
    expect(card.notes.map((a) => a.text)).toEqual(['Likes green tea'])

    const zone = desk.services.branches.current().timeZone
    const [, day] = await json<DayClients>(
      `/api/clients/of-day?date=${dayOf(now + 10 * HOUR, zone)}`,
    )
    expect(day.appointments.find((a) => a.uid === 'late')).toEqual({
      uid: 'late',
      clientId: ines,
      alerts: ['Allergic to ammonia'],
    })

    const removed = await deskFetch(desk, `/api/clients/${ines}/notes/${note.id}`, {
      method: 'DELETE',
    })
    expect(removed.status).toBe(200)
    const [, after] = await json<ClientCard>(`/api/clients/${ines}`)
    expect(after.notes).toEqual([])
    const [again] = await post(`/api/clients/${ines}/notes/${note.id}`, { text: 'x' }, 'PATCH')
    expect(again).toBe(404)
  })

  it('refuses a blank note or an unknown kind, naming the field', async () => {
    const [blank, body] = await post(`/api/clients/${ines}/notes`, { kind: 'note', text: '   ' })
    expect([blank, body.error?.field]).toEqual([400, 'text'])
    const [kind, body2] = await post(`/api/clients/${ines}/notes`, { kind: 'memo', text: 'x' })
    expect([kind, body2.error?.field]).toEqual([400, 'kind'])
  })
})

describe('POST /api/clients/:id/merge', () => {
  it('refuses to merge a client with itself, or with one the desk does not have, naming the field', async () => {
    const [self, body] = await post(`/api/clients/${ines}/merge`, { from: ines })
    expect([self, body.error?.code, body.error?.field]).toEqual([400, 'VALIDATION', 'from'])
    const [missing, body2] = await post(`/api/clients/${ines}/merge`, { from: 424242 })
    expect([missing, body2.error?.code, body2.error?.field]).toEqual([404, 'NOT_FOUND', 'from'])
  })

  it('folds another client into this one', async () => {
    const [, page] = await json<ClientPage>('/api/clients?q=paul')
    const paul = page.clients[0]!.id
    const res = await post(`/api/clients/${ines}/merge`, { from: paul })
    expect(res[0]).toBe(200)
    const [, card] = await json<ClientCard>(`/api/clients/${ines}`)
    expect(card.names).toEqual(['Inés Martín', 'Walk-in Paul'])
    const [gone] = await json(`/api/clients/${paul}`)
    expect(gone).toBe(404)
  })
})
