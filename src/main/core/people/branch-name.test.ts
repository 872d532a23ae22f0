// Naming a branch from the desk (issue 16, DESIGN.md §7), as deployed: the Cal.com sandbox, a
// real relay and a connected desk. The owner names this branch with the PIN; the relay keeps it
// with the business and the desk's copy has it at once (the Team screen shows it); the audit says
// who did it; a receptionist, a wrong PIN or a bad name change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { sandboxAccounts } from '../../../../test/support/sandbox-calcom'
import {
  connectByApiKey,
  startDeskOnRelay,
  untilRelayOnline,
} from '../../../../test/support/connected-desk'
import type { PeopleList, Team } from '../../../shared/api/people'

let sandbox: RunningSandbox
let relay: InProcessRelay
let desk: TempDesk
const OWNER = { name: 'Olga Owner', email: 'olga@example.com', language: 'en', pin: '4321' }
const RECEPTION_PIN = '8642'
let ownerId: string
let receptionistId: string
let channelId: string

const call = (path: string, method: string, body?: unknown) =>
  deskFetch(desk, path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  })
const signIn = async (personId: string, pin: string) =>
  expect((await call('/api/session', 'POST', { personId, pin })).status).toBe(200)
const team = async () => (await (await call('/api/business/people', 'GET')).json()) as Team
const rename = (name: unknown, pin = OWNER.pin, id = channelId) =>
  call(`/api/business/branches/${id}`, 'PUT', { pin, name })

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  const accounts = await sandboxAccounts(sandbox.url)
  relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  desk = await startDeskOnRelay({ calcomUrl: sandbox.url, relayUrl: relay.url })
  await connectByApiKey(desk, accounts[0]!.apiKey)
  await untilRelayOnline(desk)
  const set = await call('/api/business', 'POST', { name: 'Olga’s Salons', owner: OWNER })
  expect(set.status).toBe(200)
  ownerId = ((await set.json()) as PeopleList).people[0]!.id
  await signIn(ownerId, OWNER.pin)
  const added = await call('/api/business/people', 'POST', {
    pin: OWNER.pin,
    person: {
      name: 'Rita Reception',
      email: 'rita@example.com',
      language: 'es',
      pin: RECEPTION_PIN,
      role: 'receptionist',
    },
  })
  expect(added.status).toBe(200)
  receptionistId = ((await added.json()) as { person: { id: string } }).person.id
  channelId = (await team()).channelId!
})

afterAll(async () => {
  await desk?.dispose()
  await relay?.close().catch(() => undefined)
  await sandbox?.close()
})

describe('naming a branch at the desk', () => {
  it('the owner names this branch with the PIN; the Team screen has it at once, the audit says who', async () => {
    await signIn(ownerId, OWNER.pin)
    expect((await team()).branchNames).toEqual({})
    const r = await rename('Centro — Gran Vía')
    expect(r.status, await r.clone().text()).toBe(200)
    expect(await r.json()).toMatchObject({ channelId, name: 'Centro — Gran Vía' })
    expect((await team()).branchNames).toEqual({ [channelId]: 'Centro — Gran Vía' })
    const entry = desk.services.audit.entries(`branch:${channelId}`).at(-1)
    expect(entry).toMatchObject({
      action: 'business.renameBranch',
      personId: ownerId,
      detail: { name: 'Centro — Gran Vía' },
    })
  })

  it('a wrong PIN, a bad name or another business’s branch change nothing', async () => {
    await signIn(ownerId, OWNER.pin)
    const wrong = await rename('Norte', '0000')
    expect(wrong.status).toBe(403)
    expect(await wrong.json()).toMatchObject({ error: { code: 'PIN_REFUSED', field: 'pin' } })
    const blank = await rename(' \u200b ')
    expect(blank.status).toBe(400)
    expect(await blank.json()).toMatchObject({ error: { code: 'VALIDATION', field: 'name' } })
    const unknown = await rename('Norte', OWNER.pin, 'ch_of_someone_else')
    expect(unknown.status).toBe(404)
    expect((await team()).branchNames).toEqual({ [channelId]: 'Centro — Gran Vía' })
  })

  it('a receptionist may not name a branch: 403 with its code, and nothing changes', async () => {
    await signIn(receptionistId, RECEPTION_PIN)
    const r = await rename('Recepción', RECEPTION_PIN)
    expect(r.status).toBe(403)
    expect(await r.json()).toMatchObject({ error: { code: 'FORBIDDEN' } })
    await signIn(ownerId, OWNER.pin)
    expect((await team()).branchNames).toEqual({ [channelId]: 'Centro — Gran Vía' })
  })
})
