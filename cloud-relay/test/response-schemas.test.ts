// Every route of the relay declares what it answers (plugins/response-schemas.ts), and Fastify
// writes each JSON answer with that schema, so a field it does not name never leaves the relay.
// On both engines, a desk's whole life against a real relay — enrolled through the Cal.com
// sandbox, a business with its people, policies, branch names and rules, bookings through intake
// to desktop notifications, the log, desk events and state, reports, admin — where every answer,
// success or refusal:
// - was given a status its route declares a schema for;
// - is, once parsed, exactly what the handler sent: the serializer dropped no field and changed
//   no value (times, nulls, counts, rules documents);
// - validates against the shared schema the desk checks it with (src/shared/relay/*-answers.ts),
//   by the desk's own check (src/shared/relay/answer-problem.ts).
import { randomUUID } from 'node:crypto'
import type { TSchema } from '@sinclair/typebox'
import { Type } from '@sinclair/typebox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../sandbox/src/index.js'
// The desk's own check of an answer: the same Ajv, the same "date-time", the same words.
import { answerProblem } from '../../src/shared/relay/answer-problem.js'
import {
  BusinessSnapshotSchema,
  CancellationPolicyResponseSchema,
  CreateBusinessResponseSchema,
  JoinCodeResponseSchema,
  PersonChangeResponseSchema,
  RenameBranchResponseSchema,
} from '../../src/shared/relay/business-answers.js'
import {
  AckResponseSchema,
  DeskEventResponseSchema,
  DeskStateAnswerSchema,
  EnrollResponseSchema,
  EventsResponseSchema,
  RelayErrorBodySchema,
  ResyncAnswerSchema,
  RevokeResponseSchema,
} from '../../src/shared/relay/log-answers.js'
import {
  BranchHoursResponseSchema,
  DecideProposalResponseSchema,
  DesktopPollAnswerSchema,
  DesktopSubscriptionResponseSchema,
  DeskReportResponseSchema,
  NotificationHistoryResponseSchema,
  NotificationRulesResponseSchema,
  NotificationsResponseSchema,
  ProposalsResponseSchema,
  RulesAppliedResponseSchema,
  RulesProposalSchema,
} from '../../src/shared/relay/notification-answers.js'
import type {
  CreateBusinessResponse,
  EnrollResponse,
  EventsResponse,
  NotificationRulesResponse,
  NotificationsResponse,
  PersonChangeResponse,
  RulesProposal,
} from '../../src/shared/relay/relay-contract.js'
import { buildApp, type RelayApp } from '../src/app.js'
import { errorAnswers } from '../src/errors.js'
import { openStorage } from '../src/storage/open-storage.js'
import {
  ADMIN_TOKEN,
  ENGINES,
  auth,
  createDatabase,
  routesOf,
  seedChannel,
  seedDevice,
  signedHeaders,
  testConfig,
  type TestDatabase,
} from './helpers.js'

const NOW = '2026-03-02T10:00:00.000Z'
const OWNER_PIN = '482913'
const ADMIN_PIN = '5555'

/** What the relay did with one request: the status, its schema, and what the handler sent. */
interface Seen {
  route: string
  status: number
  declared: boolean
  /** The payload before serialization, as JSON would write it; absent for text sent as is. */
  sent?: unknown
}

describe.each(ENGINES)('every answer on %s is declared and written as sent', (engine) => {
  let sandbox: RunningSandbox
  let db: TestDatabase
  let app: RelayApp
  let clock = new Date(NOW)
  const seen = new Map<string, Seen>()
  let channelId: string
  let secret: string
  let token: string
  let biz: CreateBusinessResponse
  let adminId: string
  let otherToken: string

  beforeAll(async () => {
    sandbox = await startSandbox({ now: NOW })
    db = await createDatabase(engine)
    app = await buildApp({
      config: testConfig({
        RELAY_DATABASE_URL: db.url,
        RELAY_CALCOM_API_URL: sandbox.url,
        RELAY_PUBLIC_URL: 'http://relay.test',
        RELAY_JOIN_RATE_LIMIT: '1000',
      }),
      storage: await openStorage(db.url),
      closeStorage: true,
      notifier: { background: false, now: () => clock, summaryHour: null },
    })
    const record = (id: unknown): Seen => {
      const key = String(id)
      const s = seen.get(key) ?? { route: '', status: 0, declared: false }
      seen.set(key, s)
      return s
    }
    // Added before the relay is ready, so every route has them.
    app.addHook('preSerialization', async (request, _reply, payload) => {
      record(request.headers['x-test-call']).sent = JSON.parse(JSON.stringify(payload))
      return payload
    })
    app.addHook('onSend', async (request, reply, payload) => {
      const response = (request.routeOptions.schema?.response ?? {}) as Record<string, unknown>
      const status = String(reply.statusCode)
      Object.assign(record(request.headers['x-test-call']), {
        route: `${request.method} ${request.routeOptions.url}`,
        status: reply.statusCode,
        declared: response[status] !== undefined || response[`${status[0]}xx`] !== undefined,
      })
      return payload
    })
    await app.ready()
  }, 60_000)
  afterAll(async () => {
    await app?.close()
    await sandbox?.close()
    await db?.drop()
  })

  /**
   * One request, answered `status`: declared for it, written as the handler sent it, and, given a
   * schema, an answer the desk understands. Returns the parsed answer.
   */
  async function answer<T = unknown>(
    req: {
      method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
      url: string
      token?: string | null
      payload?: unknown
      headers?: Record<string, string>
    },
    status: number,
    schema?: TSchema,
  ): Promise<T> {
    const id = randomUUID()
    const res = await app.inject({
      method: req.method ?? 'GET',
      url: req.url,
      headers: {
        'x-test-call': id,
        ...(req.token === null ? {} : auth(req.token ?? token)),
        ...req.headers,
      },
      ...(req.payload === undefined ? {} : { payload: req.payload as Record<string, unknown> }),
    })
    expect(res.statusCode, res.body).toBe(status)
    const s = seen.get(id)
    expect(s, `${req.url} went through no route`).toBeDefined()
    expect(s!.declared, `${s!.route} answered ${status} without a schema for it`).toBe(true)
    if (!String(res.headers['content-type']).startsWith('application/json')) return res.body as T
    const body: unknown = res.json()
    if (s!.sent !== undefined) expect(body, `${s!.route} ${status}`).toStrictEqual(s!.sent)
    if (schema) expect(answerProblem(schema, body), `${s!.route} ${status}`).toBeUndefined()
    return body as T
  }
  /** A refusal: the error handler's body, which the desk reads the code (and field) of. */
  const refusal = async (req: Parameters<typeof answer>[0], status: number, code: string) => {
    const body = await answer<{ code: string; field?: string }>(req, status, RelayErrorBodySchema)
    expect(body.code).toBe(code)
    return body
  }

  let n = 0
  const booking = (trigger: string, start: Date) => {
    n += 1
    return JSON.stringify({
      triggerEvent: trigger,
      createdAt: clock.toISOString(),
      payload: {
        title: `Corte y color ${n}`,
        startTime: start.toISOString(),
        endTime: new Date(start.getTime() + 3_600_000).toISOString(),
        eventTypeId: 11,
        organizer: { name: 'Zoë', email: 'zoe@example.com', timeZone: 'Europe/Madrid' },
        attendees: [{ name: `Cliente ${n}`, email: `c${n}@example.com` }],
        uid: `bk-${n}-${randomUUID()}`,
        status: trigger === 'BOOKING_CANCELLED' ? 'CANCELLED' : 'ACCEPTED',
      },
    })
  }
  const deliver = async (body: string) => {
    const accepted = await answer(
      {
        method: 'POST',
        url: `/hooks/calcom/${channelId}`,
        token: null,
        headers: signedHeaders(secret, body),
        payload: body,
      },
      200,
    )
    // Sent pre-serialized: the text says what its schema does.
    expect(accepted).toStrictEqual({ ok: true })
  }

  it('a desk enrolls through the sandbox and sets up its business', async () => {
    const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
    const enrolled = await answer<EnrollResponse>(
      {
        method: 'POST',
        url: '/v1/enroll',
        token: null,
        payload: { calcom: { apiKey: state.accounts[0]!.apiKey }, deviceName: 'front desk' },
      },
      200,
      EnrollResponseSchema,
    )
    token = enrolled.deviceToken
    channelId = enrolled.channelId
    secret = (await app.storage.findChannel(channelId))!.webhookSecret

    await refusal({ url: '/v1/business' }, 404, 'NO_BUSINESS')
    biz = await answer<CreateBusinessResponse>(
      {
        method: 'POST',
        url: '/v1/business',
        payload: {
          name: 'Salón Zoë',
          owner: { name: 'Ana', email: 'ana@example.com', language: 'es', pin: OWNER_PIN },
        },
      },
      201,
      CreateBusinessResponseSchema,
    )
    const owner = { personId: biz.ownerId, pin: OWNER_PIN }
    const added = await answer<PersonChangeResponse>(
      {
        method: 'POST',
        url: '/v1/business/people',
        payload: {
          actor: owner,
          person: {
            name: 'Bea',
            email: 'bea@example.com',
            language: 'en',
            pin: ADMIN_PIN,
            role: 'admin',
            branches: [channelId],
          },
        },
      },
      201,
      PersonChangeResponseSchema,
    )
    adminId = added.person.id
    await answer(
      {
        method: 'PATCH',
        url: `/v1/business/people/${adminId}`,
        payload: { actor: owner, changes: { language: 'es' } },
      },
      200,
      PersonChangeResponseSchema,
    )
    const code = await answer<{ code: string }>(
      { method: 'POST', url: '/v1/business/join-codes', payload: { actor: owner } },
      201,
      JoinCodeResponseSchema,
    )
    const other = await seedChannel(app.storage)
    otherToken = (await seedDevice(app.storage, other.channel.id, 'back office')).token
    await answer(
      {
        method: 'POST',
        url: '/v1/business/join',
        token: otherToken,
        payload: { code: code.code },
      },
      200,
      BusinessSnapshotSchema,
    )
    const policy = `/v1/business/cancellation-policies/${channelId}/11`
    await answer(
      {
        method: 'PUT',
        url: policy,
        payload: { actor: owner, windowHours: 24, text: 'Avísanos con un día.' },
      },
      200,
      CancellationPolicyResponseSchema,
    )
    await answer(
      {
        method: 'PUT',
        url: `/v1/business/cancellation-policies/${channelId}/12`,
        payload: { actor: owner, windowHours: 2, text: 'Two hours.' },
      },
      200,
      CancellationPolicyResponseSchema,
    )
    const removed = await answer<{ policy: unknown }>(
      {
        method: 'DELETE',
        url: `/v1/business/cancellation-policies/${channelId}/12`,
        payload: { actor: owner },
      },
      200,
      CancellationPolicyResponseSchema,
    )
    expect(removed.policy).toBeNull()
    await answer(
      {
        method: 'PUT',
        url: `/v1/business/branches/${channelId}`,
        payload: { actor: owner, name: 'Centro' },
      },
      200,
      RenameBranchResponseSchema,
    )
    // The other branch has no name yet (null); the policies and both people are in the snapshot.
    const snapshot = await answer<{ branches: { name?: string | null }[] }>(
      { url: '/v1/business' },
      200,
      BusinessSnapshotSchema,
    )
    expect(snapshot.branches.map((b) => b.name)).toEqual(['Centro', null])
  })

  it('the rules are read, changed by the owner, proposed by an admin and decided', async () => {
    const rules = await answer<NotificationRulesResponse>(
      { url: '/v1/business/notification-rules' },
      200,
      NotificationRulesResponseSchema,
    )
    expect(rules.rules.cancellationPolicies).toHaveLength(1)
    const owner = { personId: biz.ownerId, pin: OWNER_PIN }
    await answer(
      {
        method: 'PUT',
        url: '/v1/business/notification-rules',
        payload: {
          actor: owner,
          baseVersion: rules.version,
          rules: { ...rules.rules, quietHours: { start: '21:00', end: '08:00' } },
        },
      },
      200,
      RulesAppliedResponseSchema,
    )
    const current = await answer<NotificationRulesResponse>(
      { url: '/v1/business/notification-rules' },
      200,
      NotificationRulesResponseSchema,
    )
    const proposal = await answer<RulesProposal>(
      {
        method: 'PUT',
        url: '/v1/business/notification-rules',
        payload: {
          actor: { personId: adminId, pin: ADMIN_PIN },
          baseVersion: current.version,
          rules: { ...current.rules, quietHours: null },
          reason: 'Open late on Fridays',
        },
      },
      202,
      RulesProposalSchema,
    )
    expect([proposal.decidedBy, proposal.decidedAt]).toEqual([null, null])
    await answer(
      {
        method: 'POST',
        url: `/v1/business/notification-rules/proposals/${proposal.id}/reject`,
        payload: { actor: owner },
      },
      200,
      DecideProposalResponseSchema,
    )
    const decided = await answer<{ proposals: RulesProposal[] }>(
      { url: '/v1/business/notification-rules/proposals' },
      200,
      ProposalsResponseSchema,
    )
    expect(decided.proposals[0]).toMatchObject({ state: 'rejected', decidedBy: biz.ownerId })
    await refusal(
      {
        method: 'POST',
        url: `/v1/business/notification-rules/proposals/${proposal.id}/approve`,
        payload: { actor: owner },
      },
      409,
      'PROPOSAL_DECIDED',
    )
    await refusal(
      {
        method: 'POST',
        url: `/v1/business/notification-rules/proposals/${proposal.id}/approve`,
        payload: { actor: { personId: biz.ownerId, pin: '000000' } },
      },
      403,
      'PIN_REFUSED',
    )
  })

  it('bookings reach intake, the log, desktop notifications and the owner’s history', async () => {
    await answer(
      {
        method: 'PUT',
        url: '/v1/notifications/desktop',
        payload: { actor: { personId: biz.ownerId, pin: OWNER_PIN }, enabled: true },
      },
      200,
      DesktopSubscriptionResponseSchema,
    )
    const soon = new Date(clock.getTime() + 3 * 3_600_000)
    await deliver(booking('BOOKING_CANCELLED', soon))
    await deliver(booking('BOOKING_CREATED', new Date(clock.getTime() + 86_400_000)))
    await app.notifier.runOnce()
    clock = new Date(clock.getTime() + 31 * 60_000)
    await app.notifier.runOnce()

    const page = await answer<NotificationsResponse>(
      { url: '/v1/notifications?after=0' },
      200,
      NotificationsResponseSchema,
    )
    expect(page.notifications.length).toBeGreaterThan(0)
    expect(answerProblem(DesktopPollAnswerSchema, page)).toBeUndefined()
    const history = await answer<{ entries: { sentAt: string | null; reason: string | null }[] }>(
      { url: '/v1/business/notifications/history' },
      200,
      NotificationHistoryResponseSchema,
    )
    // Sent ones with a time, suppressed ones (no SMTP here) with a reason and none.
    expect(history.entries.some((e) => e.sentAt !== null)).toBe(true)
    expect(history.entries.some((e) => e.sentAt === null)).toBe(true)

    const events = await answer<EventsResponse>(
      { url: '/v1/events?after=0' },
      200,
      EventsResponseSchema,
    )
    expect(events.events.length).toBeGreaterThan(2)
    await answer(
      { method: 'POST', url: '/v1/ack', payload: { seq: events.nextAfter } },
      200,
      AckResponseSchema,
    )
    await refusal(
      { method: 'POST', url: '/v1/ack', payload: { seq: events.nextAfter + 100 } },
      400,
      'VALIDATION_FAILED',
    )
    // A cursor beyond the log: reconcile and resume after its end.
    const resync = await answer(
      { url: `/v1/events?after=${events.nextAfter + 100}` },
      410,
      ResyncAnswerSchema,
    )
    expect(resync).toMatchObject({ resumeAfter: events.nextAfter })
    expect(answerProblem(RelayErrorBodySchema, resync)).toBeUndefined()
    // The stream refuses such a cursor the same way, before its 200 (text/event-stream).
    expect(
      await answer({ url: `/v1/stream?after=${events.nextAfter + 100}` }, 410, ResyncAnswerSchema),
    ).toStrictEqual(resync)
  })

  it('desk events, the desk state, reports and branch hours', async () => {
    const change = { kind: 'visit', bookingUid: 'bk-1', state: 'ARRIVED' }
    await answer(
      {
        method: 'POST',
        url: '/v1/desk-events',
        payload: { key: `k-${randomUUID()}`, madeAt: '2026-03-02T10:02:00.000Z', change },
      },
      200,
      DeskEventResponseSchema,
    )
    const deskState = await answer<{ entries: { event: { change: unknown } }[] }>(
      { url: '/v1/desk-state' },
      200,
      DeskStateAnswerSchema,
    )
    expect(deskState.entries.map((e) => e.event.change)).toEqual([change])
    await answer(
      {
        method: 'POST',
        url: '/v1/reports',
        payload: {
          key: 'r-1',
          kind: 'desk.needs_attention',
          summary: 'Cal.com refused a booking.',
        },
      },
      202,
      DeskReportResponseSchema,
    )
    await answer(
      {
        method: 'PUT',
        url: '/v1/branch-hours',
        payload: { zone: 'Europe/Madrid', days: [{ date: '2026-03-02', closesAtMinute: 1200 }] },
      },
      200,
      BranchHoursResponseSchema,
    )
    const tooFew = await refusal(
      { method: 'PUT', url: '/v1/branch-hours', payload: { zone: 'Europe/Madrid', days: [] } },
      400,
      'VALIDATION_FAILED',
    )
    expect(tooFew.field).toBe('body/days')
    await refusal({ url: '/v1/desk-state', token: 'not-a-token' }, 401, 'UNAUTHORIZED')
  })

  it('the operator’s routes, health and metrics; a desk gives up its device', async () => {
    const admin = ADMIN_TOKEN
    const channels = await answer<{ channels: { id: string; createdAt: string }[] }>(
      { url: '/v1/admin/channels', token: admin },
      200,
    )
    expect(channels.channels.map((c) => c.id)).toContain(channelId)
    const devices = await answer<{ devices: { lastSeenAt: string | null }[] }>(
      { url: `/v1/admin/channels/${channelId}/devices`, token: admin },
      200,
    )
    expect(devices.devices[0]?.lastSeenAt).toEqual(expect.any(String))
    await refusal({ url: '/v1/admin/channels/ch_nothing/devices', token: admin }, 404, 'NOT_FOUND')
    const log = await answer<{ deliveries: unknown[] }>(
      { url: `/v1/admin/deliveries?channelId=${channelId}`, token: admin },
      200,
    )
    expect(log.deliveries.length).toBeGreaterThan(0)
    expect(await answer<string>({ url: '/metrics', token: admin }, 200)).toContain('relay_')
    expect(await answer({ url: '/healthz', token: null }, 200)).toEqual({
      ok: true,
      storage: engine,
    })
    const spare = await seedDevice(app.storage, channelId, 'spare')
    const revoke = { method: 'POST' as const, url: `/v1/admin/devices/${spare.device.id}/revoke` }
    await answer({ ...revoke, token: admin }, 200, RevokeResponseSchema)
    await refusal({ ...revoke, token: admin }, 404, 'NOT_FOUND')
    await answer(
      { method: 'POST', url: '/v1/device/revoke', token: otherToken },
      200,
      RevokeResponseSchema,
    )
    await refusal({ url: '/v1/business', token: otherToken }, 401, 'UNAUTHORIZED')
  })

  it('the walk reached every route the relay serves', () => {
    const walked = new Set([...seen.values()].map((s) => s.route))
    expect(routesOf(app).filter((route) => !walked.has(route))).toEqual([])
  })
})

describe('a route that does not declare what it answers', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createDatabase('sqlite')
  })
  afterAll(async () => db?.drop())

  it('keeps the relay from starting, named with what it leaves out', async () => {
    const app = await buildApp({
      config: testConfig({ RELAY_DATABASE_URL: db.url }),
      storage: await openStorage(db.url),
      closeStorage: true,
    })
    expect(() => app.get('/v1/undeclared', async () => ({ secret: 'x' }))).toThrow(
      'GET /v1/undeclared declares no response schema for its success (2xx), 4xx, 5xx',
    )
    expect(() =>
      app.post(
        '/v1/half',
        { schema: { response: { 201: Type.Object({ ok: Type.Boolean() }) } } },
        async () => ({ ok: true }),
      ),
    ).toThrow('POST /v1/half declares no response schema for 4xx, 5xx')
    expect(() =>
      app.put(
        '/v1/errors-only',
        { schema: { response: errorAnswers } },
        async () => ({ ok: true }) as never,
      ),
    ).toThrow('PUT /v1/errors-only declares no response schema for its success (2xx)')
    await app.close()
  })

  it('and one that does sends only the fields its schema names', async () => {
    const app = await buildApp({
      config: testConfig({ RELAY_DATABASE_URL: db.url }),
      storage: await openStorage(db.url),
      closeStorage: true,
    })
    // A person as the storage holds one, with the PIN hash and a column added one day.
    const person = {
      id: 'per_1',
      name: 'Ana',
      email: 'ana@example.com',
      language: 'es',
      role: 'owner' as const,
      branches: [],
      active: true,
      pinHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
      resetToken: 'not for desks',
    }
    app.get(
      '/v1/spread',
      { schema: { response: { 200: PersonChangeResponseSchema, ...errorAnswers } } },
      async () => ({ person, version: 3 }),
    )
    const res = await app.inject({ url: '/v1/spread' })
    await app.close()
    const { pinHash: _pinHash, resetToken: _resetToken, ...named } = person
    expect(res.json()).toStrictEqual({ person: named, version: 3 })
  })
})
