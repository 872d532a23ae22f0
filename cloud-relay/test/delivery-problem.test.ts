// relay.delivery_problem, produced by the relay itself (DESIGN.md §8), on both engines: a branch
// whose Cal.com deliveries no desk has collected for the threshold is one problem per episode —
// found again on every pass and by every instance, it is still one notification; judged by the
// furthest desk, so a desk switched off while another works is no problem; a branch that catches
// up and stalls again is a new episode. Said in the owner's language, by email through a real
// SMTP server in process. Deliveries that keep failing the branch's signature are a problem too.
// The dispatch clock is the test's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  CreateBusinessResponse,
  NotificationHistoryResponse,
  NotificationRulesResponse,
} from '../../src/shared/relay/relay-contract.js'
import {
  ENGINES,
  auth,
  bookingBody,
  seedChannel,
  seedDevice,
  signedHeaders,
  startHarness,
  type Harness,
} from './helpers.js'
import { startMailbox, type Mailbox } from './mailbox.js'

const MINUTE = 60_000

describe.each(ENGINES)('a branch no desk collects from, on %s', (engine) => {
  let h: Harness
  let mail: Mailbox
  // Intake stamps deliveries with the real time, so the dispatch clock starts there.
  let clock = new Date()
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms))
  let channelId: string
  let secret: string
  let front: string
  let back: string

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, token = front) =>
    h.app.inject({
      method,
      url,
      headers: auth(token),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    })
  const deliver = async () => {
    const body = bookingBody()
    const r = await h.app.inject({
      method: 'POST',
      url: `/hooks/calcom/${channelId}`,
      headers: signedHeaders(secret, body),
      payload: body,
    })
    expect(r.statusCode).toBe(200)
  }
  /** What the desk would do after applying everything it read. */
  const collectAll = async (token: string) => {
    const page = (await call('GET', '/v1/events?after=0&limit=500', undefined, token)).json() as {
      nextAfter: number
    }
    expect((await call('POST', '/v1/ack', { seq: page.nextAfter }, token)).statusCode).toBe(200)
  }
  const run = () => h.app.notifier.runOnce()
  const problems = async () =>
    (
      (
        await call('GET', '/v1/business/notifications/history?limit=1000')
      ).json() as NotificationHistoryResponse
    ).entries.filter((e) => e.kind === 'relay.delivery_problem')

  beforeAll(async () => {
    mail = await startMailbox()
    h = await startHarness(
      engine,
      {
        RELAY_SMTP_URL: mail.url,
        RELAY_MAIL_FROM: 'Frontdesk <alerts@frontdesk.test>',
        RELAY_DELIVERY_PROBLEM_MINUTES: '60',
      },
      { notifier: { background: false, now: () => clock, problemCheckMs: 0, summaryHour: null } },
    )
    const seeded = await seedChannel(h.storage)
    channelId = seeded.channel.id
    secret = seeded.secret
    front = (await seedDevice(h.storage, channelId, 'front desk')).token
    back = (await seedDevice(h.storage, channelId, 'back office')).token
    const r = await call('POST', '/v1/business', {
      name: 'Salón Zoë',
      owner: { name: 'Ana', email: 'ana@example.com', language: 'es', pin: '482913' },
    })
    expect(r.statusCode, r.body).toBe(201)
    // No quiet hours: whatever the hour the test runs, a problem goes when it is due.
    const rules = (
      await call('GET', '/v1/business/notification-rules')
    ).json() as NotificationRulesResponse
    const put = await call('PUT', '/v1/business/notification-rules', {
      actor: { personId: (r.json() as CreateBusinessResponse).ownerId, pin: '482913' },
      baseVersion: rules.version,
      rules: { ...rules.rules, quietHours: null },
    })
    expect(put.statusCode, put.body).toBe(200)
    // Both desks collected the business's own news.
    await collectAll(front)
    await collectAll(back)
  }, 60_000)
  afterAll(async () => {
    await h?.close()
    await mail?.close()
  })

  it('is no problem before the threshold, nor while one desk collects', async () => {
    await deliver()
    advance(59 * MINUTE)
    await run()
    expect(await problems()).toEqual([])
    // The back office collects; the front desk (switched off) does not: the branch is fine.
    await collectAll(back)
    advance(3 * 60 * MINUTE)
    await run()
    expect(await problems()).toEqual([])
  })

  it('once past the threshold with no desk collecting: one problem, however often it is found', async () => {
    await deliver()
    advance(61 * MINUTE)
    await run()
    await run()
    advance(31 * MINUTE) // past the kind's coalescing window: the email is due
    await run()
    advance(2 * 60 * MINUTE)
    await run()
    const found = await problems()
    expect(found.map((p) => p.channel).sort()).toEqual(['desktop', 'email'])
    expect(found.every((p) => p.status === 'sent' && p.branchId === channelId)).toBe(true)
    const [m] = await mail.waitFor(1)
    expect(mail.messages).toHaveLength(1)
    expect(m!.to).toEqual(['ana@example.com'])
    expect(m!.subject).toBe('Problema con las entregas de Cal.com · Sucursal 1')
    expect(m!.text).toContain(
      'Ningún mostrador de esta sucursal ha recogido las novedades de Cal.com',
    )
  })

  it('a branch that caught up and stalls again is a new episode', async () => {
    await collectAll(back)
    advance(2 * 60 * MINUTE)
    await run()
    expect(await problems()).toHaveLength(2)
    await deliver()
    advance(61 * MINUTE)
    await run()
    advance(31 * MINUTE)
    await run()
    expect(await problems()).toHaveLength(4)
    await mail.waitFor(2)
    expect(mail.messages).toHaveLength(2)
  })

  it('deliveries that keep failing the branch’s signature: one problem, in the owner’s words', async () => {
    await collectAll(back)
    // The relay keys this problem by the UTC day. The clock has run half a day past the real time
    // the test started at: from here it starts early in the next day, so "the same day" below
    // (and in the next test) holds whatever the hour the tests run at. Every delivery so far is
    // collected, so the hours skipped stall nothing.
    const nextDay = new Date(clock)
    nextDay.setUTCHours(25, 0, 0, 0)
    advance(nextDay.getTime() - clock.getTime())
    const before = mail.messages.length
    const forged = async () => {
      const body = bookingBody()
      const r = await h.app.inject({
        method: 'POST',
        url: `/hooks/calcom/${channelId}`,
        headers: signedHeaders('a-secret-cal-com-has-but-the-relay-does-not', body),
        payload: body,
      })
      expect([401, 429]).toContain(r.statusCode)
    }
    for (let i = 0; i < 4; i++) await forged()
    advance(31 * MINUTE)
    await run()
    expect(mail.messages).toHaveLength(before) // a few are noise
    await forged()
    await run()
    advance(31 * MINUTE) // past the kind's coalescing window
    await run()
    const [m] = (await mail.waitFor(before + 1)).slice(before)
    expect(m!.subject).toBe('Problema con las entregas de Cal.com · Sucursal 1')
    expect(m!.text).toContain('llegan firmadas con un secreto que el relé no conoce')
    // More of them the same day are the same problem.
    for (let i = 0; i < 12; i++) await forged()
    advance(31 * MINUTE)
    await run()
    expect(mail.messages).toHaveLength(before + 1)
  })
  it('a webhook a desk found deleted in Cal.com: one problem that day, in the owner’s words', async () => {
    const before = mail.messages.length
    const report = (token: string, key: string, webhook?: unknown) =>
      call(
        'POST',
        '/v1/reports',
        {
          key,
          kind: 'webhook_disabled',
          summary: 'The Cal.com webhook of the branch is gone from Cal.com',
          ...(webhook === undefined ? {} : { webhook }),
        },
        token,
      )
    const unsaid = await report(front, 'no-finding')
    expect(unsaid.statusCode).toBe(400)
    expect(unsaid.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body/webhook' })
    const first = await report(front, 'front-found-it', { finding: 'missing', reenabled: false })
    expect(first.statusCode, first.body).toBe(202)
    // The other desk of the branch finds it too: the same problem.
    const second = await report(back, 'back-found-it', { finding: 'missing', reenabled: false })
    expect(second.json()).toEqual({ ok: true, duplicate: true })
    await run()
    advance(31 * MINUTE) // past the kind's coalescing window
    await run()
    const [m] = (await mail.waitFor(before + 1)).slice(before)
    expect(m!.subject).toBe('Problema con las entregas de Cal.com · Sucursal 1')
    expect(m!.text).toContain('El webhook de Cal.com de esta sucursal ya no existe')
    expect(m!.text).toContain('desconectar y conectar')
    expect(mail.messages).toHaveLength(before + 1)
  })
})
