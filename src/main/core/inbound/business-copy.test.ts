// The business across two branches, as deployed: the Cal.com sandbox, a real relay, and two
// desks each connected to its own branch's account. One desk sets the business up, the other
// joins with the owner's code; people changed at the relay reach the desks through their channel
// logs (FRONTDESK_BUSINESS_CHANGED), and sign-in keeps working with the relay gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import { sandboxAccounts, type SandboxAccount } from '../../../../test/support/sandbox-calcom'
import {
  connectByApiKey,
  startDeskOnRelay,
  untilRelayOnline,
} from '../../../../test/support/connected-desk'
import { hostname } from 'node:os'
import type {
  AuditLog,
  JoinCode,
  PeopleList,
  PersonChange,
  SessionState,
} from '../../../shared/api/people'
import { dayOf } from '../time/branch-day'

let sandbox: RunningSandbox
let relay: InProcessRelay
let deskA: TempDesk
let deskB: TempDesk

const json = (body: unknown) => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

async function connectedDesk(account: SandboxAccount): Promise<TempDesk> {
  const desk = await startDeskOnRelay({ calcomUrl: sandbox.url, relayUrl: relay.url })
  await connectByApiKey(desk, account.apiKey)
  await untilRelayOnline(desk)
  return desk
}

/** A successful call to a desk's local API. */
async function post<T = unknown>(desk: TempDesk, path: string, body: unknown, method = 'POST') {
  const res = await deskFetch(desk, path, { method, ...json(body) })
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as T
}

const peopleAt = async (desk: TempDesk) =>
  (await (await deskFetch(desk, '/api/people')).json()) as PeopleList
const sessionAt = async (desk: TempDesk) =>
  (await (await deskFetch(desk, '/api/session')).json()) as SessionState

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  const accounts = await sandboxAccounts(sandbox.url)
  relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  deskA = await connectedDesk(accounts[0]!)
  deskB = await connectedDesk(accounts[1]!)
})

afterAll(async () => {
  await deskA?.dispose()
  await deskB?.dispose()
  await relay?.close().catch(() => undefined)
  await sandbox?.close()
})

describe('the business at two desks', () => {
  const owner = { name: 'Olga Owner', email: 'olga@example.com', language: 'es', pin: '4321' }
  let ownerId: string
  let receptionistId: string

  it('is set up at one desk, which then wants a sign-in', async () => {
    expect(await sessionAt(deskA)).toMatchObject({ signInRequired: false })
    const bad = await deskFetch(deskA, '/api/business', {
      method: 'POST',
      ...json({ name: 'Salons', owner: { ...owner, email: 'not-an-email' } }),
    })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { field: 'owner.email' } })

    const res = await deskFetch(deskA, '/api/business', {
      method: 'POST',
      ...json({ name: 'Olga’s Salons', owner }),
    })
    expect(res.status).toBe(200)
    const listed = (await res.json()) as PeopleList
    expect(listed.business?.name).toBe('Olga’s Salons')
    expect(listed.people).toEqual([expect.objectContaining({ name: 'Olga Owner', role: 'owner' })])
    ownerId = listed.people[0]!.id
    expect(await sessionAt(deskA)).toMatchObject({ signInRequired: true, person: null })
    expect((await deskFetch(deskA, '/api/outbox')).status).toBe(401)

    const again = await deskFetch(deskA, '/api/business', {
      method: 'POST',
      ...json({ name: 'Again', owner }),
    })
    // Once a business exists, setting one up wants a signed-in owner (and the relay says no).
    expect(again.status).toBe(401)
  })

  it('is joined by the second branch with the owner’s code', async () => {
    const wrong = await deskFetch(deskB, '/api/business/join', {
      method: 'POST',
      ...json({ code: 'AAAA-BBBB-CCCC-DDDD' }),
    })
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({
      error: { code: 'JOIN_CODE_INVALID', field: 'code' },
    })

    await post(deskA, '/api/session', { personId: ownerId, pin: owner.pin })
    const { code } = await post<JoinCode>(deskA, '/api/business/join-codes', { pin: owner.pin })
    const res = await deskFetch(deskB, '/api/business/join', { method: 'POST', ...json({ code }) })
    expect(res.status).toBe(200)
    expect(((await res.json()) as PeopleList).people.map((p) => p.id)).toEqual([ownerId])
    // The owner signs in at either desk, with the PIN set at the other.
    const signIn = await deskFetch(deskB, '/api/session', {
      method: 'POST',
      ...json({ personId: ownerId, pin: owner.pin }),
    })
    expect(signIn.status).toBe(200)
  })

  it('hears of a person added at the relay, at the desk of their branch only', async () => {
    const channelB = deskB.services.sync.relayIdentity().channelId!
    const added = await post<PersonChange>(deskA, '/api/business/people', {
      pin: owner.pin,
      person: {
        name: 'Rita Reception',
        email: 'rita@example.com',
        language: 'en',
        pin: '5555',
        role: 'receptionist',
        branches: [channelB],
      },
    })
    receptionistId = added.person.id
    await until('desk B copying the new person', async () =>
      (await peopleAt(deskB)).people.some((p) => p.id === receptionistId),
    )
    await until('desk A copying the new version', async () => {
      const copy = deskA.services.business.current()
      return copy?.version === added.version
    })
    expect((await peopleAt(deskA)).people.map((p) => p.id)).toEqual([ownerId])

    const signIn = await deskFetch(deskB, '/api/session', {
      method: 'POST',
      ...json({ personId: receptionistId, pin: '5555' }),
    })
    expect(signIn.status).toBe(200)
    const refused = await deskFetch(deskB, '/api/branch/disconnect', { method: 'POST' })
    expect(refused.status).toBe(403)
  })

  it('ends the session of a person deactivated at the relay, and they can no longer sign in', async () => {
    await post(
      deskA,
      `/api/business/people/${receptionistId}`,
      {
        pin: owner.pin,
        changes: { active: false },
      },
      'PATCH',
    )
    await until('desk B ending the session', async () => (await sessionAt(deskB)).person === null)
    const again = await deskFetch(deskB, '/api/session', {
      method: 'POST',
      ...json({ personId: receptionistId, pin: '5555' }),
    })
    expect(again.status).toBe(400)
    expect(await again.json()).toMatchObject({ error: { field: 'personId' } })
  })

  it('lets an admin manage the receptionists of their branch, and no more', async () => {
    const channelA = deskA.services.sync.relayIdentity().channelId!
    await post(deskA, '/api/session', { personId: ownerId, pin: owner.pin })
    const admin = await post<PersonChange>(deskA, '/api/business/people', {
      pin: owner.pin,
      person: {
        name: 'Ada Admin',
        email: 'ada@example.com',
        language: 'en',
        pin: '7777',
        role: 'admin',
      },
    })
    // Added at desk A without branches: this desk's branch.
    expect(admin.person.branches).toEqual([channelA])
    await post(deskA, '/api/session', { personId: admin.person.id, pin: '7777' })

    // A receptionist of another branch (Rita, at B) is not hers to change: 403, nothing changes.
    const elsewhere = await deskFetch(deskA, `/api/business/people/${receptionistId}`, {
      method: 'PATCH',
      ...json({ pin: '7777', changes: { name: 'Renamed', active: true } }),
    })
    expect(elsewhere.status).toBe(403)
    expect(await elsewhere.json()).toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect(deskA.services.business.people().find((p) => p.id === receptionistId)).toMatchObject({
      name: 'Rita Reception',
      active: false,
    })

    const newAdmin = await deskFetch(deskA, '/api/business/people', {
      method: 'POST',
      ...json({
        pin: '7777',
        person: {
          name: 'Other',
          email: 'o@example.com',
          language: 'en',
          pin: '1212',
          role: 'admin',
        },
      }),
    })
    expect(newAdmin.status).toBe(403)
    expect(await newAdmin.json()).toMatchObject({ error: { code: 'FORBIDDEN' } })

    const wrongPin = await deskFetch(deskA, '/api/business/people', {
      method: 'POST',
      ...json({
        pin: '0000',
        person: {
          name: 'Tom',
          email: 't@example.com',
          language: 'en',
          pin: '1212',
          role: 'receptionist',
        },
      }),
    })
    expect(wrongPin.status).toBe(403)
    expect(await wrongPin.json()).toMatchObject({ error: { code: 'PIN_REFUSED', field: 'pin' } })

    const tom = await post<PersonChange>(deskA, '/api/business/people', {
      pin: '7777',
      person: {
        name: 'Tom',
        email: 't@example.com',
        language: 'en',
        pin: '1212',
        role: 'receptionist',
      },
    })
    expect((await peopleAt(deskA)).people.map((p) => p.name)).toContain('Tom')
    // A PIN reset takes effect at once: the old PIN no longer signs Tom in.
    const resetAt = Date.now()
    await post(
      deskA,
      `/api/business/people/${tom.person.id}`,
      { pin: '7777', changes: { pin: '3434' } },
      'PATCH',
    )
    const old = await deskFetch(deskA, '/api/session', {
      method: 'POST',
      ...json({ personId: tom.person.id, pin: '1212' }),
    })
    expect(old.status).toBe(401)
    await post(deskA, '/api/session', { personId: tom.person.id, pin: '3434' })

    // The audit log's days are the branch's (the reset's, and the next if midnight came since).
    const zone = deskA.services.branches.current().timeZone
    await post(deskA, '/api/session', { personId: ownerId, pin: owner.pin })
    const entries: AuditLog['entries'] = []
    for (const day of new Set([dayOf(resetAt, zone), dayOf(Date.now(), zone)])) {
      const res = await deskFetch(deskA, `/api/audit?date=${day}&personId=${admin.person.id}`)
      entries.push(...((await res.json()) as AuditLog).entries)
    }
    const reset = entries.find((e) => e.action === 'people.change')
    expect(reset?.detail).toEqual({ pinReset: true })
    // Done at this desk, which the log names as the relay knows it.
    expect(reset).toMatchObject({
      deviceId: deskA.services.sync.relayIdentity().deviceId,
      deviceName: `Frontdesk on ${hostname()}`,
    })
  })

  it('takes a PIN reset at one desk to the other desk of the business once it reads the relay', async () => {
    const channelB = deskB.services.sync.relayIdentity().channelId!
    await post(deskA, '/api/session', { personId: ownerId, pin: owner.pin })
    const pia = await post<PersonChange>(deskA, '/api/business/people', {
      pin: owner.pin,
      person: {
        name: 'Pia Pin',
        email: 'pia@example.com',
        language: 'es',
        pin: '6060',
        role: 'receptionist',
        branches: [channelB],
      },
    })
    await until('desk B copying Pia', async () =>
      (await peopleAt(deskB)).people.some((p) => p.id === pia.person.id),
    )
    await post(deskB, '/api/session', { personId: pia.person.id, pin: '6060' })

    const reset = await post<PersonChange>(
      deskA,
      `/api/business/people/${pia.person.id}`,
      { pin: owner.pin, changes: { pin: '7070' } },
      'PATCH',
    )
    await until(
      'desk B copying the new PIN',
      async () => deskB.services.business.current()?.version === reset.version,
    )
    const old = await deskFetch(deskB, '/api/session', {
      method: 'POST',
      ...json({ personId: pia.person.id, pin: '6060' }),
    })
    expect(old.status).toBe(401)
    expect(await old.json()).toMatchObject({ error: { code: 'PIN_WRONG' } })
    await post(deskB, '/api/session', { personId: pia.person.id, pin: '7070' })
  })

  it('signs people in from the copy while the relay is gone', async () => {
    await relay.close()
    const res = await deskFetch(deskA, '/api/session', {
      method: 'POST',
      ...json({ personId: ownerId, pin: owner.pin }),
    })
    expect(res.status).toBe(200)
    expect(await sessionAt(deskA)).toMatchObject({ person: { id: ownerId, role: 'owner' } })
  })
})
