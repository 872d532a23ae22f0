// One person at the app, through its real local API (two branch cores, each with its own copy of
// the business): a PIN typed at one branch signs the person in at the other without asking again,
// signing out at either ends it at both, and a branch of another business is never signed in so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTempBranchHost, type TempBranchHost } from '../../../../test/support/temp-branch-host'
import type { SessionState } from '../../../shared/api/people'
import {
  OWNER,
  RECEPTIONIST,
  seedBusiness,
  snapshotOf,
  TEAM,
} from '../people/business.test-support'
import type { BranchHost } from './branch-host'

const TOKEN = 'app-sign-in-test-token-0123456789'
let host: BranchHost
let app: TempBranchHost

beforeAll(async () => {
  app = await startTempBranchHost({ env: { FRONTDESK_API_TOKEN: TOKEN } })
  host = app.host
  await host.add('madrid', 'Madrid')
  await host.add('elsewhere', 'Another business')
  await seedBusiness(host.primary)
  await seedBusiness(host.branch('madrid')!.desk)
  host
    .branch('elsewhere')!
    .desk.services.business.replace({ ...(await snapshotOf(TEAM)), businessId: 'biz_other' })
}, 60_000)
afterAll(async () => {
  await app.dispose()
})

/** A call to the app as the page makes it: `prefix` is '' or `/b/<key>`. */
const call = (prefix: string, path: string, init: RequestInit = {}) =>
  fetch(`${host.url}${prefix}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${TOKEN}`, ...init.headers },
  })
const personAt = async (prefix: string) =>
  ((await (await call(prefix, '/api/session')).json()) as SessionState).person?.id ?? null
const signIn = (prefix: string, personId: string, pin: string) =>
  call(prefix, '/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId, pin }),
  })
const everywhere = async () => [
  await personAt(''),
  await personAt('/b/madrid'),
  await personAt('/b/elsewhere'),
]

describe('one person at the app', () => {
  it('signed in at one branch is signed in at the other branches of the business, audited so', async () => {
    expect((await signIn('', OWNER.id, OWNER.pin)).status).toBe(200)
    expect(await everywhere()).toEqual([OWNER.id, OWNER.id, null])
    const audit = host
      .branch('madrid')!
      .desk.services.db.$client.prepare(
        'select action, detail, person_id from audit_log order by id desc limit 1',
      )
      .get()
    expect(audit).toEqual({
      action: 'session.signIn',
      detail: JSON.stringify({ via: 'app', branch: 'main' }),
      person_id: OWNER.id,
    })

    // Signing out at the second branch ends it at the first too.
    expect((await call('/b/madrid', '/api/session', { method: 'DELETE' })).status).toBeLessThan(300)
    expect(await everywhere()).toEqual([null, null, null])
  }, 60_000)

  it('a new person at the computer takes over every branch; one of another business is signed out there', async () => {
    // Someone signed in at the other business's branch, with its own PIN.
    expect((await signIn('/b/elsewhere', OWNER.id, OWNER.pin)).status).toBe(200)
    expect(await everywhere()).toEqual([null, null, OWNER.id])

    // Then the receptionist signs in at Madrid: they are the one at the computer now.
    expect((await signIn('/b/madrid', RECEPTIONIST.id, RECEPTIONIST.pin)).status).toBe(200)
    expect(await everywhere()).toEqual([RECEPTIONIST.id, RECEPTIONIST.id, null])

    // A wrong PIN at one branch signs no one in anywhere and leaves the person there.
    expect((await signIn('', OWNER.id, '9999')).status).toBe(401)
    expect(await everywhere()).toEqual([RECEPTIONIST.id, RECEPTIONIST.id, null])
  }, 60_000)

  it('counts activity at any branch against the idle sign-out, and ends it at all when idle', async () => {
    // A second app on a clock of the test's own (no waiting).
    let now = Date.parse('2026-03-10T09:00:00Z')
    const clockedApp = await startTempBranchHost({
      env: { FRONTDESK_API_TOKEN: TOKEN },
      options: { now: () => now, branchOptions: () => ({ now: () => now }) },
    })
    const clocked = clockedApp.host
    try {
      await clocked.add('madrid', 'Madrid')
      await seedBusiness(clocked.primary)
      await seedBusiness(clocked.branch('madrid')!.desk)
      const at = (prefix: string, path: string, init: RequestInit = {}) =>
        fetch(`${clocked.url}${prefix}${path}`, {
          ...init,
          headers: { authorization: `Bearer ${TOKEN}`, ...init.headers },
        })
      const who = async () =>
        Promise.all(
          ['', '/b/madrid'].map(
            async (prefix) =>
              ((await (await at(prefix, '/api/session')).json()) as SessionState).person?.id ??
              null,
          ),
        )
      const signedIn = await at('', '/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ personId: OWNER.id, pin: OWNER.pin }),
      })
      expect(signedIn.status).toBe(200)

      // Nine minutes on, the owner works at Madrid; the first branch counts it too.
      now += 9 * 60_000
      const activity = await at('/b/madrid', '/api/session/activity', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
      expect(activity.status).toBe(200)
      now += 9 * 60_000
      expect(await who()).toEqual([OWNER.id, OWNER.id])

      // Ten idle minutes (the default) end it at both.
      now += 10 * 60_000
      expect(await who()).toEqual([null, null])
    } finally {
      await clockedApp.dispose()
    }
  }, 60_000)
})
