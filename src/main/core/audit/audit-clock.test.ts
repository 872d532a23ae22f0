// Who did what on a desk running on its own clock (a demo's or a test's day): the audit log is
// stamped by that clock, not SQLite's, so an action lands on the desk's day when the log is read
// by day.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { AuditLog } from '../../../shared/api/people'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { OWNER, RECEPTIONIST, seedBusiness, signInAs } from '../people/business.test-support'
import { dayOf } from '../time/branch-day'

const HOUR = 3_600_000
// A month ago on the computer's clock: on another day than the real one, whatever the time zone.
const DESK_NOW = Date.now() - 30 * 24 * HOUR

let desk: TempDesk
beforeAll(async () => {
  desk = await startTempDesk({ now: () => DESK_NOW })
  await seedBusiness(desk)
})
afterAll(() => desk.dispose())

it("logs a receptionist's action at the desk's time, on the desk's day", async () => {
  desk.services.appointments.upsert(
    {
      uid: 'visit-at-desk-time',
      branchId: desk.services.branches.current().id,
      title: 'Cut with Dana',
      start: new Date(DESK_NOW + HOUR),
      end: new Date(DESK_NOW + 2 * HOUR),
      status: 'SCHEDULED',
      attendee: { name: 'Dana' },
    },
    'calcom',
  )
  expect((await signInAs(desk, RECEPTIONIST)).status).toBe(200)
  const checkIn = await deskFetch(desk, '/api/appointments/visit-at-desk-time/visit', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ state: 'ARRIVED' }),
  })
  expect(checkIn.status).toBe(200)

  expect((await signInAs(desk, OWNER)).status).toBe(200)
  const day = dayOf(DESK_NOW, desk.services.branches.current().timeZone)
  const res = await deskFetch(desk, `/api/audit?date=${day}`)
  expect(res.status).toBe(200)
  const log = (await res.json()) as AuditLog
  const visit = log.entries.find((e) => e.action === 'appointment.visit')
  expect(visit).toMatchObject({
    at: new Date(DESK_NOW).toISOString(),
    person: { id: RECEPTIONIST.id, name: RECEPTIONIST.name },
    appointment: { uid: 'visit-at-desk-time', client: 'Dana' },
  })
})
