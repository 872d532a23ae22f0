// A business copied into a desk as the relay would hand it over (argon2id PIN hashes and all),
// for tests of sign-in and roles that need no relay.
import { hash } from '@node-rs/argon2'
import type { Role } from '../../../shared/people/roles'
import type { BusinessSnapshot, PersonSnapshot } from '../../../shared/relay/relay-contract'
import type { Desk } from '../desk'
import { deskFetch } from '../../../../test/support/temp-desk'

export interface TestPerson {
  id: string
  name: string
  role: Role
  pin: string
}

export const OWNER: TestPerson = { id: 'per_owner', name: 'Olga Owner', role: 'owner', pin: '1111' }
export const ADMIN: TestPerson = { id: 'per_admin', name: 'Ada Admin', role: 'admin', pin: '2222' }
export const RECEPTIONIST: TestPerson = {
  id: 'per_recep',
  name: 'Rita Reception',
  role: 'receptionist',
  pin: '3333',
}
export const TEAM = [OWNER, ADMIN, RECEPTIONIST] as const

export async function snapshotOf(
  people: readonly TestPerson[],
  version = 1,
  extra: Partial<PersonSnapshot> = {},
): Promise<BusinessSnapshot> {
  return {
    businessId: 'biz_test',
    name: 'Test Salons',
    version,
    branches: [],
    people: await Promise.all(
      people.map(async (p) => ({
        id: p.id,
        name: p.name,
        email: `${p.id}@example.com`,
        language: 'en',
        role: p.role,
        branches: [],
        pinHash: await hash(p.pin),
        active: true,
        ...extra,
      })),
    ),
  }
}

/** Copies the team into the desk, as a FRONTDESK_BUSINESS_CHANGED refresh would. */
export async function seedBusiness(desk: Desk, people: readonly TestPerson[] = TEAM) {
  desk.services.business.replace(await snapshotOf(people))
}

export function signInAs(desk: Desk, person: TestPerson, pin = person.pin): Promise<Response> {
  return deskFetch(desk, '/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId: person.id, pin }),
  })
}
