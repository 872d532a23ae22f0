// GET /api/clients/suggestions against a real desk: the branch's past attendees, once each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'

let desk: TempDesk
beforeAll(async () => {
  desk = await startTempDesk()
  const branchId = desk.services.branches.current().id
  const visit = (uid: string, start: string, attendee: Record<string, string>) => ({
    uid,
    branchId,
    title: 'Haircut',
    start,
    end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
    status: 'SCHEDULED' as const,
    attendee: { name: '', ...attendee },
  })
  desk.services.appointments.upsertMany(
    [
      visit('a', '2026-01-10T10:00:00Z', { name: 'Rosa Díaz', email: 'rosa@example.com' }),
      visit('b', '2026-02-10T10:00:00Z', {
        name: 'Rosa Díaz',
        email: 'rosa@example.com',
        phone: '+34 600 123 456',
      }),
      visit('c', '2026-02-11T10:00:00Z', { name: 'Ramón 50%_off', phone: '600 999 000' }),
    ],
    'calcom',
  )
})
afterAll(() => desk.dispose())

const suggest = async (q: string) =>
  deskFetch(desk, `/api/clients/suggestions?q=${encodeURIComponent(q)}`)
const namesFor = async (q: string) =>
  ((await (await suggest(q)).json()) as Array<{ name: string }>).map((c) => c.name)

describe('GET /api/clients/suggestions', () => {
  it('suggests a past client once, with the phone from their latest visit', async () => {
    const res = await suggest('ros')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual([
      {
        name: 'Rosa Díaz',
        email: 'rosa@example.com',
        phone: '+34 600 123 456',
        lastVisit: '2026-02-10T10:00:00.000Z',
        visits: 2,
      },
    ])
  })

  it('finds a client by the digits of their phone, and takes % and _ literally', async () => {
    expect(await namesFor('600123')).toEqual(['Rosa Díaz'])
    expect(await namesFor('50%_')).toEqual(['Ramón 50%_off'])
  })

  it('refuses an empty or meaningless query with a 400 naming q', async () => {
    for (const q of ['', '   ', '--', '%']) {
      const res = await suggest(q)
      expect(res.status, JSON.stringify(q)).toBe(400)
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe('q')
    }
  })
})
