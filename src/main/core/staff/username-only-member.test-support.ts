// Test support: a new hire added in the Cal.com sandbox as an owner would add them in Cal.com —
// hosting one service, working 09:00–11:00 on weekdays by a schedule of their own — and read by
// the desk's reference refresh, which knows them by Cal.com username only: no booking yet, and
// Cal.com refuses the team's memberships to the desk's credential (a token without the scope),
// so nothing tells their id (slots/host-naming.ts).
import { expect } from 'vitest'
import type { RunningSandbox, SandboxState } from '../../../../sandbox/src/index'
import type { Staff as SandboxStaff } from '../../../../sandbox/src/domain/model'
import type { TempDesk } from '../../../../test/support/temp-desk'

export interface UsernameOnlyMember {
  /** Their record in the sandbox (Cal.com's user id there). */
  member: SandboxStaff
  /** The desk's staff row for them. */
  staffId: number
}

/** Adds Lee Park (username `lee`), who hosts `slug`, and has the desk learn of them. */
export async function addUsernameOnlyMember(
  sandbox: RunningSandbox,
  account: SandboxState['accounts'][number],
  desk: TempDesk,
  slug = 'haircut',
): Promise<UsernameOnlyMember> {
  const store = sandbox.sandbox.store
  const service = store.eventTypesOf(account.userId).find((et) => et.slug === slug)!
  const [someone] = store.staffOf(account.userId)
  const scheduleId = Math.max(...store.schedules.keys()) + 1
  const member = store.addStaff(
    { ...someone!, name: 'Lee Park', email: 'lee@example.test', username: 'lee', scheduleId },
    [service.id],
  )
  store.schedules.set(scheduleId, {
    id: scheduleId,
    ownerId: member.id,
    name: 'Lee — working hours',
    timeZone: account.timeZone,
    isDefault: true,
    availability: [
      {
        days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
        startTime: '09:00',
        endTime: '11:00',
      },
    ],
    overrides: [],
  })
  const refused = await fetch(`${sandbox.url}/_sandbox/faults/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'http403', count: 100, pathPrefix: '/v2/teams' }),
  })
  expect(refused.status).toBe(201)
  expect((await desk.services.referenceRefresh.refresh()).outcome).toBe('changed')
  const row = desk.services.staff
    .rowsOf(desk.services.branches.current().id)
    .find((r) => r.calcomUsername === 'lee')!
  expect(row).toMatchObject({ calcomHostId: null, active: true })
  return { member, staffId: row.id }
}
