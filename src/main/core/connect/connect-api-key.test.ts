// Connecting a branch with a Cal.com API key, against the Cal.com sandbox, through the desk's
// real local API and SQLite.
import { statSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import type { LiveEvent } from '../../../shared/api/schemas'
import { CREDENTIALS_FILE } from '../auth/token-store'

let sandbox: RunningSandbox
let state: SandboxState
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
})
afterAll(() => sandbox.close())

const deskOn = () =>
  startTempDesk({
    env: { FRONTDESK_CALCOM_API_URL: sandbox.url, FRONTDESK_CALCOM_APP_URL: sandbox.url },
  })

const post = (desk: TempDesk, path: string, body: unknown) =>
  deskFetch(desk, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const getJson = async <T>(desk: TempDesk, path: string) =>
  (await (await deskFetch(desk, path)).json()) as T

describe('connecting with an API key', () => {
  it('fills the branch, its event types and staff, and says so on the live bus and in the audit log', async () => {
    const desk = await deskOn()
    try {
      const account = state.accounts[0]!
      const changes: LiveEvent[] = []
      desk.services.bus.subscribe((e) => changes.push(e))

      const res = await post(desk, '/api/branch/connect', { apiKey: account.apiKey })
      expect(res.status).toBe(200)
      const branch = await getJson<Record<string, unknown>>(desk, '/api/branch')
      expect(branch).toMatchObject({
        name: account.name,
        timeZone: account.timeZone,
        calcomAccountId: account.userId,
        calcomUsername: account.username,
        connection: 'connected',
      })
      expect(changes).toContainEqual({ type: 'branch' })

      const eventTypes = await getJson<Array<Record<string, unknown>>>(desk, '/api/event-types')
      expect(eventTypes.map((e) => e.calcomId).sort()).toEqual(
        account.eventTypes.map((e) => e.id).sort(),
      )
      const needsConfirmation = account.eventTypes.find((e) => e.requiresConfirmation)!
      expect(eventTypes.find((e) => e.calcomId === needsConfirmation.id)).toMatchObject({
        title: needsConfirmation.title,
        lengthInMinutes: needsConfirmation.lengthInMinutes,
        requiresConfirmation: true,
      })

      const staff = await getJson<Array<{ name: string; email: string | null }>>(desk, '/api/staff')
      const hostIds = new Set(account.eventTypes.flatMap((e) => e.hostIds))
      const hosts = account.staff.filter((s) => hostIds.has(s.id))
      expect(staff.map((s) => s.name).sort()).toEqual(hosts.map((s) => s.name).sort())
      expect(staff.map((s) => s.email).sort()).toEqual(hosts.map((s) => s.email).sort())

      // The key lives in the token file (0600), never in the database's logs or desk.log.
      const file = join(desk.dataDir, CREDENTIALS_FILE)
      expect(statSync(file).mode & 0o777).toBe(0o600)
      const calls = await getJson<Array<{ path: string; status: number }>>(desk, '/api/api-log')
      expect(calls.map((c) => c.path)).toEqual(
        expect.arrayContaining(['/v2/me', '/v2/event-types', '/v2/schedules']),
      )
      expect(JSON.stringify(calls)).not.toContain(account.apiKey)
      expect(JSON.stringify(calls)).not.toContain('@') // no emails

      const audit = desk.services.audit.entries()
      expect(audit).toContainEqual(
        expect.objectContaining({ action: 'branch.connect', target: `branch:${branch.id}` }),
      )
      expect(JSON.stringify(audit)).not.toContain(account.apiKey)

      // Connecting again (e.g. after a change in Cal.com) updates rather than duplicates.
      expect((await post(desk, '/api/branch/connect', { apiKey: account.apiKey })).status).toBe(200)
      expect(await getJson<unknown[]>(desk, '/api/staff')).toHaveLength(staff.length)
      expect(await getJson<unknown[]>(desk, '/api/event-types')).toHaveLength(eventTypes.length)
      await desk.close()
      expect(readFileSync(join(desk.dataDir, 'logs', 'desk.log'), 'utf8')).not.toContain(
        account.apiKey,
      )
    } finally {
      await desk.dispose()
    }
  })

  it("keeps each service's minimum booking notice as Cal.com serves it, in the desk's SQLite file and on the local API", async () => {
    const desk = await deskOn()
    try {
      const account = state.accounts[0]!
      expect((await post(desk, '/api/branch/connect', { apiKey: account.apiKey })).status).toBe(200)
      // What Cal.com says, asked as the desk asks it.
      const served = (await (
        await fetch(`${sandbox.url}/v2/event-types`, {
          headers: { authorization: `Bearer ${account.apiKey}`, 'cal-api-version': '2024-06-14' },
        })
      ).json()) as { data: Array<{ id: number; slug: string; minimumBookingNotice: number }> }
      const notice = Object.fromEntries(served.data.map((e) => [e.id, e.minimumBookingNotice]))
      expect(served.data.find((e) => e.slug === 'bridal-trial')?.minimumBookingNotice).toBe(48 * 60)

      const rows = desk.services.db.$client
        .prepare('select calcom_id as calcomId, minimum_notice_minutes as minutes from event_types')
        .all() as Array<{ calcomId: number; minutes: number | null }>
      expect(Object.fromEntries(rows.map((r) => [r.calcomId, r.minutes]))).toEqual(notice)

      const eventTypes = await getJson<Array<{ calcomId: number; minimumNoticeMinutes: number }>>(
        desk,
        '/api/event-types',
      )
      expect(
        Object.fromEntries(eventTypes.map((e) => [e.calcomId, e.minimumNoticeMinutes])),
      ).toEqual(notice)
    } finally {
      await desk.dispose()
    }
  })

  it('refuses a wrong key with 400 naming apiKey and Cal.com’s reason, and changes nothing', async () => {
    const desk = await deskOn()
    try {
      const before = await getJson<unknown>(desk, '/api/branch')
      const res = await post(desk, '/api/branch/connect', { apiKey: 'cal_live_not_a_real_key' })
      expect(res.status).toBe(400)
      const body = (await res.json()) as { error: { code: string; field: string; message: string } }
      expect(body.error.field).toBe('apiKey')
      expect(body.error.code).toBe('INVALID_API_KEY')
      expect(body.error.message).toContain('Invalid API Key')
      expect(await getJson<unknown>(desk, '/api/branch')).toEqual(before)
      expect(await getJson<unknown[]>(desk, '/api/event-types')).toEqual([])
      expect(await getJson<unknown[]>(desk, '/api/staff')).toEqual([])
      expect(existsSync(join(desk.dataDir, CREDENTIALS_FILE))).toBe(false)

      const empty = await post(desk, '/api/branch/connect', { apiKey: '' })
      expect(empty.status).toBe(400)
      expect(((await empty.json()) as { error: { field: string } }).error.field).toBe('apiKey')
    } finally {
      await desk.dispose()
    }
  })

  it('refuses an account whose Cal.com time zone the desk does not know, naming it, and changes nothing', async () => {
    const desk = await deskOn()
    const account = sandbox.sandbox.store.accounts.get(state.accounts[0]!.userId)!
    const zone = account.timeZone
    account.timeZone = 'Mars/Olympus_Mons'
    try {
      const before = await getJson<unknown>(desk, '/api/branch')
      const res = await post(desk, '/api/branch/connect', { apiKey: state.accounts[0]!.apiKey })
      const body = (await res.json()) as { error: { code: string; message: string } }
      // It answered 500 "Something went wrong in the desk".
      expect([res.status, body.error.code], JSON.stringify(body)).toEqual([502, 'CALCOM_REFUSED'])
      expect(body.error.message).toMatch(/data\.timeZone "Mars\/Olympus_Mons" is not a time zone/)
      expect(await getJson<unknown>(desk, '/api/branch')).toEqual(before)
      expect(await getJson<unknown[]>(desk, '/api/event-types')).toEqual([])
    } finally {
      account.timeZone = zone
      await desk.dispose()
    }
  })

  it('disconnect removes the tokens, stops using Cal.com, and keeps appointments and history', async () => {
    const desk = await deskOn()
    try {
      const account = state.accounts[1]!
      expect((await post(desk, '/api/branch/connect', { apiKey: account.apiKey })).status).toBe(200)
      const branch = desk.services.branches.current()
      const start = new Date(Date.now() + 3_600_000)
      desk.services.appointments.upsert(
        {
          uid: 'kept-booking',
          branchId: branch.id,
          title: 'Haircut',
          start,
          end: new Date(start.getTime() + 45 * 60_000),
          status: 'SCHEDULED',
          attendee: { name: 'Kept Client' },
        },
        'calcom',
      )

      const res = await post(desk, '/api/branch/disconnect', {})
      expect(res.status).toBe(200)
      expect(await res.json()).toMatchObject({
        connection: 'disconnected',
        calcomAccountId: account.userId,
      })
      expect(existsSync(join(desk.dataDir, CREDENTIALS_FILE))).toBe(false)
      expect(desk.services.connection.client()).toBeNull()
      expect(desk.services.appointments.byUid('kept-booking')).toMatchObject({ title: 'Haircut' })
      expect((await getJson<unknown[]>(desk, '/api/event-types')).length).toBeGreaterThan(0)
      expect((await getJson<unknown[]>(desk, '/api/api-log')).length).toBeGreaterThan(0)
      const audit = desk.services.audit.entries()
      expect(audit.map((a) => a.action)).toEqual(['branch.connect', 'branch.disconnect'])

      // A restart stays disconnected: nothing was left behind to pick up.
      await desk.close()
      const again = await startTempDesk({
        dataDir: desk.dataDir,
        env: { FRONTDESK_CALCOM_API_URL: sandbox.url },
      })
      expect(again.services.connection.client()).toBeNull()
      expect(again.services.branches.current().connection).toBe('disconnected')
      await again.close()
    } finally {
      await desk.dispose()
    }
  })
})
