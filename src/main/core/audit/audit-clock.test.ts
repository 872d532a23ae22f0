// Who did what on a desk running on its own clock (a demo's or a test's day): the audit log and
// the appointment's history (the drawer's) are stamped by that clock, not SQLite's, so an action
// lands on the desk's day where the log is read by day and the drawer says when it was done.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { AuditLog } from '../../../shared/api/people'
import type { AppointmentDetail } from '../../../shared/api/schemas'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { OWNER, RECEPTIONIST, seedBusiness, signInAs } from '../people/business.test-support'
import { dayOf } from '../time/branch-day'
import { mapWebhookBody } from '../appointments/booking-mapping'
import { stamped } from '../appointments/webhook-examples.test-support'

// A month ago on the computer's clock: on another day than the real one, whatever the time zone.
const DESK_NOW = Date.now() - 30 * 86_400_000

let desk: TempDesk
beforeAll(async () => {
  desk = await startTempDesk({ now: () => DESK_NOW })
  await seedBusiness(desk)
})
afterAll(() => desk.dispose())

it("logs a receptionist's action at the desk's time, on the desk's day, in the log and the drawer", async () => {
  // The booking arrives as Cal.com's news, the way the inbox lays it.
  const created = stamped('booking_created.json', new Date(DESK_NOW).toISOString(), {
    uid: 'visit-at-desk-time',
  })
  desk.services.sync.applier.applyChanges(mapWebhookBody(created).changes, {
    source: 'calcom',
    key: mapWebhookBody(created).key,
  })
  expect((await signInAs(desk, RECEPTIONIST)).status).toBe(200)
  const checkIn = await deskFetch(desk, '/api/appointments/visit-at-desk-time/visit', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ state: 'ARRIVED' }),
  })
  expect(checkIn.status).toBe(200)
  const detail = (await (
    await deskFetch(desk, '/api/appointments/visit-at-desk-time')
  ).json()) as AppointmentDetail
  // Cal.com's news of the booking and the check-in, both heard at the desk's time.
  expect(detail.history.map((h) => h.at)).toEqual([
    new Date(DESK_NOW).toISOString(),
    new Date(DESK_NOW).toISOString(),
  ])
  expect(detail.history.map((h) => [h.source, h.code])).toEqual([
    ['calcom', 'created'],
    ['desk', 'visit_changed'],
  ])

  expect((await signInAs(desk, OWNER)).status).toBe(200)
  const day = dayOf(DESK_NOW, desk.services.branches.current().timeZone)
  const res = await deskFetch(desk, `/api/audit?date=${day}`)
  expect(res.status).toBe(200)
  const log = (await res.json()) as AuditLog
  const visit = log.entries.find((e) => e.action === 'appointment.visit')
  expect(visit).toMatchObject({
    at: new Date(DESK_NOW).toISOString(),
    person: { id: RECEPTIONIST.id, name: RECEPTIONIST.name },
    appointment: { uid: 'visit-at-desk-time' },
  })
})
