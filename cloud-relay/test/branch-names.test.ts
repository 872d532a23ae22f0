// Branch names (DESIGN.md §7, §9), on both engines: the owner names any branch of the business,
// an admin their own, never a receptionist or a wrong PIN; each name a new business version,
// audited and announced in every branch's log, so every desk's snapshot carries it; the rules
// document shows it; a device of another business can neither name nor learn of the branch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  BusinessChangedEvent,
  BusinessSnapshot,
  CreateBusinessResponse,
  EventsResponse,
  NotificationRulesResponse,
} from '../../src/shared/relay/relay-contract.js'
import { ENGINES, auth, startHarness, type Harness } from './helpers.js'
import { seedTwoBusinesses, type TwoBusinesses } from './two-businesses.js'

const OWNER_PIN = '482913'
const ADMIN_PIN = '5555'
const DESK_PIN = '7777'

describe.each(ENGINES)('branch names on %s', (engine) => {
  let h: Harness
  /** Branches A and B are business X (B joined); C is business Y. */
  let desk: TwoBusinesses['desk']
  let x: CreateBusinessResponse
  let y: CreateBusinessResponse
  let adminA: string
  let receptionistA: string

  const call = (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    h.app.inject({
      method,
      url,
      headers: auth(token),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    })
  const owner = () => ({ personId: x.ownerId, pin: OWNER_PIN })
  const rename = (
    token: string,
    actor: { personId: string; pin: string },
    channelId: string,
    name: unknown,
  ) => call(token, 'PUT', `/v1/business/branches/${channelId}`, { actor, name })
  const snapshot = async (token: string) =>
    (await call(token, 'GET', '/v1/business')).json() as BusinessSnapshot
  const nameIn = (s: BusinessSnapshot, channelId: string) =>
    s.branches.find((b) => b.channelId === channelId)?.name

  beforeAll(async () => {
    h = await startHarness(engine, { RELAY_JOIN_RATE_LIMIT: '1000' })
    ;({ desk, x, y, adminA, receptionistA } = await seedTwoBusinesses(h, {
      owner: OWNER_PIN,
      admin: ADMIN_PIN,
      receptionist: DESK_PIN,
    }))
  }, 60_000)
  afterAll(async () => h?.close())

  it('a branch has no name until one is given', async () => {
    const s = await snapshot(desk.a.token)
    expect(s.branches).toEqual([
      { channelId: desk.a.channelId, name: null },
      { channelId: desk.b.channelId, name: null },
    ])
  })

  it('the owner names a branch: a new version every desk of the business reads', async () => {
    const before = await snapshot(desk.a.token)
    const r = await rename(desk.a.token, owner(), desk.b.channelId, '  Norte — Calle Mayor ')
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toEqual({
      channelId: desk.b.channelId,
      name: 'Norte — Calle Mayor',
      version: before.version + 1,
    })
    const seen = await snapshot(desk.b.token)
    expect(seen.version).toBe(before.version + 1)
    expect(nameIn(seen, desk.b.channelId)).toBe('Norte — Calle Mayor')
    expect(nameIn(seen, desk.a.channelId)).toBeNull()
    const log = (
      await call(desk.b.token, 'GET', '/v1/events?after=0&limit=500')
    ).json() as EventsResponse
    const announced = log.events
      .filter((e) => e.contentType === 'application/vnd.frontdesk.business+json')
      .map((e) => (JSON.parse(e.body) as BusinessChangedEvent).payload.version)
    expect(announced).toContain(before.version + 1)
    const rules = (
      await call(desk.a.token, 'GET', '/v1/business/notification-rules')
    ).json() as NotificationRulesResponse
    expect(rules.rules.branchNames[desk.b.channelId]).toBe('Norte — Calle Mayor')
    const audit = (await h.storage.business.listAudit(x.businessId)).at(-1)
    expect(audit).toMatchObject({
      action: 'branch.rename',
      personId: x.ownerId,
      version: before.version + 1,
      detail: { channelId: desk.b.channelId, name: 'Norte — Calle Mayor', before: null },
    })
    expect(JSON.stringify(audit)).not.toContain(OWNER_PIN)
  })

  it('an admin names their own branch, not another; a receptionist none; a wrong PIN nothing', async () => {
    const own = await rename(
      desk.a.token,
      { personId: adminA, pin: ADMIN_PIN },
      desk.a.channelId,
      'Centro',
    )
    expect(own.statusCode, own.body).toBe(200)
    const other = await rename(
      desk.a.token,
      { personId: adminA, pin: ADMIN_PIN },
      desk.b.channelId,
      'Mine now',
    )
    expect(other.statusCode).toBe(403)
    expect(other.json()).toMatchObject({ code: 'FORBIDDEN' })
    const receptionist = await rename(
      desk.a.token,
      { personId: receptionistA, pin: DESK_PIN },
      desk.a.channelId,
      'Front',
    )
    expect(receptionist.statusCode).toBe(403)
    expect(receptionist.json()).toMatchObject({ code: 'FORBIDDEN' })
    const wrongPin = await rename(
      desk.a.token,
      { personId: adminA, pin: '0000' },
      desk.a.channelId,
      'X',
    )
    expect(wrongPin.statusCode).toBe(403)
    expect(wrongPin.json()).toMatchObject({ code: 'PIN_REFUSED' })
    const s = await snapshot(desk.a.token)
    expect(nameIn(s, desk.a.channelId)).toBe('Centro')
    expect(nameIn(s, desk.b.channelId)).toBe('Norte — Calle Mayor')
    expect((await h.storage.business.listAudit(x.businessId)).at(-1)).toMatchObject({
      action: 'branch.rename',
      personId: adminA,
      detail: { channelId: desk.a.channelId, name: 'Centro', before: null },
    })
  })

  it('names what is wrong with a bad name, and keeps nothing of it', async () => {
    const version = (await snapshot(desk.a.token)).version
    const bad = async (name: unknown) => {
      const r = await rename(desk.a.token, owner(), desk.a.channelId, name)
      expect(r.statusCode, r.body).toBe(400)
      return (r.json() as { code: string; field: string }).field
    }
    expect(await bad('')).toBe('body/name')
    expect(await bad(' \u200b ')).toBe('body/name')
    expect(await bad('a\u0007b')).toBe('body/name')
    expect(await bad('x'.repeat(101))).toBe('body/name')
    expect(await bad(7)).toBe('body/name')
    expect((await snapshot(desk.a.token)).version).toBe(version)
  })

  it('a people change keeps the names', async () => {
    const r = await call(desk.a.token, 'POST', '/v1/business/people', {
      actor: owner(),
      person: {
        name: 'Dora',
        email: 'dora@example.com',
        language: 'es',
        pin: '2468',
        role: 'receptionist',
        branches: [desk.b.channelId],
      },
    })
    expect(r.statusCode, r.body).toBe(201)
    const s = await snapshot(desk.b.token)
    expect(s.branches.map((b) => b.name)).toEqual(['Centro', 'Norte — Calle Mayor'])
  })

  it('a device of another business neither names nor learns of them, whatever ids it sends', async () => {
    const xBefore = await snapshot(desk.a.token)
    const yOwner = { personId: y.ownerId, pin: OWNER_PIN }
    // Business Y's owner naming business X's branch: as unknown as a made-up branch.
    const foreign = await rename(desk.c.token, yOwner, desk.a.channelId, 'Taken over')
    expect(foreign.statusCode).toBe(404)
    expect(foreign.json()).toMatchObject({ code: 'NOT_FOUND', field: 'params/channelId' })
    const madeUp = await rename(desk.c.token, yOwner, 'ch_made_up', 'Nowhere')
    expect(madeUp.statusCode).toBe(404)
    // X's owner acting through Y's desk is no one there.
    const borrowed = await rename(desk.c.token, owner(), desk.c.channelId, 'Borrowed')
    expect(borrowed.statusCode).toBe(403)
    expect(borrowed.json()).toMatchObject({ code: 'PIN_REFUSED' })
    expect(await snapshot(desk.a.token)).toEqual(xBefore)
    const ySnap = await snapshot(desk.c.token)
    expect(ySnap.branches).toEqual([{ channelId: desk.c.channelId, name: null }])
    expect(JSON.stringify(ySnap)).not.toContain('Centro')
  })
})
