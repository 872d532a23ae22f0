// The OS locking the screen signs the desk's person out (electron mocked: powerMonitor only),
// against a real app holding two branches, each with its own business copy and sign-in: whoever
// was signed in at either branch is signed out at both, a branch added later included.
import { EventEmitter } from 'node:events'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTempBranchHost, type TempBranchHost } from '../../../test/support/temp-branch-host'
import { deskFetch } from '../../../test/support/temp-desk'
import type { SessionState } from '../../shared/api/people'
import type { BranchHost } from '../core/branches/branch-host'
import type { Desk } from '../core/desk'
import { OWNER, RECEPTIONIST, seedBusiness, signInAs } from '../core/people/business.test-support'

vi.mock('electron', () => ({ powerMonitor: new EventEmitter() }))

const powerMonitor = (await import('electron')).powerMonitor as unknown as EventEmitter
const { signOutWhenOsLocks } = await import('./os-lock-sign-out')

let host: BranchHost
let app: TempBranchHost
beforeAll(async () => {
  app = await startTempBranchHost()
  host = app.host
  await host.add('madrid', 'Madrid')
  for (const b of host.all()) await seedBusiness(b.desk)
}, 60_000)
afterAll(async () => {
  await app.dispose()
})

const personAt = async (desk: Desk) =>
  ((await (await deskFetch(desk, '/api/session')).json()) as SessionState).person?.id ?? null

const lastAudit = (desk: Desk) =>
  desk.services.db.$client
    .prepare('select action, detail, person_id from audit_log order by id desc limit 1')
    .get()

describe('the OS locking the screen', () => {
  it('signs the person out at every branch of the app, and each audit log says why', async () => {
    const stop = signOutWhenOsLocks(() => host.all().map((b) => b.desk.services.signIn))
    const first = host.primary
    const madrid = host.branch('madrid')!.desk
    // Signed in at the first branch, the person is signed in at the second too (app-sign-in.ts).
    await signInAs(first, RECEPTIONIST)
    expect([await personAt(first), await personAt(madrid)]).toEqual([
      RECEPTIONIST.id,
      RECEPTIONIST.id,
    ])

    powerMonitor.emit('lock-screen')
    expect([await personAt(first), await personAt(madrid)]).toEqual([null, null])
    expect(lastAudit(first)).toEqual({
      action: 'session.signOut',
      detail: JSON.stringify({ reason: 'os-lock' }),
      person_id: RECEPTIONIST.id,
    })
    expect(lastAudit(madrid)).toEqual({
      action: 'session.signOut',
      detail: JSON.stringify({ reason: 'os-lock' }),
      person_id: RECEPTIONIST.id,
    })

    // A branch added after the lock was watched is signed out too.
    await host.add('lisbon', 'Lisbon')
    const lisbon = host.branch('lisbon')!.desk
    await seedBusiness(lisbon)
    await signInAs(lisbon, OWNER)
    expect(await personAt(lisbon)).toBe(OWNER.id)
    powerMonitor.emit('lock-screen')
    expect([await personAt(first), await personAt(madrid), await personAt(lisbon)]).toEqual([
      null,
      null,
      null,
    ])

    stop()
    expect(powerMonitor.listenerCount('lock-screen')).toBe(0)
  }, 60_000)
})
