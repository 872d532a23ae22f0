// The business and its people at the relay (DESIGN.md §7), on both engines: setting up, joining
// with a code, people changed by each role with the actor's PIN checked by the relay itself, the
// lockout, every change versioned, audited and written to each branch's channel log, and a
// device of one business learning nothing of another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  BusinessChangedEvent,
  BusinessSnapshot,
  CreateBusinessResponse,
  EventsResponse,
  JoinCodeResponse,
  PersonChangeResponse,
} from '../../src/shared/relay/relay-contract.js'
import { joinCodeHash } from '../src/business/join-code.js'
import { ENGINES, auth, seedChannel, seedDevice, startHarness, type Harness } from './helpers.js'

const OWNER_PIN = '482913'

describe.each(ENGINES)('the business and its people on %s', (engine) => {
  let h: Harness
  /** Branch A creates business X, branch B joins it; branch C has its own business Y; D has none. */
  const desk: Record<'a' | 'b' | 'c' | 'd', { token: string; channelId: string }> = {} as never
  let x: CreateBusinessResponse
  let y: CreateBusinessResponse

  const call = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    h.app.inject({
      method,
      url,
      headers: auth(token),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    })
  const owner = (name: string) => ({
    name,
    email: `${name.toLowerCase()}@example.com`,
    language: 'es',
    pin: OWNER_PIN,
  })
  const snapshot = async (token: string) =>
    (await call(token, 'GET', '/v1/business')).json() as BusinessSnapshot
  const addPerson = (
    token: string,
    actor: { personId: string; pin: string },
    person: Record<string, unknown>,
  ) =>
    call(token, 'POST', '/v1/business/people', {
      actor,
      person: { email: 'p@example.com', language: 'en', pin: '1111', ...person },
    })
  const businessEvents = async (token: string) => {
    const page = (await call(token, 'GET', '/v1/events?after=0&limit=500')).json() as EventsResponse
    return page.events
      .filter((e) => e.contentType === 'application/vnd.frontdesk.business+json')
      .map((e) => JSON.parse(e.body) as BusinessChangedEvent)
  }

  beforeAll(async () => {
    h = await startHarness(engine, { RELAY_JOIN_RATE_LIMIT: '1000' })
    for (const k of ['a', 'b', 'c', 'd'] as const) {
      const { channel } = await seedChannel(h.storage)
      desk[k] = { token: (await seedDevice(h.storage, channel.id)).token, channelId: channel.id }
    }
    const rx = await call(desk.a.token, 'POST', '/v1/business', {
      name: 'Salón Zoë',
      owner: owner('Ana'),
    })
    expect(rx.statusCode, rx.body).toBe(201)
    x = rx.json()
    const ry = await call(desk.c.token, 'POST', '/v1/business', {
      name: 'Other Co',
      owner: owner('Olga'),
    })
    expect(ry.statusCode, ry.body).toBe(201)
    y = ry.json()
  }, 60_000)
  afterAll(async () => h?.close())

  describe('setting up', () => {
    it('makes the desk’s branch the first branch, with the owner and an argon2id PIN hash', async () => {
      const s = await snapshot(desk.a.token)
      expect(s).toMatchObject({
        businessId: x.businessId,
        name: 'Salón Zoë',
        branches: [{ channelId: desk.a.channelId }],
      })
      expect(s.people).toEqual([
        {
          id: x.ownerId,
          name: 'Ana',
          email: 'ana@example.com',
          language: 'es',
          role: 'owner',
          branches: [],
          pinHash: expect.stringMatching(/^\$argon2id\$/),
          active: true,
        },
      ])
      expect(s.people[0]?.pinHash).not.toContain(OWNER_PIN)
    })

    it('refuses a second business for a branch that has one', async () => {
      const r = await call(desk.a.token, 'POST', '/v1/business', {
        name: 'Again',
        owner: owner('Eve'),
      })
      expect(r.statusCode).toBe(409)
      expect(r.json().code).toBe('BUSINESS_EXISTS')
      expect((await snapshot(desk.a.token)).name).toBe('Salón Zoë')
    })

    it('answers 404 NO_BUSINESS to a desk whose branch has none', async () => {
      const r = await call(desk.d.token, 'GET', '/v1/business')
      expect(r.statusCode).toBe(404)
      expect(r.json().code).toBe('NO_BUSINESS')
    })

    it('names an invisible business name', async () => {
      const r = await call(desk.d.token, 'POST', '/v1/business', {
        name: '\u200b',
        owner: owner('Eve'),
      })
      expect(r.statusCode).toBe(400)
      expect(r.json().field).toBe('body/name')
    })

    it('writes the change into the branch’s channel log and the audit', async () => {
      expect(await businessEvents(desk.a.token)).toContainEqual(
        expect.objectContaining({
          triggerEvent: 'FRONTDESK_BUSINESS_CHANGED',
          payload: { businessId: x.businessId, version: 1 },
        }),
      )
      const audit = await h.storage.business.listAudit(x.businessId)
      expect(audit[0]).toMatchObject({ version: 1, personId: x.ownerId, action: 'business.create' })
    })
  })

  describe('join codes', () => {
    const ownerActor = () => ({ personId: x.ownerId, pin: OWNER_PIN })
    let code: string

    it('the owner makes a single-use code good for 24 hours, with at least 60 bits', async () => {
      const before = Date.now()
      const r = await call(desk.a.token, 'POST', '/v1/business/join-codes', { actor: ownerActor() })
      expect(r.statusCode, r.body).toBe(201)
      const out = r.json() as JoinCodeResponse
      code = out.code
      // 16 symbols of a 32-letter alphabet: 80 bits.
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
      const ttl = Date.parse(out.expiresAt) - before
      expect(ttl).toBeGreaterThanOrEqual(24 * 3_600_000)
      expect(ttl).toBeLessThan(25 * 3_600_000)
    })

    it('another branch’s enrolled desk joins with it; both branches hear of it', async () => {
      const r = await call(desk.b.token, 'POST', '/v1/business/join', {
        code: code.toLowerCase(),
      })
      expect(r.statusCode, r.body).toBe(200)
      const s = r.json() as BusinessSnapshot
      expect(s.businessId).toBe(x.businessId)
      expect(s.branches.map((b) => b.channelId)).toEqual([desk.a.channelId, desk.b.channelId])
      for (const token of [desk.a.token, desk.b.token])
        expect((await businessEvents(token)).at(-1)?.payload).toEqual({
          businessId: x.businessId,
          version: s.version,
        })
      expect((await h.storage.business.listAudit(x.businessId)).at(-1)).toMatchObject({
        action: 'branch.join',
        version: s.version,
      })
    })

    it('is single use', async () => {
      const r = await call(desk.d.token, 'POST', '/v1/business/join', { code })
      expect(r.statusCode).toBe(403)
      expect(r.json()).toMatchObject({ code: 'JOIN_CODE_INVALID', field: 'body/code' })
      expect((await call(desk.d.token, 'GET', '/v1/business')).statusCode).toBe(404)
    })

    it('expires', async () => {
      await h.storage.business.addJoinCode({
        codeHash: joinCodeHash('AAAA-BBBB-CCCC-DDDD'),
        businessId: x.businessId,
        expiresAt: new Date(Date.now() - 1000),
      })
      const r = await call(desk.d.token, 'POST', '/v1/business/join', {
        code: 'AAAA-BBBB-CCCC-DDDD',
      })
      expect(r.statusCode).toBe(403)
      expect(r.json().code).toBe('JOIN_CODE_INVALID')
    })

    it('a guessed code gets the same answer as a used one', async () => {
      const r = await call(desk.d.token, 'POST', '/v1/business/join', {
        code: '0000-0000-0000-0000',
      })
      expect(r.statusCode).toBe(403)
      expect(r.json().code).toBe('JOIN_CODE_INVALID')
    })

    it('a branch already in a business cannot join another, and its code stays unspent', async () => {
      const made = await call(desk.c.token, 'POST', '/v1/business/join-codes', {
        actor: { personId: y.ownerId, pin: OWNER_PIN },
      })
      const yCode = (made.json() as JoinCodeResponse).code
      const r = await call(desk.a.token, 'POST', '/v1/business/join', { code: yCode })
      expect(r.statusCode).toBe(409)
      expect((await snapshot(desk.a.token)).businessId).toBe(x.businessId)
      const ok = await call(desk.d.token, 'POST', '/v1/business/join', { code: yCode })
      expect(ok.statusCode).toBe(200)
      expect((ok.json() as BusinessSnapshot).businessId).toBe(y.businessId)
    })
  })

  describe('people, by role', () => {
    let adminId: string
    let receptionistId: string
    const ownerActor = () => ({ personId: x.ownerId, pin: OWNER_PIN })
    const adminActor = () => ({ personId: adminId, pin: '2222' })

    it('the owner adds an admin of branch A', async () => {
      const r = await addPerson(desk.a.token, ownerActor(), {
        name: 'Ben',
        role: 'admin',
        branches: [desk.a.channelId],
        pin: '2222',
      })
      expect(r.statusCode, r.body).toBe(201)
      const out = r.json() as PersonChangeResponse
      adminId = out.person.id
      expect(out.person).not.toHaveProperty('pinHash')
      expect((await snapshot(desk.b.token)).version).toBe(out.version)
      expect((await businessEvents(desk.b.token)).at(-1)?.payload.version).toBe(out.version)
    })

    it('the admin adds a receptionist of their own branch, from the other branch’s desk', async () => {
      const r = await addPerson(desk.b.token, adminActor(), {
        name: 'Cleo',
        role: 'receptionist',
        branches: [desk.a.channelId],
        pin: '3333',
      })
      expect(r.statusCode, r.body).toBe(201)
      receptionistId = (r.json() as PersonChangeResponse).person.id
      expect((await h.storage.business.listAudit(x.businessId)).at(-1)).toMatchObject({
        personId: adminId,
        action: 'person.add',
      })
    })

    it('an admin may not add a receptionist elsewhere, nor an admin', async () => {
      const elsewhere = await addPerson(desk.a.token, adminActor(), {
        name: 'Dan',
        role: 'receptionist',
        branches: [desk.b.channelId],
      })
      expect(elsewhere.statusCode).toBe(403)
      expect(elsewhere.json().code).toBe('FORBIDDEN')
      const admin = await addPerson(desk.a.token, adminActor(), {
        name: 'Dan',
        role: 'admin',
        branches: [desk.a.channelId],
      })
      expect(admin.statusCode).toBe(403)
      expect((await snapshot(desk.a.token)).people.map((p) => p.name)).not.toContain('Dan')
    })

    it('an admin may not make join codes; a receptionist may not change people', async () => {
      const code = await call(desk.a.token, 'POST', '/v1/business/join-codes', {
        actor: adminActor(),
      })
      expect(code.statusCode).toBe(403)
      expect(code.json().code).toBe('FORBIDDEN')
      const r = await addPerson(
        desk.a.token,
        { personId: receptionistId, pin: '3333' },
        {
          name: 'Eli',
          role: 'receptionist',
          branches: [desk.a.channelId],
        },
      )
      expect(r.statusCode).toBe(403)
    })

    it('the admin resets the receptionist’s PIN; the owner deactivates them, who can then no longer act', async () => {
      const reset = await call(desk.a.token, 'PATCH', `/v1/business/people/${receptionistId}`, {
        actor: adminActor(),
        changes: { pin: '4444' },
      })
      expect(reset.statusCode, reset.body).toBe(200)
      const off = await call(desk.a.token, 'PATCH', `/v1/business/people/${receptionistId}`, {
        actor: ownerActor(),
        changes: { active: false },
      })
      expect(off.statusCode, off.body).toBe(200)
      const cleo = (await snapshot(desk.b.token)).people.find((p) => p.id === receptionistId)
      expect(cleo?.active).toBe(false)
      const r = await addPerson(
        desk.a.token,
        { personId: receptionistId, pin: '4444' },
        {
          name: 'Eli',
          role: 'receptionist',
          branches: [desk.a.channelId],
        },
      )
      expect(r.statusCode).toBe(403)
      expect(r.json().code).toBe('PIN_REFUSED')
    })

    it('the last active owner cannot be deactivated or demoted', async () => {
      const r = await call(desk.a.token, 'PATCH', `/v1/business/people/${x.ownerId}`, {
        actor: ownerActor(),
        changes: { active: false },
      })
      expect(r.statusCode).toBe(400)
      expect(r.json().field).toBe('body/changes/active')
    })

    it('names a branch that is not one of the business’s', async () => {
      const r = await addPerson(desk.a.token, ownerActor(), {
        name: 'Fay',
        role: 'receptionist',
        branches: [desk.a.channelId, desk.c.channelId],
      })
      expect(r.statusCode).toBe(400)
      expect(r.json().field).toBe('body/person/branches/1')
    })
  })

  describe('the PIN lockout', () => {
    it('five wrong PINs lock the person for five minutes, even with the right one', async () => {
      const r0 = await addPerson(
        desk.a.token,
        { personId: x.ownerId, pin: OWNER_PIN },
        {
          name: 'Gus',
          role: 'admin',
          branches: [desk.b.channelId],
          pin: '5555',
        },
      )
      const gus = (r0.json() as PersonChangeResponse).person.id
      const tryAs = (pin: string) =>
        call(desk.b.token, 'POST', '/v1/business/people', {
          actor: { personId: gus, pin },
          person: {
            name: 'Hal',
            email: 'hal@example.com',
            language: 'en',
            pin: '1234',
            role: 'receptionist',
            branches: [desk.b.channelId],
          },
        })
      for (let i = 1; i <= 4; i++) expect((await tryAs('0000')).json().code).toBe('PIN_REFUSED')
      const fifth = await tryAs('0000')
      expect(fifth.statusCode).toBe(423)
      expect(fifth.json().code).toBe('PIN_LOCKED')
      expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(240)
      const right = await tryAs('5555')
      expect(right.statusCode).toBe(423)
      expect((await snapshot(desk.b.token)).people.map((p) => p.name)).not.toContain('Hal')

      // The owner resetting Gus's PIN lifts the lock.
      const reset = await call(desk.a.token, 'PATCH', `/v1/business/people/${gus}`, {
        actor: { personId: x.ownerId, pin: OWNER_PIN },
        changes: { pin: '6666' },
      })
      expect(reset.statusCode).toBe(200)
      expect((await tryAs('6666')).statusCode).toBe(201)
    })
  })

  describe('a device of one business learns nothing of another', () => {
    const yActor = () => ({ personId: y.ownerId, pin: OWNER_PIN })

    it('GET /v1/business shows only its own', async () => {
      const s = await snapshot(desk.c.token)
      expect(s.businessId).toBe(y.businessId)
      expect(JSON.stringify(s)).not.toContain(x.businessId)
      expect(JSON.stringify(s)).not.toContain(desk.a.channelId)
    })

    it('another business’s owner id and PIN are refused, and do not count against them', async () => {
      for (let i = 0; i < 6; i++) {
        const r = await call(desk.c.token, 'POST', '/v1/business/join-codes', {
          actor: { personId: x.ownerId, pin: OWNER_PIN },
        })
        expect(r.statusCode).toBe(403)
        expect(r.json().code).toBe('PIN_REFUSED')
      }
      const wrong = await addPerson(
        desk.c.token,
        { personId: x.ownerId, pin: '0000' },
        {
          name: 'Ivy',
          role: 'owner',
          branches: [],
        },
      )
      expect(wrong.json().code).toBe('PIN_REFUSED')
      const own = await call(desk.a.token, 'POST', '/v1/business/join-codes', {
        actor: { personId: x.ownerId, pin: OWNER_PIN },
      })
      expect(own.statusCode).toBe(201)
    })

    it('another business’s person cannot be changed, nor told apart from a made-up id', async () => {
      const xs = await snapshot(desk.a.token)
      const ben = xs.people.find((p) => p.name === 'Ben') as { id: string }
      for (const id of [ben.id, x.ownerId, 'per_madeup']) {
        const r = await call(desk.c.token, 'PATCH', `/v1/business/people/${id}`, {
          actor: yActor(),
          changes: { active: false },
        })
        expect(r.statusCode).toBe(404)
        expect(r.json()).toMatchObject({ code: 'NOT_FOUND', field: 'params/personId' })
      }
      expect((await snapshot(desk.a.token)).people.find((p) => p.id === ben.id)?.active).toBe(true)
    })

    it('another business’s branch cannot be given to a person', async () => {
      const r = await addPerson(desk.c.token, yActor(), {
        name: 'Jo',
        role: 'receptionist',
        branches: [desk.a.channelId],
      })
      expect(r.statusCode).toBe(400)
      expect(r.json().field).toBe('body/person/branches/0')
    })

    it('a desk without a business reaches none through any route', async () => {
      const { channel } = await seedChannel(h.storage)
      const loner = (await seedDevice(h.storage, channel.id)).token
      const actor = { personId: x.ownerId, pin: OWNER_PIN }
      for (const r of [
        await call(loner, 'GET', '/v1/business'),
        await call(loner, 'POST', '/v1/business/join-codes', { actor }),
        await addPerson(loner, actor, { name: 'Kim', role: 'owner', branches: [] }),
        await call(loner, 'PATCH', `/v1/business/people/${x.ownerId}`, {
          actor,
          changes: { name: 'Mallory' },
        }),
      ]) {
        expect(r.statusCode).toBe(404)
        expect(r.json().code).toBe('NO_BUSINESS')
      }
      expect(await businessEvents(loner)).toEqual([])
    })

    it('business events reach only the business’s own branches', async () => {
      const ys = await businessEvents(desk.c.token)
      expect(ys.length).toBeGreaterThan(0)
      for (const e of ys) expect(e.payload.businessId).toBe(y.businessId)
    })

    it('without a device token every business route is refused', async () => {
      for (const [method, url] of [
        ['GET', '/v1/business'],
        ['POST', '/v1/business'],
        ['POST', '/v1/business/join-codes'],
        ['POST', '/v1/business/join'],
        ['POST', '/v1/business/people'],
        ['PATCH', `/v1/business/people/${x.ownerId}`],
      ] as const) {
        const r = await h.app.inject({ method, url })
        expect(r.statusCode).toBe(401)
      }
    })
  })
})
