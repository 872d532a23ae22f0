// Signing in at a desk with a PIN, offline against the copied hash: names and roles only on the
// wire, five wrong PINs lock that person here for five minutes, idle sign-out after the set
// minutes, and who did what in the audit log and the appointment's history. The desk's clock is
// a value the test moves, so nothing waits.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AuditLog } from '../../../shared/api/people'
import type { AppointmentDetail } from '../../../shared/api/schemas'
import { dayOf } from '../time/branch-day'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { ADMIN, OWNER, RECEPTIONIST, seedBusiness, signInAs } from './business.test-support'

let desk: TempDesk
// The desk's clock: sign-in reads it and the audit log is stamped by it.
let now = Date.now()
// When this file's first audited action could be: the log is read by branch day, and the run may
// cross midnight there.
const STARTED = Date.now()

const json = (body: unknown) => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

beforeAll(async () => {
  desk = await startTempDesk({ now: () => now })
  await seedBusiness(desk)
})
afterAll(() => desk.dispose())
beforeEach(async () => {
  await deskFetch(desk, '/api/session', { method: 'DELETE' })
})

describe('signing in at the desk', () => {
  it('lists who may sign in by name and role, never a hash', async () => {
    const res = await deskFetch(desk, '/api/people')
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({
      business: { id: 'biz_test', name: 'Test Salons' },
      people: [
        { id: ADMIN.id, name: ADMIN.name, role: 'admin' },
        { id: OWNER.id, name: OWNER.name, role: 'owner' },
        { id: RECEPTIONIST.id, name: RECEPTIONIST.name, role: 'receptionist' },
      ],
    })
    expect(text).not.toMatch(/argon2|pinHash/)
  })

  it('signs in with the right PIN, says who is signed in, and signs out', async () => {
    const res = await signInAs(desk, RECEPTIONIST)
    expect(res.status).toBe(200)
    const session = await (await deskFetch(desk, '/api/session')).json()
    expect(session).toMatchObject({
      signInRequired: true,
      person: { id: RECEPTIONIST.id, name: RECEPTIONIST.name, role: 'receptionist' },
      idleSignOutMinutes: 10,
    })
    expect((await deskFetch(desk, '/api/appointments?date=2026-05-04')).status).toBe(200)
    await deskFetch(desk, '/api/session', { method: 'DELETE' })
    expect(await (await deskFetch(desk, '/api/session')).json()).toMatchObject({ person: null })
    const after = await deskFetch(desk, '/api/appointments?date=2026-05-04')
    expect(after.status).toBe(401)
  })

  it('refuses a PIN that is not 4–12 digits, and a person who is not on the list, naming the field', async () => {
    const short = await signInAs(desk, RECEPTIONIST, '12')
    expect(short.status).toBe(400)
    expect(await short.json()).toMatchObject({ error: { code: 'VALIDATION', field: 'pin' } })
    const nobody = await deskFetch(desk, '/api/session', {
      method: 'POST',
      ...json({ personId: 'per_nobody', pin: '1234' }),
    })
    expect(nobody.status).toBe(400)
    expect(await nobody.json()).toMatchObject({
      error: { code: 'VALIDATION', reason: 'not_available', field: 'personId' },
    })
  })

  it('locks a person at this desk for five minutes after five wrong PINs', async () => {
    for (let left = 4; left >= 1; left--) {
      const wrong = await signInAs(desk, ADMIN, '9999')
      expect(wrong.status).toBe(401)
      expect(await wrong.json()).toMatchObject({
        error: { code: 'PIN_WRONG', params: { attemptsLeft: left } },
      })
    }
    const fifth = await signInAs(desk, ADMIN, '9999')
    expect(fifth.status).toBe(423)
    const until = new Date(now + 5 * 60_000).toISOString()
    expect(await fifth.json()).toMatchObject({ error: { code: 'PIN_LOCKED', params: { until } } })

    const right = await signInAs(desk, ADMIN)
    expect(right.status).toBe(423)
    // Someone else is not locked.
    expect((await signInAs(desk, OWNER)).status).toBe(200)

    now += 5 * 60_000
    expect((await signInAs(desk, ADMIN)).status).toBe(200)
  })

  it('signs the person out after the idle minutes without activity, and the setting changes them', async () => {
    await signInAs(desk, ADMIN)
    now += 9 * 60_000
    // Doing something restarts the clock; reading does not.
    await deskFetch(desk, '/api/session/activity', { method: 'POST', ...json({}) })
    now += 9 * 60_000
    expect((await deskFetch(desk, '/api/appointments?date=2026-05-04')).status).toBe(200)
    now += 60_000
    const idle = await deskFetch(desk, '/api/appointments?date=2026-05-04')
    expect(idle.status).toBe(401)
    expect(await idle.json()).toMatchObject({ error: { code: 'SIGN_IN_REQUIRED' } })

    await signInAs(desk, RECEPTIONIST)
    const refused = await deskFetch(desk, '/api/settings/sign-in', {
      method: 'PUT',
      ...json({ idleSignOutMinutes: 2 }),
    })
    expect(refused.status).toBe(403)
    await signInAs(desk, ADMIN)
    const bad = await deskFetch(desk, '/api/settings/sign-in', {
      method: 'PUT',
      ...json({ idleSignOutMinutes: 0 }),
    })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { field: 'idleSignOutMinutes' } })
    const set = await deskFetch(desk, '/api/settings/sign-in', {
      method: 'PUT',
      ...json({ idleSignOutMinutes: 2 }),
    })
    expect(await set.json()).toEqual({ idleSignOutMinutes: 2 })
    now += 2 * 60_000
    expect(await (await deskFetch(desk, '/api/session')).json()).toMatchObject({ person: null })
    await signInAs(desk, ADMIN)
    await deskFetch(desk, '/api/settings/sign-in', {
      method: 'PUT',
      ...json({ idleSignOutMinutes: 10 }),
    })
  })
})

describe('who did what', () => {
  it('names the signed-in person in the history and the audit log, which owners and admins read by person and day', async () => {
    const branch = desk.services.branches.current()
    desk.services.appointments.upsert(
      {
        uid: 'visit-1',
        branchId: branch.id,
        title: 'Cut with Dana',
        start: new Date(now + 3_600_000),
        end: new Date(now + 5_400_000),
        status: 'SCHEDULED',
        attendee: { name: 'Dana' },
      },
      'calcom',
    )
    await signInAs(desk, RECEPTIONIST)
    const checkIn = await deskFetch(desk, '/api/appointments/visit-1/visit', {
      method: 'POST',
      ...json({ state: 'ARRIVED' }),
    })
    expect(checkIn.status).toBe(200)
    const detail = (await (
      await deskFetch(desk, '/api/appointments/visit-1')
    ).json()) as AppointmentDetail
    expect(detail.history.at(-1)).toMatchObject({
      source: 'desk',
      by: { personId: RECEPTIONIST.id, name: RECEPTIONIST.name },
    })
    expect(detail.history[0]?.by).toBeUndefined()

    const zone = desk.services.branches.current().timeZone
    const days = [...new Set([dayOf(STARTED, zone), dayOf(now, zone)])]
    /** The audit log of every branch day this file ran on. */
    const audit = async (query = '') => {
      const entries: AuditLog['entries'] = []
      for (const day of days) {
        const res = await deskFetch(desk, `/api/audit?date=${day}${query}`)
        expect(res.status).toBe(200)
        entries.push(...((await res.json()) as AuditLog).entries)
      }
      return { entries }
    }
    const readByReceptionist = await deskFetch(desk, `/api/audit?date=${days.at(-1)}`)
    expect(readByReceptionist.status).toBe(403)

    await signInAs(desk, OWNER)
    const log = await audit(`&personId=${RECEPTIONIST.id}`)
    expect(log.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['session.signIn', 'appointment.visit']),
    )
    for (const entry of log.entries)
      expect(entry.person).toEqual({ id: RECEPTIONIST.id, name: RECEPTIONIST.name })
    // An entry about an appointment names its client and time, so the log reads without the uid.
    expect(log.entries.find((e) => e.action === 'appointment.visit')?.appointment).toEqual({
      uid: 'visit-1',
      client: 'Dana',
      start: new Date(now + 3_600_000).toISOString(),
    })
    const everyone = await audit()
    expect(everyone.entries.map((e: { action: string }) => e.action)).toContain(
      'settings.idleSignOutMinutes',
    )
    const badDay = await deskFetch(desk, '/api/audit?date=2026-02-30')
    expect(badDay.status).toBe(400)
    expect(await badDay.json()).toMatchObject({ error: { field: 'date' } })
  })
})
