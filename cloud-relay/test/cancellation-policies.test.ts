// Cancellation policies per service (DESIGN.md §8), on both engines: set by the owner for any
// branch and by an admin for their own, never by a receptionist; each change a new business
// version, audited and announced in every branch's log, so desks copy it; the rules document
// shows them but cannot change them; a device of another business can neither see nor touch them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  BusinessChangedEvent,
  BusinessSnapshot,
  CancellationPolicyResponse,
  CreateBusinessResponse,
  EventsResponse,
  NotificationRulesResponse,
} from '../../src/shared/relay/relay-contract.js'
import { ENGINES, auth, startHarness, type Harness } from './helpers.js'
import { seedTwoBusinesses, type TwoBusinesses } from './two-businesses.js'

const OWNER_PIN = '482913'
const ADMIN_PIN = '5555'
const DESK_PIN = '7777'
const SERVICE = 42

describe.each(ENGINES)('cancellation policies on %s', (engine) => {
  let h: Harness
  /** Branches A and B are business X (B joined); C is business Y. */
  let desk: TwoBusinesses['desk']
  let x: CreateBusinessResponse
  let y: CreateBusinessResponse
  let adminA: string
  let receptionistA: string

  const call = (
    token: string,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ) =>
    h.app.inject({
      method,
      url,
      headers: auth(token),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    })
  const owner = () => ({ personId: x.ownerId, pin: OWNER_PIN })
  const policyUrl = (branchId: string, eventTypeId: number | string = SERVICE) =>
    `/v1/business/cancellation-policies/${branchId}/${eventTypeId}`
  const setPolicy = (
    token: string,
    actor: { personId: string; pin: string },
    branchId: string,
    body: Record<string, unknown> = { windowHours: 24, text: 'Please cancel a day ahead.' },
  ) => call(token, 'PUT', policyUrl(branchId), { actor, ...body })
  const snapshot = async (token: string) =>
    (await call(token, 'GET', '/v1/business')).json() as BusinessSnapshot

  beforeAll(async () => {
    h = await startHarness(engine, { RELAY_JOIN_RATE_LIMIT: '1000' })
    ;({ desk, x, y, adminA, receptionistA } = await seedTwoBusinesses(h, {
      owner: OWNER_PIN,
      admin: ADMIN_PIN,
      receptionist: DESK_PIN,
    }))
  }, 60_000)
  afterAll(async () => h?.close())

  it('the owner sets a policy: a new business version every desk of the business hears of', async () => {
    const before = await snapshot(desk.a.token)
    const r = await setPolicy(desk.a.token, owner(), desk.b.channelId, {
      windowHours: 48,
      text: 'Two days ahead, please.\nOr we charge half.',
    })
    expect(r.statusCode, r.body).toBe(200)
    const policy = {
      branchId: desk.b.channelId,
      eventTypeId: SERVICE,
      windowHours: 48,
      text: 'Two days ahead, please.\nOr we charge half.',
    }
    expect(r.json()).toEqual({ policy, version: before.version + 1 })
    // Branch B's desk reads it in its snapshot, after the change announced in its own log.
    const seen = await snapshot(desk.b.token)
    expect(seen.version).toBe(before.version + 1)
    expect(seen.cancellationPolicies).toEqual([policy])
    const log = (
      await call(desk.b.token, 'GET', '/v1/events?after=0&limit=500')
    ).json() as EventsResponse
    const announced = log.events
      .filter((e) => e.contentType === 'application/vnd.frontdesk.business+json')
      .map((e) => (JSON.parse(e.body) as BusinessChangedEvent).payload.version)
    expect(announced).toContain(before.version + 1)
    // The rules document shows the business's policies.
    const rules = (
      await call(desk.a.token, 'GET', '/v1/business/notification-rules')
    ).json() as NotificationRulesResponse
    expect(rules.rules.cancellationPolicies).toEqual([policy])
    const audit = (await h.storage.business.listAudit(x.businessId)).at(-1)
    expect(audit).toMatchObject({
      action: 'policy.set',
      personId: x.ownerId,
      version: before.version + 1,
      detail: { branchId: desk.b.channelId, eventTypeId: SERVICE, windowHours: 48 },
    })
    expect(JSON.stringify(audit)).not.toContain(OWNER_PIN)
  })

  it('an admin sets their own branch’s policy, not another branch’s; a receptionist none', async () => {
    const own = await setPolicy(
      desk.a.token,
      { personId: adminA, pin: ADMIN_PIN },
      desk.a.channelId,
    )
    expect(own.statusCode, own.body).toBe(200)
    const other = await setPolicy(
      desk.a.token,
      { personId: adminA, pin: ADMIN_PIN },
      desk.b.channelId,
      {
        windowHours: 1,
        text: 'One hour.',
      },
    )
    expect(other.statusCode).toBe(403)
    expect(other.json()).toMatchObject({ code: 'FORBIDDEN' })
    const desk_ = await setPolicy(
      desk.a.token,
      { personId: receptionistA, pin: DESK_PIN },
      desk.a.channelId,
    )
    expect(desk_.statusCode).toBe(403)
    expect(desk_.json()).toMatchObject({ code: 'FORBIDDEN' })
    const wrongPin = await setPolicy(
      desk.a.token,
      { personId: adminA, pin: '0000' },
      desk.a.channelId,
    )
    expect(wrongPin.statusCode).toBe(403)
    expect(wrongPin.json()).toMatchObject({ code: 'PIN_REFUSED' })
    const policies = (await snapshot(desk.a.token)).cancellationPolicies ?? []
    expect(policies.find((p) => p.branchId === desk.b.channelId)?.windowHours).toBe(48)
    expect(policies.find((p) => p.branchId === desk.a.channelId)).toMatchObject({
      windowHours: 24,
      text: 'Please cancel a day ahead.',
    })
  })

  it('names what is wrong with a bad policy, and keeps nothing of it', async () => {
    const version = (await snapshot(desk.a.token)).version
    const bad = async (body: Record<string, unknown>, url = policyUrl(desk.a.channelId)) => {
      const r = await call(desk.a.token, 'PUT', url, { actor: owner(), ...body })
      expect(r.statusCode, r.body).toBe(400)
      return (r.json() as { code: string; field: string }).field
    }
    expect(await bad({ windowHours: -1, text: 'x' })).toBe('body/windowHours')
    expect(await bad({ windowHours: 24 * 30 + 1, text: 'x' })).toBe('body/windowHours')
    expect(await bad({ windowHours: 2.5, text: 'x' })).toBe('body/windowHours')
    expect(await bad({ windowHours: 24, text: ' \u200b ' })).toBe('body/text')
    expect(await bad({ windowHours: 24, text: 'a\u0007b' })).toBe('body/text')
    expect(await bad({ windowHours: 24, text: 'x'.repeat(2001) })).toBe('body/text')
    expect(await bad({ windowHours: 24 })).toBe('body/text')
    expect(await bad({ windowHours: 24, text: 'x' }, policyUrl(desk.a.channelId, 0))).toBe(
      'params/eventTypeId',
    )
    expect((await snapshot(desk.a.token)).version).toBe(version)
  })

  it('a rules change may carry the policies back as read, but not change them', async () => {
    const now = (
      await call(desk.a.token, 'GET', '/v1/business/notification-rules')
    ).json() as NotificationRulesResponse
    const asRead = await call(desk.a.token, 'PUT', '/v1/business/notification-rules', {
      actor: owner(),
      baseVersion: now.version,
      rules: now.rules,
    })
    expect(asRead.statusCode, asRead.body).toBe(200)
    const { cancellationPolicies: _left, ...withoutPolicies } = now.rules
    const leftOut = await call(desk.a.token, 'PUT', '/v1/business/notification-rules', {
      actor: owner(),
      baseVersion: now.version + 1,
      rules: withoutPolicies,
    })
    expect(leftOut.statusCode, leftOut.body).toBe(200)
    const changed = structuredClone(now.rules)
    changed.cancellationPolicies[0]!.windowHours = 1
    const refused = await call(desk.a.token, 'PUT', '/v1/business/notification-rules', {
      actor: owner(),
      baseVersion: now.version + 2,
      rules: changed,
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toMatchObject({ field: 'body/rules/cancellationPolicies' })
    const after = (
      await call(desk.a.token, 'GET', '/v1/business/notification-rules')
    ).json() as NotificationRulesResponse
    expect(after.rules.cancellationPolicies).toEqual(now.rules.cancellationPolicies)
  })

  it('a people change keeps the policies; removing one leaves the service without', async () => {
    const held = (await snapshot(desk.a.token)).cancellationPolicies
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
    expect((await snapshot(desk.a.token)).cancellationPolicies).toEqual(held)
    const removed = await call(desk.a.token, 'DELETE', policyUrl(desk.b.channelId), {
      actor: owner(),
    })
    expect(removed.statusCode, removed.body).toBe(200)
    expect((removed.json() as CancellationPolicyResponse).policy).toBeNull()
    const left = (await snapshot(desk.b.token)).cancellationPolicies ?? []
    expect(left.map((p) => p.branchId)).toEqual([desk.a.channelId])
    expect((await h.storage.business.listAudit(x.businessId)).at(-1)).toMatchObject({
      action: 'policy.remove',
      detail: { branchId: desk.b.channelId, eventTypeId: SERVICE, existed: true },
    })
  })

  it('a device of another business neither sees nor touches them, whatever ids it sends', async () => {
    const xBefore = await snapshot(desk.a.token)
    const yOwner = { personId: y.ownerId, pin: OWNER_PIN }
    // Business Y's owner naming business X's branch: as unknown as a made-up branch.
    const foreign = await setPolicy(desk.c.token, yOwner, desk.a.channelId)
    expect(foreign.statusCode).toBe(404)
    expect(foreign.json()).toMatchObject({ code: 'NOT_FOUND', field: 'params/branchId' })
    const madeUp = await setPolicy(desk.c.token, yOwner, 'ch_made_up')
    expect(madeUp.statusCode).toBe(404)
    const removeForeign = await call(desk.c.token, 'DELETE', policyUrl(desk.a.channelId), {
      actor: yOwner,
    })
    expect(removeForeign.statusCode).toBe(404)
    // X's owner acting through Y's desk is no one there.
    const borrowed = await setPolicy(desk.c.token, owner(), desk.c.channelId)
    expect(borrowed.statusCode).toBe(403)
    expect(borrowed.json()).toMatchObject({ code: 'PIN_REFUSED' })
    expect(await snapshot(desk.a.token)).toEqual(xBefore)
    const ySnap = await snapshot(desk.c.token)
    expect(ySnap.cancellationPolicies).toEqual([])
    expect(JSON.stringify(ySnap)).not.toContain(desk.a.channelId)
  })
})
