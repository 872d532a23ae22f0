// The client card on a desk running on its own clock (a demo's or a test's fixed time): its
// upcoming and past visits, and the dates of the alerts written at it, follow that clock, not the
// computer's.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { ClientCard, ClientNote, ClientPage } from '../../../shared/api/clients'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'

const DAY = 86_400_000
// A month ago on the computer's clock: a visit between then and now is upcoming at this desk.
const DESK_NOW = Date.now() - 30 * DAY

let desk: TempDesk
beforeAll(async () => {
  desk = await startTempDesk({ now: () => DESK_NOW })
})
afterAll(() => desk.dispose())

const json = async <T>(path: string, init?: RequestInit): Promise<T> => {
  const res = await deskFetch(desk, path, {
    ...init,
    headers: init?.body ? { 'content-type': 'application/json' } : {},
  })
  expect(res.status).toBeLessThan(300)
  return (await res.json()) as T
}

it("sorts visits and dates alerts by the desk's clock", async () => {
  const branchId = desk.services.branches.current().id
  const book = (uid: string, startsAt: number) =>
    desk.services.appointments.upsert(
      {
        uid,
        branchId,
        title: 'Colour',
        start: new Date(startsAt).toISOString(),
        end: new Date(startsAt + DAY / 24).toISOString(),
        status: 'SCHEDULED',
        attendee: { name: 'Lucía Vidal', email: 'lucia@example.com', phone: null },
      },
      'calcom',
    )
  book('before-desk-now', DESK_NOW - 3 * DAY)
  book('after-desk-now', DESK_NOW + 10 * DAY) // 20 days ago on the computer's clock
  const found = await json<ClientPage>('/api/clients?q=lucia')
  const id = found.clients[0]!.id

  const alert = await json<ClientNote>(`/api/clients/${id}/notes`, {
    method: 'POST',
    body: JSON.stringify({ kind: 'alert', text: 'Allergic to latex' }),
  })
  const card = await json<ClientCard>(`/api/clients/${id}`)

  expect(card.upcoming.map((v) => v.uid)).toEqual(['after-desk-now'])
  expect(card.past.map((v) => v.uid)).toEqual(['before-desk-now'])
  expect(alert.createdAt).toBe(new Date(DESK_NOW).toISOString())
  expect(card.alerts.map((a) => a.updatedAt)).toEqual([new Date(DESK_NOW).toISOString()])
})
