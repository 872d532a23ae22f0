// A new hire added in the Cal.com sandbox as an owner would add them in Cal.com — hosting one
// service, working 09:00–11:00 on weekdays — and read by the desk's reference refresh, which
// knows them by Cal.com username only (no booking yet, and Cal.com refuses the team's
// memberships to the desk's credential, a token without the scope): their free times are their
// own, asked of Cal.com by their own event type and kept apart from the service's
// (slots-cache.ts). The Playwright twin of src/main/core/staff/username-only-member.test-support.ts
// (which needs vitest).
import type { FrontDeskWorld } from './front-desk-world'

export async function addUsernameOnlyMember(
  world: FrontDeskWorld,
  name: string,
  username: string,
  slug = 'haircut',
): Promise<void> {
  const store = world.sandbox.sandbox.store
  const { account } = world
  const service = store.eventTypesOf(account.userId).find((et) => et.slug === slug)!
  const [someone] = store.staffOf(account.userId)
  const scheduleId = Math.max(...store.schedules.keys()) + 1
  const member = store.addStaff(
    { ...someone!, name, email: `${username}@example.test`, username, scheduleId },
    [service.id],
  )
  store.schedules.set(scheduleId, {
    id: scheduleId,
    ownerId: member.id,
    name: `${name} — working hours`,
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
  const refused = await fetch(`${world.sandbox.url}/_sandbox/faults/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'http403', count: 100, pathPrefix: '/v2/teams' }),
  })
  if (refused.status !== 201) throw new Error(`the sandbox took no fault: ${refused.status}`)
  const { outcome } = await world.desk.services.referenceRefresh.refresh()
  if (outcome !== 'changed') throw new Error(`the desk's refresh did not learn of ${name}`)
}
