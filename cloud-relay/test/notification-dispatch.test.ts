// Dispatch at the relay (DESIGN.md §8), on both engines, from signed Cal.com deliveries through
// intake to a real SMTP server in process: the right people only, Cal.com's own emails not
// repeated, bursts coalesced, quiet hours held for the morning digest, desk reports, desktop
// notifications per person and device, SMTP failures retried or recorded, and exactly once
// across redeliveries and a worker that died holding its claim. The dispatch clock is the
// test's: windows and retries are crossed by moving it, never by waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NotificationRules } from '../../src/shared/notifications/rules.js'
import type {
  CreateBusinessResponse,
  NotificationHistoryResponse,
  NotificationRulesResponse,
  NotificationsResponse,
  PersonChangeResponse,
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

const OWNER_PIN = '482913'
const ADMIN_PIN = '5555'
const ZONE = 'Europe/Madrid'
const SERVICE = 11 // the event type with a 24 h cancellation policy

let n = 0
/** A Cal.com delivery as the sandbox sends it: envelope, booking payload, organizer's zone. */
function calcomBody(
  trigger: string,
  o: {
    now: Date
    uid?: string
    start: Date
    title?: string
    attendee?: string
    createdAt?: Date
    eventTypeId?: number
  },
): string {
  n += 1
  return JSON.stringify({
    triggerEvent: trigger,
    createdAt: (o.createdAt ?? o.now).toISOString(),
    payload: {
      title: o.title ?? `Corte y color ${n}`,
      startTime: o.start.toISOString(),
      endTime: new Date(o.start.getTime() + 3_600_000).toISOString(),
      eventTypeId: o.eventTypeId ?? SERVICE,
      organizer: { name: 'Zoë', email: 'zoe@example.com', timeZone: ZONE },
      attendees: [{ name: o.attendee ?? `Cliente ${n}`, email: `c${n}@example.com` }],
      uid: o.uid ?? `bk-${n}-${Math.random().toString(36).slice(2)}`,
      status: trigger === 'BOOKING_CANCELLED' ? 'CANCELLED' : 'ACCEPTED',
    },
  })
}

describe.each(ENGINES)('notification dispatch on %s', (engine) => {
  let h: Harness
  let mail: Mailbox
  let clock = new Date('2026-03-02T10:00:00Z') // 11:00 in Madrid: not quiet hours
  const at = (iso: string) => (clock = new Date(iso))
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms))
  let channelId: string
  let secret: string
  let token: string
  let otherDeskToken: string
  let biz: CreateBusinessResponse
  let adminId: string

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, tok = token) =>
    h.app.inject({
      method,
      url,
      headers: auth(tok),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    })
  const deliver = async (body: string) => {
    const r = await h.app.inject({
      method: 'POST',
      url: `/hooks/calcom/${channelId}`,
      headers: signedHeaders(secret, body),
      payload: body,
    })
    expect(r.statusCode).toBe(200)
  }
  const run = () => h.app.notifier.runOnce()
  /** Dispatch what arrived, then move past every coalescing window: what is due goes. */
  const flush = async () => {
    await run()
    advance(31 * 60_000)
    await run()
  }
  const history = async () =>
    (
      (
        await call('GET', '/v1/business/notifications/history?limit=1000')
      ).json() as NotificationHistoryResponse
    ).entries
  const setRules = async (edit: (r: NotificationRules) => void) => {
    const now = (
      await call('GET', '/v1/business/notification-rules')
    ).json() as NotificationRulesResponse
    edit(now.rules)
    const r = await call('PUT', '/v1/business/notification-rules', {
      actor: { personId: biz.ownerId, pin: OWNER_PIN },
      baseVersion: now.version,
      rules: now.rules,
    })
    expect(r.statusCode, r.body).toBe(200)
  }

  beforeAll(async () => {
    mail = await startMailbox()
    h = await startHarness(
      engine,
      { RELAY_SMTP_URL: mail.url, RELAY_MAIL_FROM: 'Frontdesk <alerts@frontdesk.test>' },
      // Its desks never ack: a year before that counts as a delivery problem; no daily summaries
      // (each has its own suite).
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
    token = (await seedDevice(h.storage, channelId, 'front desk')).token
    otherDeskToken = (await seedDevice(h.storage, channelId, 'back office')).token
    const r = await call('POST', '/v1/business', {
      name: 'Salón Zoë',
      owner: { name: 'Ana', email: 'ana@example.com', language: 'es', pin: OWNER_PIN },
    })
    expect(r.statusCode, r.body).toBe(201)
    biz = r.json()
    const add = await call('POST', '/v1/business/people', {
      actor: { personId: biz.ownerId, pin: OWNER_PIN },
      person: {
        name: 'Bea',
        email: 'bea@example.com',
        language: 'en',
        pin: ADMIN_PIN,
        role: 'admin',
        branches: [channelId],
      },
    })
    adminId = (add.json() as PersonChangeResponse).person.id
    await call('POST', '/v1/business/people', {
      actor: { personId: biz.ownerId, pin: OWNER_PIN },
      person: {
        name: 'Carla',
        email: 'carla@example.com',
        language: 'es',
        pin: '7777',
        role: 'receptionist',
        branches: [channelId],
      },
    })
    const policy = await call('PUT', `/v1/business/cancellation-policies/${channelId}/${SERVICE}`, {
      actor: { personId: biz.ownerId, pin: OWNER_PIN },
      windowHours: 24,
      text: 'Avísanos con un día.',
    })
    expect(policy.statusCode, policy.body).toBe(200)
    // The rules' older name for the branch gives way to the one the business gives it.
    await setRules((rules) => {
      rules.branchNames = { [channelId]: 'Sucursal antigua' }
    })
    const named = await call('PUT', `/v1/business/branches/${channelId}`, {
      actor: { personId: biz.ownerId, pin: OWNER_PIN },
      name: 'Centro',
    })
    expect(named.statusCode, named.body).toBe(200)
    // The business's own events (its creation, its people) notify no one.
    await run()
    expect(await history()).toEqual([])
    const rules = (
      await call('GET', '/v1/business/notification-rules')
    ).json() as NotificationRulesResponse
    expect(rules.email).toEqual({ enabled: true })
  }, 60_000)
  afterAll(async () => {
    await h?.close()
    await mail?.close()
  })

  it('a late cancellation emails the owner in her language, time in the branch zone, branch named', async () => {
    const start = new Date(clock.getTime() + 3 * 3_600_000) // 14:00 Madrid, inside the 24 h window
    await deliver(
      calcomBody('BOOKING_CANCELLED', {
        now: clock,
        start,
        title: 'Corte y color',
        attendee: 'Lucía Pérez',
      }),
    )
    await run()
    expect(mail.messages).toHaveLength(0) // held for the burst window
    await flush()
    const [m] = await mail.waitFor(1)
    expect(m!.to).toEqual(['ana@example.com'])
    expect(m!.subject).toBe('Cancelación tardía · Centro')
    expect(m!.text).toContain('Corte y color — Lucía Pérez')
    expect(m!.text).toContain('14:00 (Europe/Madrid)')
    expect(m!.text).toContain('Centro')
    expect(m!.html).toContain('<strong>Cancelación tardía · Centro</strong>')
    const entries = await history()
    expect(entries.map((e) => [e.kind, e.personId, e.channel, e.status])).toEqual([
      ['booking.late_cancellation', biz.ownerId, 'email', 'sent'],
      ['booking.late_cancellation', biz.ownerId, 'desktop', 'sent'],
    ])
  })

  it('a cancellation outside the window is a plain one: desktop only, Cal.com already emailed', async () => {
    mail.messages.length = 0
    const start = new Date(clock.getTime() + 3 * 24 * 3_600_000)
    await deliver(calcomBody('BOOKING_CANCELLED', { now: clock, start }))
    await flush()
    const [email, desktop] = (await history())
      .filter((e) => e.kind === 'booking.cancelled')
      .sort((a, b) => a.channel.localeCompare(b.channel))
      .reverse()
    expect(desktop).toMatchObject({ channel: 'desktop', status: 'sent', personId: biz.ownerId })
    expect(email).toMatchObject({ channel: 'email', status: 'suppressed', reason: 'calcom_emails' })
    expect(mail.messages).toHaveLength(0)
  })

  it('only owners hear by default: the admin and the receptionist get nothing', async () => {
    const people = new Set((await history()).map((e) => e.personId))
    expect([...people]).toEqual([biz.ownerId])
  })

  it('a redelivery, byte for byte or in a fresh envelope, notifies no one twice', async () => {
    const before = (await history()).length
    mail.messages.length = 0
    const uid = 'bk-redelivered'
    const start = new Date(clock.getTime() + 2 * 3_600_000)
    const body = calcomBody('BOOKING_CANCELLED', { now: clock, uid, start, title: 'Manicura' })
    await deliver(body)
    await deliver(body)
    await flush()
    await deliver(
      calcomBody('BOOKING_CANCELLED', {
        now: clock,
        uid,
        start,
        title: 'Manicura',
        createdAt: new Date(clock.getTime() + 1),
      }),
    )
    await flush()
    expect((await history()).length).toBe(before + 2)
    expect(mail.messages).toHaveLength(1)
  })

  it('a burst of 50 late cancellations in a minute becomes one message', async () => {
    mail.messages.length = 0
    for (let i = 0; i < 50; i++) {
      await deliver(
        calcomBody('BOOKING_CANCELLED', {
          now: clock,
          start: new Date(clock.getTime() + 3_600_000),
        }),
      )
      if (i % 10 === 9) {
        advance(10_000)
        await run()
      }
    }
    await flush()
    expect(mail.messages).toHaveLength(1)
    expect(mail.messages[0]!.subject).toBe('50 × Cancelación tardía')
    const burst = (await history()).filter(
      (e) => e.channel === 'email' && e.kind === 'booking.late_cancellation',
    )
    expect(burst.filter((e) => e.status === 'coalesced')).toHaveLength(49)
  })

  it('quiet hours hold notifications for one morning digest', async () => {
    mail.messages.length = 0
    at('2026-03-03T21:30:00Z') // 22:30 in Madrid
    await deliver(
      calcomBody('BOOKING_CANCELLED', {
        now: clock,
        start: new Date('2026-03-04T09:00:00Z'),
        attendee: 'Marta',
      }),
    )
    await deliver(
      calcomBody('BOOKING_REQUESTED', {
        now: clock,
        start: new Date('2026-03-05T09:00:00Z'),
        attendee: 'Nuria',
      }),
    )
    await run()
    advance(60 * 60_000)
    await run()
    expect(mail.messages).toHaveLength(0)
    expect(
      (await history())
        .slice(0, 4)
        .map((e) => e.status)
        .sort(),
    ).toEqual(['coalesced', 'coalesced', 'held', 'held'])
    at('2026-03-04T07:00:00Z') // 08:00 in Madrid
    await run()
    const [digest] = await mail.waitFor(1)
    expect(mail.messages).toHaveLength(1)
    expect(digest!.subject).toBe('Su resumen de la mañana: 2 avisos')
    expect(digest!.text).toContain('Marta')
    expect(digest!.text).toContain('Nuria')
    at('2026-03-04T10:00:00Z')
  })

  it('a desk’s report reaches the owner once, however often it is sent', async () => {
    mail.messages.length = 0
    const report = {
      key: 'attention-42',
      kind: 'desk.needs_attention',
      summary: 'Cal.com rechazó mover la cita de las 12:00.',
    }
    const first = await call('POST', '/v1/reports', report)
    expect(first.statusCode).toBe(202)
    expect(first.json()).toEqual({ ok: true, duplicate: false })
    expect((await call('POST', '/v1/reports', report)).json()).toEqual({
      ok: true,
      duplicate: true,
    })
    await flush()
    await run()
    expect(mail.messages).toHaveLength(1)
    expect(mail.messages[0]!.subject).toBe('Un mostrador necesita atención · Centro')
    expect(mail.messages[0]!.text).toContain('Cal.com rechazó mover la cita de las 12:00.')
    // Past retention the job is gone and the key is new again, but the notification's own
    // key still knows it: no second email.
    expect(await h.storage.notifications.pruneJobs(new Date(Date.now() + 60_000))).toBeGreaterThan(
      0,
    )
    expect((await call('POST', '/v1/reports', report)).json()).toEqual({
      ok: true,
      duplicate: false,
    })
    await flush()
    expect(mail.messages).toHaveLength(1)
  })

  it('desktop notifications go to the people who turned them on at that device', async () => {
    const none = (await call('GET', '/v1/notifications')).json() as NotificationsResponse
    expect(none.notifications).toEqual([])
    const refused = await call('PUT', '/v1/notifications/desktop', {
      actor: { personId: biz.ownerId, pin: '000000' },
      enabled: true,
    })
    expect(refused.statusCode).toBe(403)
    const on = await call('PUT', '/v1/notifications/desktop', {
      actor: { personId: biz.ownerId, pin: OWNER_PIN },
      enabled: true,
    })
    expect(on.json()).toEqual({ personId: biz.ownerId, enabled: true })
    const page = (
      await call('GET', '/v1/notifications?after=0&limit=500')
    ).json() as NotificationsResponse
    expect(page.notifications.length).toBeGreaterThan(3)
    expect(page.notifications.every((x) => x.personId === biz.ownerId)).toBe(true)
    const burst = page.notifications.find((x) => x.count === 50)
    expect(burst).toMatchObject({
      kind: 'booking.late_cancellation',
      title: '50 × Cancelación tardía',
      bookingUid: null,
    })
    const single = page.notifications.find((x) => x.kind === 'booking.cancelled')
    expect(single?.bookingUid).toMatch(/^bk-/)
    const after = (
      await call('GET', `/v1/notifications?after=${page.nextAfter}`)
    ).json() as NotificationsResponse
    expect(after).toEqual({ notifications: [], nextAfter: page.nextAfter })
    const elsewhere = (
      await call('GET', '/v1/notifications', undefined, otherDeskToken)
    ).json() as NotificationsResponse
    expect(elsewhere.notifications).toEqual([])
    // A parked poll answers when a new one becomes available.
    const parked = call('GET', `/v1/notifications?after=${page.nextAfter}&wait=25`)
    await deliver(
      calcomBody('BOOKING_CREATED', { now: clock, start: new Date(clock.getTime() + 86_400_000) }),
    )
    await flush()
    const woken = (await parked).json() as NotificationsResponse
    expect(woken.notifications.map((x) => x.kind)).toEqual(['booking.created'])
    const desk = await call(
      'PUT',
      '/v1/notifications/desktop',
      { actor: { personId: adminId, pin: ADMIN_PIN }, enabled: true },
      otherDeskToken,
    )
    expect(desk.statusCode).toBe(200)
  })

  it('SMTP refusing for a while is retried with backoff; the message arrives once', async () => {
    mail.messages.length = 0
    mail.refuseNext(2, 451)
    await deliver(
      calcomBody('BOOKING_REQUESTED', {
        now: clock,
        start: new Date(clock.getTime() + 86_400_000),
      }),
    )
    await flush()
    const [retrying] = (await history()).filter((e) => e.channel === 'email')
    expect(retrying).toMatchObject({ status: 'pending', attempts: 1 })
    expect(retrying!.reason).toContain('SMTP 451')
    advance(30_000)
    await run()
    advance(60_000)
    await run()
    expect(mail.messages).toHaveLength(1)
    const [sent] = (await history()).filter((e) => e.channel === 'email')
    expect(sent).toMatchObject({ status: 'sent', attempts: 3 })
  })

  it('a permanent refusal is recorded for the owner with the server’s reason', async () => {
    mail.messages.length = 0
    mail.refuseNext(1, 550)
    await deliver(
      calcomBody('BOOKING_REQUESTED', {
        now: clock,
        start: new Date(clock.getTime() + 86_400_000),
      }),
    )
    await flush()
    await flush()
    const [failed] = (await history()).filter((e) => e.channel === 'email')
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 })
    expect(failed!.reason).toContain('SMTP 550')
    expect(mail.messages).toHaveLength(0)
  })

  it('a worker that died holding a job: its claim expires and the job is done once', async () => {
    await setRules((r) => {
      r.kinds['booking.requested'].coalesceMinutes = 0
    })
    mail.messages.length = 0
    await deliver(
      calcomBody('BOOKING_REQUESTED', {
        now: clock,
        start: new Date(clock.getTime() + 86_400_000),
      }),
    )
    const dead = await h.storage.notifications.claimJobs(clock, 60_000, 50)
    expect(dead).toHaveLength(1)
    await run()
    expect(await h.storage.notifications.pendingJobs()).toBe(1)
    advance(61_000)
    await run()
    expect(await h.storage.notifications.pendingJobs()).toBe(0)
    await mail.waitFor(1)
    // The dead worker wakes and finishes its stale claim: the unique keys make it a no-op.
    await h.storage.notifications.finishJob(dead[0]!, [])
    await run()
    expect(mail.messages).toHaveLength(1)
    const keys = (await history()).filter(
      (e) => e.kind === 'booking.requested' && e.status === 'sent',
    )
    expect(keys.filter((e) => e.channel === 'email')).toHaveLength(2)
  })
  it('a worker that died handing an email to SMTP: never sent again, shown as uncertain', async () => {
    await setRules((r) => {
      r.kinds['booking.requested'].coalesceMinutes = 5
    })
    mail.messages.length = 0
    await deliver(
      calcomBody('BOOKING_REQUESTED', {
        now: clock,
        start: new Date(clock.getTime() + 86_400_000),
      }),
    )
    await run() // planned, due when its burst window closes
    advance(6 * 60_000)
    // The dying worker claims the due email and commits `sending`, then stops before the mail
    // server answers: whether it arrived is unknown.
    const claimed = await h.storage.notifications.claimDue(clock, 60_000, 10)
    const email = claimed.find((x) => x.channel === 'email')!
    expect(await h.storage.notifications.markSending(email)).toBe(true)
    await run()
    expect(mail.messages).toHaveLength(0) // still its claim: nobody touches it
    advance(61_000)
    await run()
    await run()
    expect(mail.messages).toHaveLength(0) // not sent a second time
    const [entry] = (await history()).filter((e) => e.channel === 'email')
    expect(entry).toMatchObject({ status: 'uncertain', reason: 'crashed_mid_send' })
    // Had it only been slow, its server's 250 still lands as sent: the owner sees the truth.
    expect(await h.storage.notifications.markSent(email, clock)).toBe(true)
    const [after] = (await history()).filter((e) => e.channel === 'email')
    expect(after).toMatchObject({ status: 'sent' })
  })

  it('an admin’s proposal reaches the owner at once, by email, with its readable diff', async () => {
    mail.messages.length = 0
    const now = (
      await call('GET', '/v1/business/notification-rules')
    ).json() as NotificationRulesResponse
    now.rules.kinds['booking.paid'].enabled = true
    const r = await call('PUT', '/v1/business/notification-rules', {
      actor: { personId: adminId, pin: ADMIN_PIN },
      baseVersion: now.version,
      rules: now.rules,
      reason: 'Queremos saber de los pagos',
    })
    expect(r.statusCode, r.body).toBe(202)
    await run()
    const [m] = await mail.waitFor(1)
    expect(m!.to).toEqual(['ana@example.com'])
    expect(m!.subject).toBe('Un cambio de las reglas de avisos espera su aprobación')
    expect(m!.text).toContain('Bea: “Queremos saber de los pagos”')
    expect(m!.text).toContain('booking.paid — avisar: no → sí')
    expect(
      (await history()).filter((e) => e.kind === 'rules.proposal').map((e) => e.personId),
    ).toEqual([biz.ownerId, biz.ownerId])
  })
})
