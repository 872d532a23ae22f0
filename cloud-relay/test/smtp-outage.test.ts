// The SMTP server down for a while, then back (DESIGN.md §8 "failures retried with backoff"), on
// both engines: while it is unreachable the owner's email waits, retried with backoff and its
// reason in the history; once the server is back on its address the email arrives, once. A real
// SMTP server in process, stopped and started again on the same port. The clock is the test's.
import type { AddressInfo } from 'node:net'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  CreateBusinessResponse,
  NotificationHistoryResponse,
  NotificationRulesResponse,
} from '../../src/shared/relay/relay-contract.js'
import {
  ENGINES,
  auth,
  seedChannel,
  seedDevice,
  signedHeaders,
  startHarness,
  type Harness,
} from './helpers.js'
import { startMailbox, type Mailbox } from './mailbox.js'

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo
      s.close(() => resolve(port))
    })
  })

describe.each(ENGINES)('SMTP down for a while, then back, on %s', (engine) => {
  let h: Harness
  let port: number
  let mail: Mailbox | undefined
  let clock = new Date()
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms))
  let channelId: string
  let secret: string
  let token: string

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
    h.app.inject({
      method,
      url,
      headers: auth(token),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    })
  const emails = async () =>
    (
      (
        await call('GET', '/v1/business/notifications/history?limit=100')
      ).json() as NotificationHistoryResponse
    ).entries.filter((e) => e.kind === 'booking.requested' && e.channel === 'email')

  beforeAll(async () => {
    port = await freePort()
    mail = await startMailbox({ port })
    h = await startHarness(
      engine,
      {
        RELAY_SMTP_URL: `smtp://127.0.0.1:${port}`,
        RELAY_MAIL_FROM: 'Frontdesk <alerts@frontdesk.test>',
      },
      {
        notifier: {
          background: false,
          now: () => clock,
          stallMs: 365 * 86_400_000,
          summaryHour: null,
        },
      },
    )
    const seeded = await seedChannel(h.storage)
    channelId = seeded.channel.id
    secret = seeded.secret
    token = (await seedDevice(h.storage, channelId)).token
    const r = await call('POST', '/v1/business', {
      name: 'Salón Zoë',
      owner: { name: 'Ana', email: 'ana@example.com', language: 'en', pin: '482913' },
    })
    expect(r.statusCode, r.body).toBe(201)
    const rules = (
      await call('GET', '/v1/business/notification-rules')
    ).json() as NotificationRulesResponse
    const put = await call('PUT', '/v1/business/notification-rules', {
      actor: { personId: (r.json() as CreateBusinessResponse).ownerId, pin: '482913' },
      baseVersion: rules.version,
      rules: { ...rules.rules, quietHours: null },
    })
    expect(put.statusCode, put.body).toBe(200)
  }, 60_000)
  afterAll(async () => {
    await h?.close()
    await mail?.close()
  })

  it('waits, retried with its reason, while the server is down; arrives once when it is back', async () => {
    const body = JSON.stringify({
      triggerEvent: 'BOOKING_REQUESTED',
      createdAt: clock.toISOString(),
      payload: {
        uid: 'bk-outage',
        title: 'Colour consultation',
        startTime: new Date(clock.getTime() + 3 * 86_400_000).toISOString(),
        organizer: { name: 'Zoë', email: 'zoe@example.com', timeZone: 'Europe/Madrid' },
        attendees: [{ name: 'Olga', email: 'olga@example.com' }],
      },
    })
    const r = await h.app.inject({
      method: 'POST',
      url: `/hooks/calcom/${channelId}`,
      headers: signedHeaders(secret, body),
      payload: body,
    })
    expect(r.statusCode).toBe(200)
    await h.app.notifier.runOnce()

    // The server goes down before the email is due.
    await mail!.close()
    mail = undefined
    advance(6 * 60_000) // past the kind's 5-minute coalescing window
    await h.app.notifier.runOnce()
    advance(31_000)
    await h.app.notifier.runOnce()
    const waiting = await emails()
    expect(waiting).toHaveLength(1)
    expect(waiting[0]).toMatchObject({ status: 'pending', attempts: 2 })
    expect(waiting[0]!.reason).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/)

    // Back on the same address: the next retry delivers it, once.
    mail = await startMailbox({ port })
    advance(61_000)
    await h.app.notifier.runOnce()
    advance(10 * 60_000)
    await h.app.notifier.runOnce()
    expect(mail.messages).toHaveLength(1)
    expect(mail.messages[0]!.subject).toBe('Booking request to confirm · Branch 1')
    expect(await emails()).toMatchObject([{ status: 'sent', attempts: 3 }])
  })
})
