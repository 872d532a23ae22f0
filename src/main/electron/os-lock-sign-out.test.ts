// The OS locking the screen signs the desk's person out (electron mocked: powerMonitor only),
// against a real desk with a business copy.
import { EventEmitter } from 'node:events'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { deskFetch, startTempDesk, type TempDesk } from '../../../test/support/temp-desk'
import type { SessionState } from '../../shared/api/people'
import { RECEPTIONIST, seedBusiness, signInAs } from '../core/people/business.test-support'

vi.mock('electron', () => ({ powerMonitor: new EventEmitter() }))

const powerMonitor = (await import('electron')).powerMonitor as unknown as EventEmitter
const { signOutWhenOsLocks } = await import('./os-lock-sign-out')

let desk: TempDesk
beforeAll(async () => {
  desk = await startTempDesk()
  await seedBusiness(desk)
})
afterAll(() => desk.dispose())

const session = async () => (await (await deskFetch(desk, '/api/session')).json()) as SessionState

describe('the OS locking the screen', () => {
  it('signs the person out, and the audit log says why', async () => {
    const stop = signOutWhenOsLocks(desk.services.signIn)
    await signInAs(desk, RECEPTIONIST)
    expect((await session()).person?.id).toBe(RECEPTIONIST.id)
    powerMonitor.emit('lock-screen')
    expect((await session()).person).toBeNull()
    const lastAudit = desk.services.db.$client
      .prepare('select action, detail, person_id from audit_log order by id desc limit 1')
      .get()
    expect(lastAudit).toEqual({
      action: 'session.signOut',
      detail: JSON.stringify({ reason: 'os-lock' }),
      person_id: RECEPTIONIST.id,
    })
    stop()
    expect(powerMonitor.listenerCount('lock-screen')).toBe(0)
  })
})
