// Two businesses at one relay, set up through its own routes as desks set them up: business X
// with branches A and B (B joined with the owner's join code), an admin and a receptionist of A;
// business Y with branch C. What the branch-names and cancellation-policies tests start from: who
// may change X's branches, and that Y can neither see nor touch them.
import type {
  CreateBusinessResponse,
  JoinCodeResponse,
  PersonChangeResponse,
} from '../../src/shared/relay/relay-contract.js'
import { auth, seedChannel, seedDevice, type Harness } from './helpers.js'

export interface TwoBusinesses {
  /** Branches A and B are business X (B joined); C is business Y. */
  desk: Record<'a' | 'b' | 'c', { token: string; channelId: string }>
  x: CreateBusinessResponse
  y: CreateBusinessResponse
  adminA: string
  receptionistA: string
}

/** X and Y, both owners with `pins.owner`; A's admin and receptionist with theirs. */
export async function seedTwoBusinesses(
  h: Harness,
  pins: { owner: string; admin: string; receptionist: string },
): Promise<TwoBusinesses> {
  const desk = {} as TwoBusinesses['desk']
  for (const k of ['a', 'b', 'c'] as const) {
    const { channel } = await seedChannel(h.storage)
    desk[k] = { token: (await seedDevice(h.storage, channel.id)).token, channelId: channel.id }
  }
  const post = async <T>(token: string, url: string, payload: object, status: number) => {
    const r = await h.app.inject({ method: 'POST', url, headers: auth(token), payload })
    if (r.statusCode !== status) throw new Error(`POST ${url} answered ${r.statusCode}: ${r.body}`)
    return r.json() as T
  }
  const person = (name: string) => ({
    name,
    email: `${name.toLowerCase()}@example.com`,
    language: 'en',
    pin: pins.owner,
  })
  const x = await post<CreateBusinessResponse>(
    desk.a.token,
    '/v1/business',
    { name: 'X', owner: person('Ana') },
    201,
  )
  const y = await post<CreateBusinessResponse>(
    desk.c.token,
    '/v1/business',
    { name: 'Y', owner: person('Olga') },
    201,
  )
  const actor = { personId: x.ownerId, pin: pins.owner }
  const code = await post<JoinCodeResponse>(desk.a.token, '/v1/business/join-codes', { actor }, 201)
  await post(desk.b.token, '/v1/business/join', { code: code.code }, 200)
  const add = async (name: string, role: string, pin: string) =>
    (
      await post<PersonChangeResponse>(
        desk.a.token,
        '/v1/business/people',
        { actor, person: { ...person(name), pin, role, branches: [desk.a.channelId] } },
        201,
      )
    ).person.id
  const adminA = await add('Bea', 'admin', pins.admin)
  const receptionistA = await add('Carla', 'receptionist', pins.receptionist)
  return { desk, x, y, adminA, receptionistA }
}
