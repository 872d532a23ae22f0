// A business set up at a connected desk through its own local API, as the Team screen does it:
// an owner, an admin and a receptionist, each with a PIN. Shared by the route tests and the e2e
// specs of notifications. And rules that notify at once (no bursts, no quiet hours), so a test
// sees a booking's notification without waiting on the clock.
import type { NotificationRules } from '../../../shared/notifications/rules'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'

export interface NotifyPerson {
  id: string
  name: string
  pin: string
  role: 'owner' | 'admin' | 'receptionist'
}

export interface NotifyTeam {
  owner: NotifyPerson
  admin: NotifyPerson
  receptionist: NotifyPerson
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

async function ok<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what} answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as T
}

export function signInAt(desk: TempDesk, person: NotifyPerson, pin = person.pin) {
  return deskFetch(desk, '/api/session', json('POST', { personId: person.id, pin }))
}

export async function setUpTeam(desk: TempDesk): Promise<NotifyTeam> {
  const created = await ok<{ people: { id: string; name: string }[] }>(
    await deskFetch(
      desk,
      '/api/business',
      json('POST', {
        name: 'Olga’s Salons',
        owner: { name: 'Olga Owner', email: 'olga@example.com', language: 'en', pin: '4321' },
      }),
    ),
    'setting up the business',
  )
  const owner: NotifyPerson = {
    id: created.people[0]!.id,
    name: 'Olga Owner',
    pin: '4321',
    role: 'owner',
  }
  await ok(await signInAt(desk, owner), 'the owner signing in')
  const add = async (name: string, role: 'admin' | 'receptionist', pin: string) => {
    const answer = await ok<{ person: { id: string } }>(
      await deskFetch(
        desk,
        '/api/business/people',
        json('POST', {
          pin: owner.pin,
          person: {
            name,
            email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
            language: 'en',
            pin,
            role,
          },
        }),
      ),
      `adding ${name}`,
    )
    return { id: answer.person.id, name, pin, role }
  }
  const admin = await add('Ada Admin', 'admin', '2468')
  const receptionist = await add('Rita Reception', 'receptionist', '1357')
  return { owner, admin, receptionist }
}

/** The rules with every booking kind sent at once to the owner on the desktop. */
export function atOnce(rules: NotificationRules): NotificationRules {
  const kinds = { ...rules.kinds }
  for (const kind of Object.keys(kinds) as (keyof typeof kinds)[]) {
    kinds[kind] = { ...kinds[kind], coalesceMinutes: 0, quietHours: false }
  }
  return { ...rules, kinds, quietHours: null }
}
