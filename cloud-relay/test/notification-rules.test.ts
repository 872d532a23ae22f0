// The notification rules and the owner's approval (DESIGN.md §8), on both engines: §8's
// defaults, an owner's change applied at once, an admin's held as a proposal with a readable
// diff, approved or rejected with the owner's PIN, a superseded proposal refused, receptionists
// refused, and every step in the business audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultRules, type NotificationRules } from '../../src/shared/notifications/rules.js'
import type {
  CreateBusinessResponse,
  DecideProposalResponse,
  NotificationRulesResponse,
  PersonChangeResponse,
  ProposalsResponse,
  RulesProposal,
} from '../../src/shared/relay/relay-contract.js'
import { ENGINES, auth, seedChannel, seedDevice, startHarness, type Harness } from './helpers.js'

const OWNER_PIN = '482913'
const ADMIN_PIN = '5555'
const DESK_PIN = '7777'

describe.each(ENGINES)('notification rules and the owner’s approval on %s', (engine) => {
  let h: Harness
  let token: string
  let deviceId: string
  let channelId: string
  let biz: CreateBusinessResponse
  let adminId: string
  let receptionistId: string
  const owner = () => ({ personId: biz.ownerId, pin: OWNER_PIN })
  const admin = () => ({ personId: adminId, pin: ADMIN_PIN })

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    h.app.inject({
      method,
      url,
      headers: auth(token),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    })
  const rulesNow = async () =>
    (await call('GET', '/v1/business/notification-rules')).json() as NotificationRulesResponse
  const put = (
    actor: { personId: string; pin: string },
    baseVersion: number,
    rules: NotificationRules,
    reason?: string,
  ) =>
    call('PUT', '/v1/business/notification-rules', {
      actor,
      baseVersion,
      rules,
      ...(reason ? { reason } : {}),
    })

  beforeAll(async () => {
    h = await startHarness(engine, {}, { notifier: { background: false } })
    const { channel } = await seedChannel(h.storage)
    channelId = channel.id
    const seeded = await seedDevice(h.storage, channel.id)
    token = seeded.token
    deviceId = seeded.device.id
    const r = await call('POST', '/v1/business', {
      name: 'Salón Zoë',
      owner: { name: 'Ana', email: 'ana@example.com', language: 'es', pin: OWNER_PIN },
    })
    expect(r.statusCode, r.body).toBe(201)
    biz = r.json()
    const add = async (name: string, role: string, pin: string) => {
      const res = await call('POST', '/v1/business/people', {
        actor: owner(),
        person: {
          name,
          email: `${name.toLowerCase()}@example.com`,
          language: 'en',
          pin,
          role,
          branches: [channelId],
        },
      })
      expect(res.statusCode, res.body).toBe(201)
      return (res.json() as PersonChangeResponse).person.id
    }
    adminId = await add('Bea', 'admin', ADMIN_PIN)
    receptionistId = await add('Carla', 'receptionist', DESK_PIN)
  }, 60_000)
  afterAll(async () => h?.close())

  it('starts at version 0 with §8’s defaults, and says whether email is on', async () => {
    const r = await rulesNow()
    expect(r).toEqual({
      version: 0,
      rules: defaultRules(),
      email: { enabled: false },
      pendingProposals: 0,
    })
    expect(r.rules.kinds['booking.late_cancellation'].channels).toEqual(['desktop', 'email'])
    expect(r.rules.kinds['booking.created']).toMatchObject({
      channels: ['desktop', 'email'],
      calcomEmails: true,
    })
  })

  it('refuses a receptionist as recipient, naming the entry', async () => {
    const rules = defaultRules()
    rules.kinds['booking.no_show'].recipients.people = [adminId, receptionistId]
    const r = await put(owner(), 0, rules)
    expect(r.statusCode).toBe(400)
    expect(r.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'body/rules/kinds/booking.no_show/recipients/people/1',
    })
    // The policies live with the business: a rules change cannot change them on the way.
    const other = defaultRules()
    other.cancellationPolicies = [
      { branchId: channelId, eventTypeId: 3, windowHours: 24, text: 'x' },
    ]
    expect((await put(owner(), 0, other)).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'body/rules/cancellationPolicies',
    })
    expect((await rulesNow()).version).toBe(0)
  })

  it('a receptionist can neither change nor propose (403 FORBIDDEN)', async () => {
    const r = await put({ personId: receptionistId, pin: DESK_PIN }, 0, defaultRules())
    expect(r.statusCode).toBe(403)
    expect(r.json()).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('the owner’s change applies at once; a stale base version is a 409', async () => {
    const rules = defaultRules()
    rules.kinds['booking.rejected'].enabled = true
    const r = await put(owner(), 0, rules)
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toEqual({ applied: true, version: 1 })
    expect((await rulesNow()).rules.kinds['booking.rejected'].enabled).toBe(true)
    const stale = await put(owner(), 0, defaultRules())
    expect(stale.statusCode).toBe(409)
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', field: 'body/baseVersion' })
  })

  let proposal: RulesProposal
  it('an admin’s change waits as a proposal with a readable diff', async () => {
    const before = await rulesNow()
    const rules = structuredClone(before.rules)
    rules.kinds['booking.created'].calcomEmails = false
    rules.kinds['booking.created'].branches = [channelId]
    const r = await put(admin(), before.version, rules, 'Ana wants to hear of every booking')
    expect(r.statusCode, r.body).toBe(202)
    proposal = r.json()
    expect(proposal).toMatchObject({
      applied: false,
      baseVersion: 1,
      proposedBy: adminId,
      reason: 'Ana wants to hear of every booking',
      state: 'pending',
    })
    expect(proposal.changes.map((c) => c.path)).toEqual([
      'kinds/booking.created/branches',
      'kinds/booking.created/calcomEmails',
    ])
    const now = await rulesNow()
    expect(now.version).toBe(1)
    expect(now.rules.kinds['booking.created'].calcomEmails).toBe(true)
    expect(now.pendingProposals).toBe(1)
  })

  it('only the owner decides; a wrong PIN is refused and counted', async () => {
    const url = `/v1/business/notification-rules/proposals/${proposal.id}/approve`
    const byAdmin = await call('POST', url, { actor: admin() })
    expect(byAdmin.statusCode).toBe(403)
    expect(byAdmin.json()).toMatchObject({ code: 'FORBIDDEN' })
    const wrong = await call('POST', url, { actor: { personId: biz.ownerId, pin: '000000' } })
    expect(wrong.statusCode).toBe(403)
    expect(wrong.json()).toMatchObject({ code: 'PIN_REFUSED' })
    expect((await h.storage.business.pinLock(biz.ownerId)).failures).toBe(1)
    expect((await rulesNow()).version).toBe(1)
  })

  it('the owner approves with the PIN: the proposal applies as the next version', async () => {
    const r = await call(
      'POST',
      `/v1/business/notification-rules/proposals/${proposal.id}/approve`,
      {
        actor: owner(),
      },
    )
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json() as DecideProposalResponse).toEqual({ state: 'approved', version: 2 })
    const now = await rulesNow()
    expect(now.rules.kinds['booking.created'].calcomEmails).toBe(false)
    expect(now.pendingProposals).toBe(0)
    const again = await call(
      'POST',
      `/v1/business/notification-rules/proposals/${proposal.id}/reject`,
      {
        actor: owner(),
      },
    )
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ code: 'PROPOSAL_DECIDED' })
  })

  it('a proposal whose base moved on is superseded, never applied over the newer rules', async () => {
    const base = await rulesNow()
    const mine = structuredClone(base.rules)
    mine.quietHours = null
    const p = (await put(admin(), base.version, mine)).json() as RulesProposal
    const theirs = structuredClone(base.rules)
    theirs.kinds['booking.paid'].enabled = true
    expect((await put(owner(), base.version, theirs)).statusCode).toBe(200)
    const r = await call('POST', `/v1/business/notification-rules/proposals/${p.id}/approve`, {
      actor: owner(),
    })
    expect(r.statusCode).toBe(409)
    expect(r.json()).toMatchObject({ code: 'PROPOSAL_SUPERSEDED' })
    const now = await rulesNow()
    expect(now.rules.quietHours).not.toBeNull()
    expect(now.rules.kinds['booking.paid'].enabled).toBe(true)
    const list = (
      await call('GET', '/v1/business/notification-rules/proposals')
    ).json() as ProposalsResponse
    expect(list.proposals.map((x) => x.state)).toEqual(['superseded', 'approved'])
  })

  it('the owner rejects a proposal; nothing changes', async () => {
    const base = await rulesNow()
    const mine = structuredClone(base.rules)
    mine.kinds['summary.daily'].enabled = false
    const p = (await put(admin(), base.version, mine)).json() as RulesProposal
    const r = await call('POST', `/v1/business/notification-rules/proposals/${p.id}/reject`, {
      actor: owner(),
    })
    expect(r.json()).toEqual({ state: 'rejected', version: base.version })
    expect((await rulesNow()).rules.kinds['summary.daily'].enabled).toBe(true)
    const unknown = await call(
      'POST',
      '/v1/business/notification-rules/proposals/prp_nope/approve',
      {
        actor: owner(),
      },
    )
    expect(unknown.statusCode).toBe(404)
  })

  it('every step is in the business audit, with who and which device', async () => {
    const audit = await h.storage.business.listAudit(biz.businessId)
    const steps = audit
      .filter((a) => a.action.startsWith('rules.'))
      .map((a) => [a.action, a.personId])
    expect(steps).toEqual([
      ['rules.update', biz.ownerId],
      ['rules.propose', adminId],
      ['rules.approve', biz.ownerId],
      ['rules.propose', adminId],
      ['rules.update', biz.ownerId],
      ['rules.proposal.superseded', biz.ownerId],
      ['rules.propose', adminId],
      ['rules.reject', biz.ownerId],
    ])
    expect(JSON.stringify(audit)).not.toContain(OWNER_PIN)
  })

  it('rules saved before a kind existed answer that kind with §8’s default, and still save', async () => {
    // As a relay upgraded to a release with a new kind finds a document saved by the one before.
    const { version, rules } = await rulesNow()
    const { 'summary.daily': _added, ...older } = rules.kinds
    const saved = await h.storage.notifications.saveRules(
      biz.businessId,
      version,
      { ...rules, kinds: older as NotificationRules['kinds'] },
      { personId: biz.ownerId, deviceId, action: 'rules.update', detail: {}, at: new Date() },
    )
    expect(saved).toBe(true)

    const answer = await call('GET', '/v1/business/notification-rules')
    expect(answer.statusCode, answer.body).toBe(200)
    const now = answer.json() as NotificationRulesResponse
    expect(now.version).toBe(version + 1)
    expect(now.rules.kinds['summary.daily']).toEqual(defaultRules().kinds['summary.daily'])
    expect(now.rules.kinds['booking.created']).toEqual(rules.kinds['booking.created'])
    // The owner's next save, from what the desk was shown, is a whole document again.
    const put1 = await put(owner(), now.version, now.rules)
    expect(put1.statusCode, put1.body).toBe(200)
  })
})
