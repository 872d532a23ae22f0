// Exactly once across relay processes (DESIGN.md §8): two relay processes on one PostgreSQL
// dispatch the same business's deliveries, then one is SIGKILLed mid-send and another started:
// no email ever arrives twice; the ones the killed process had handed to the mail server (its
// answer unrecorded) end `uncertain` in the owner's history, every other one is sent. A claim
// held by the killed process expires after RELAY_NOTIFY_CLAIM_SECONDS (3 s here) and a live
// instance takes the work over. The proofs wait on the mailbox, never on a clock.
import { SEND_CONCURRENCY } from '../src/notifications/notifier.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  CreateBusinessResponse,
  NotificationHistoryResponse,
  NotificationRulesResponse,
} from '../../src/shared/relay/relay-contract.js'
import { until } from '../../test/support/until.js'
import { openStorage } from '../src/storage/open-storage.js'
import {
  auth,
  createDatabase,
  seedChannel,
  seedDevice,
  signedHeaders,
  type TestDatabase,
} from './helpers.js'
import { startMailbox, type Mailbox } from './mailbox.js'
import { startRelayProcess, type RelayProcess } from './relay-process.js'

const OWNER_PIN = '482913'

describe('notification dispatch across relay processes on one PostgreSQL', () => {
  let db: TestDatabase
  let mail: Mailbox
  let env: Record<string, string>
  const running: RelayProcess[] = []
  let channelId: string
  let secret: string
  let token: string
  let biz: CreateBusinessResponse

  const start = async () => {
    const p = await startRelayProcess(env)
    running.push(p)
    return p
  }
  const api = async (base: string, method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...auth(token),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return { status: r.status, json: (await r.json()) as unknown }
  }
  let n = 0
  const deliver = async (base: string) => {
    n += 1
    const body = JSON.stringify({
      triggerEvent: 'BOOKING_REQUESTED',
      createdAt: new Date().toISOString(),
      payload: {
        title: `Consulta ${n}`,
        startTime: new Date(Date.now() + 86_400_000).toISOString(),
        eventTypeId: 5,
        organizer: { name: 'Zoë', timeZone: 'Europe/Madrid' },
        attendees: [{ name: `Cliente ${n}`, email: `c${n}@example.com` }],
        uid: `req-${n}`,
      },
    })
    const r = await fetch(`${base}/hooks/calcom/${channelId}`, {
      method: 'POST',
      headers: signedHeaders(secret, body),
      body,
    })
    expect(r.status).toBe(200)
  }
  const history = async (base: string) =>
    (
      (await api(base, 'GET', '/v1/business/notifications/history?limit=1000'))
        .json as NotificationHistoryResponse
    ).entries

  beforeAll(async () => {
    db = await createDatabase('postgres')
    mail = await startMailbox()
    const storage = await openStorage(db.url)
    const seeded = await seedChannel(storage)
    channelId = seeded.channel.id
    secret = seeded.secret
    token = (await seedDevice(storage, channelId)).token
    await storage.close()
    env = {
      RELAY_DATABASE_URL: db.url,
      RELAY_INTAKE_RATE_LIMIT: '100000000',
      RELAY_SMTP_URL: mail.url,
      RELAY_MAIL_FROM: 'alerts@frontdesk.test',
      RELAY_NOTIFY_CLAIM_SECONDS: '3',
    }
    const first = await start()
    const created = await api(first.url, 'POST', '/v1/business', {
      name: 'Salón Zoë',
      owner: { name: 'Ana', email: 'ana@example.com', language: 'en', pin: OWNER_PIN },
    })
    expect(created.status).toBe(201)
    biz = created.json as CreateBusinessResponse
    // Each request on its own, at any hour: no burst window, no quiet hours.
    const now = (await api(first.url, 'GET', '/v1/business/notification-rules'))
      .json as NotificationRulesResponse
    now.rules.kinds['booking.requested'].coalesceMinutes = 0
    now.rules.quietHours = null
    // Only the requests are counted: no daily summary, whatever the hour the test runs at.
    now.rules.kinds['summary.daily'].enabled = false
    const put = await api(first.url, 'PUT', '/v1/business/notification-rules', {
      actor: { personId: biz.ownerId, pin: OWNER_PIN },
      baseVersion: now.version,
      rules: now.rules,
    })
    expect(put.status).toBe(200)
  }, 60_000)
  afterAll(async () => {
    for (const p of running) {
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM')
      await p.exited
    }
    await mail?.close()
    await db?.drop()
  })

  it('two instances share the work: each email once, every notification sent', async () => {
    const [one] = running as [RelayProcess]
    const two = await start()
    for (let i = 0; i < 30; i++) await deliver(i % 2 === 0 ? one.url : two.url)
    const received = await mail.waitFor(30)
    const entries = await history(two.url)
    expect(entries).toHaveLength(60) // 30 emails and 30 desktop notifications
    // Sent is final: nothing is left that any instance could send again.
    await until('every notification sent', async () =>
      (await history(one.url)).every((e) => e.status === 'sent'),
    )
    expect(new Set(received.map((m) => m.messageId)).size).toBe(30)
    expect(new Set(received.map((m) => m.subject))).toEqual(
      new Set(['Booking request to confirm · Branch 1']),
    )
    expect(mail.messages).toHaveLength(30)
  })

  it('an instance SIGKILLed mid-send: no email twice, none lost — the ones in flight are shown as uncertain', async () => {
    const [one, two] = running as [RelayProcess, RelayProcess]
    two.child.kill('SIGTERM')
    await two.exited
    const before = mail.messages.length
    // The mail server takes the first messages in but has not answered when the relay dies:
    // those were handed over, and the killed process never learned whether they arrived.
    mail.holdReplies()
    for (let i = 0; i < 30; i++) await deliver(one.url)
    await mail.waitFor(before + 1)
    one.child.kill('SIGKILL')
    await one.exited
    mail.release()
    const three = await start()
    const emails = async () =>
      (await history(three.url)).filter((e) => e.channel === 'email').slice(0, 30)
    await until('every email of the batch settled (sent or uncertain)', async () =>
      (await emails()).every((e) => e.status === 'sent' || e.status === 'uncertain'),
    )
    const settled = await emails()
    const uncertain = settled.filter((e) => e.status === 'uncertain')
    const sent = settled.filter((e) => e.status === 'sent')
    // Exactly once: no Message-ID twice, ever.
    const times = new Map<string, number>()
    for (const m of mail.messages) times.set(m.messageId, (times.get(m.messageId) ?? 0) + 1)
    expect(Math.max(...times.values())).toBe(1)
    // The ones the killed process had in flight are visible to the owner, not resent, not lost.
    expect(uncertain.length).toBeGreaterThanOrEqual(1)
    expect(uncertain.length).toBeLessThanOrEqual(SEND_CONCURRENCY)
    for (const e of uncertain) expect(e.reason).toBe('crashed_mid_send')
    // Each sent one arrived; beyond those, only uncertain ones did (at least the first, whose
    // reply the server withheld).
    const arrivedUncertain = mail.messages.length - before - sent.length
    expect(arrivedUncertain).toBeGreaterThanOrEqual(1)
    expect(arrivedUncertain).toBeLessThanOrEqual(uncertain.length)
    expect(await history(three.url)).toHaveLength(120)
  })
})
