// GET /api/pending-confirmations against a real desk: pending bookings not yet over, soonest first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'

let desk: TempDesk
beforeAll(async () => {
  desk = await startTempDesk()
  const branchId = desk.services.branches.current().id
  const hour = 3_600_000
  const at = (offsetHours: number, uid: string, status: 'PENDING' | 'SCHEDULED') => ({
    uid,
    branchId,
    title: 'Full colour',
    start: new Date(Date.now() + offsetHours * hour).toISOString(),
    end: new Date(Date.now() + (offsetHours + 1) * hour).toISOString(),
    status,
    attendee: { name: uid },
  })
  desk.services.appointments.upsertMany(
    [
      at(48, 'later', 'PENDING'),
      at(2, 'sooner', 'PENDING'),
      at(-30, 'over', 'PENDING'),
      at(3, 'accepted', 'SCHEDULED'),
    ],
    'calcom',
  )
})
afterAll(() => desk.dispose())

describe('GET /api/pending-confirmations', () => {
  it('lists pending bookings not yet over, soonest first', async () => {
    const res = await deskFetch(desk, '/api/pending-confirmations')
    expect(res.status).toBe(200)
    const list = (await res.json()) as Array<{ uid: string; status: string }>
    expect(list.map((a) => a.uid)).toEqual(['sooner', 'later'])
    expect(list.every((a) => a.status === 'PENDING')).toBe(true)
  })

  it('refuses a query parameter it does not take, naming it', async () => {
    const res = await deskFetch(desk, '/api/pending-confirmations?date=2026-01-01')
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toContain('date')
  })
})
