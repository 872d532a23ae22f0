// The pending list on a desk running on its own clock (a demo's or a test's fixed time): what is
// already over, and so past deciding, follows that clock, not the computer's.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Appointment } from '../../../shared/api/schemas'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'

const HOUR = 3_600_000
// A month ago on the computer's clock: a booking between then and now is still to come here.
const DESK_NOW = Date.now() - 30 * 24 * HOUR

let desk: TempDesk
beforeAll(async () => {
  desk = await startTempDesk({ now: () => DESK_NOW })
})
afterAll(() => desk.dispose())

it("leaves out what is over by the desk's clock, and keeps what is still to come by it", async () => {
  const branchId = desk.services.branches.current().id
  const pending = (uid: string, startsAt: number) =>
    desk.services.appointments.upsert(
      {
        uid,
        branchId,
        title: 'Colour',
        start: new Date(startsAt).toISOString(),
        end: new Date(startsAt + HOUR).toISOString(),
        status: 'PENDING',
        attendee: { name: 'Lucía Vidal', email: 'lucia@example.com', phone: null },
      },
      'calcom',
    )
  pending('over-at-the-desk', DESK_NOW - 3 * HOUR)
  pending('to-come-at-the-desk', DESK_NOW + 10 * 24 * HOUR) // 20 days ago on the computer's clock

  const res = await deskFetch(desk, '/api/pending-confirmations')
  expect(res.status).toBe(200)
  const list = (await res.json()) as Appointment[]
  expect(list.map((a) => a.uid)).toEqual(['to-come-at-the-desk'])
})
