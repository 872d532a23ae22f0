// summary.daily, produced by the relay itself (DESIGN.md §8), on both engines: one summary per
// branch, at that branch's closing (20:00 by default) in the zone Cal.com's deliveries to that
// branch give — Madrid and Toronto close five hours apart — counting the branch's stored
// deliveries from its closing before to this one (a redelivery in a fresh envelope once), to the
// people the rules name for that branch (an admin of one branch hears of that branch only), in
// each person's language, through a real SMTP server in process. A branch no delivery has told
// the zone of goes by UTC and says so. Asked again, or by a second relay instance, each is still
// one. The dispatch clock is the test's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  CreateBusinessResponse,
  JoinCodeResponse,
  NotificationRulesResponse,
} from '../../src/shared/relay/relay-contract.js'
import { sha256Hex } from '../src/ids.js'
import { smtpMailer } from '../src/notifications/mailer.js'
import { Notifier } from '../src/notifications/notifier.js'
import { ENGINES, auth, seedChannel, seedDevice, startHarness, type Harness } from './helpers.js'
import { startMailbox, type Mailbox } from './mailbox.js'

const PIN = '482913'
const MADRID = 'Europe/Madrid'
const TORONTO = 'America/Toronto'

let n = 0
function delivery(
  channelId: string,
  trigger: string,
  receivedAt: string,
  zone: string,
  uid = `bk-${++n}`,
) {
  const body = Buffer.from(
    JSON.stringify({
      triggerEvent: trigger,
      createdAt: receivedAt,
      payload: {
        uid,
        title: `Corte ${n}`,
        startTime: '2026-03-10T10:00:00Z',
        eventTypeId: 3,
        organizer: { name: 'Zoë', email: 'zoe@example.com', timeZone: zone },
        attendees: [{ name: `Cliente ${n}`, email: `c${n}@example.com`, noShow: true }],
        bookingUid: uid,
        n,
      },
    }),
  )
  return {
    channelId,
    body,
    bodySha256: sha256Hex(body),
    contentType: 'application/json',
    headers: {},
    receivedAt: new Date(receivedAt),
  }
}

describe.each(ENGINES)('the daily summary on %s', (engine) => {
  let h: Harness
  let mail: Mailbox
  let clock = new Date('2026-03-02T18:59:00Z') // 19:59 in Madrid, 13:59 in Toronto
  const branch = { madrid: '', toronto: '', unknown: '' }
  let token: string

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown, tok = token) =>
    h.app.inject({
      method,
      url,
      headers: auth(tok),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    })
  const summaries = (to = 'ana@example.com') =>
    mail.messages.filter(
      (m) => m.to.includes(to) && /^(Resumen del día|Daily summary)/.test(m.subject),
    )

  beforeAll(async () => {
    mail = await startMailbox()
    h = await startHarness(
      engine,
      { RELAY_SMTP_URL: mail.url, RELAY_MAIL_FROM: 'Frontdesk <alerts@frontdesk.test>' },
      {
        notifier: {
          background: false,
          now: () => clock,
          problemCheckMs: 0,
          stallMs: 365 * 86_400_000,
        },
      },
    )
    const seeded = await seedChannel(h.storage)
    branch.madrid = seeded.channel.id
    token = (await seedDevice(h.storage, branch.madrid)).token
    const r = await call('POST', '/v1/business', {
      name: 'Salón Zoë',
      owner: { name: 'Ana', email: 'ana@example.com', language: 'es', pin: PIN },
    })
    expect(r.statusCode, r.body).toBe(201)
    const actor = { personId: (r.json() as CreateBusinessResponse).ownerId, pin: PIN }
    for (const key of ['toronto', 'unknown'] as const) {
      const other = await seedChannel(h.storage)
      branch[key] = other.channel.id
      const otherToken = (await seedDevice(h.storage, other.channel.id)).token
      const code = (
        await call('POST', '/v1/business/join-codes', { actor })
      ).json() as JoinCodeResponse
      const joined = await call('POST', '/v1/business/join', { code: code.code }, otherToken)
      expect(joined.statusCode, joined.body).toBe(200)
    }
    const admin = await call('POST', '/v1/business/people', {
      actor,
      person: {
        name: 'Tom',
        email: 'tom@example.com',
        language: 'en',
        pin: '5555',
        role: 'admin',
        branches: [branch.toronto],
      },
    })
    expect(admin.statusCode, admin.body).toBe(201)
    const rules = (
      await call('GET', '/v1/business/notification-rules')
    ).json() as NotificationRulesResponse
    rules.rules.kinds['summary.daily'].recipients.roles = ['owner', 'admin']
    const put = await call('PUT', '/v1/business/notification-rules', {
      actor,
      baseVersion: rules.version,
      rules: {
        ...rules.rules,
        branchNames: { [branch.madrid]: 'Centro', [branch.toronto]: 'Norte' },
      },
    })
    expect(put.statusCode, put.body).toBe(200)
    const m = branch.madrid
    const t = branch.toronto
    await h.storage.ingest([
      delivery(m, 'BOOKING_CREATED', '2026-03-01T12:00:00Z', MADRID), // before the last closing
      delivery(m, 'BOOKING_CREATED', '2026-03-02T08:00:00Z', MADRID),
      delivery(m, 'BOOKING_CREATED', '2026-03-02T09:00:00Z', MADRID, 'bk-twice'),
      delivery(m, 'BOOKING_CREATED', '2026-03-02T09:05:00Z', MADRID, 'bk-twice'), // fresh envelope
      delivery(m, 'BOOKING_CANCELLED', '2026-03-02T15:00:00Z', MADRID),
      delivery(m, 'BOOKING_NO_SHOW_UPDATED', '2026-03-02T19:30:00Z', MADRID), // 20:30: closed
      delivery(t, 'BOOKING_CREATED', '2026-03-02T15:00:00Z', TORONTO), // 10:00 in Toronto
      delivery(t, 'BOOKING_CANCELLED', '2026-03-02T23:30:00Z', TORONTO), // 18:30 in Toronto
      delivery(t, 'BOOKING_CREATED', '2026-03-03T02:00:00Z', TORONTO), // 21:00: closed
    ])
  }, 60_000)
  afterAll(async () => {
    await h?.close()
    await mail?.close()
  })

  it('waits for each branch’s closing', async () => {
    await h.app.notifier.runOnce()
    expect(summaries()).toEqual([])
  })

  it('at Madrid’s closing, Madrid’s day alone, in the owner’s language', async () => {
    clock = new Date('2026-03-02T19:01:00Z') // 20:01 in Madrid, 14:01 in Toronto, 19:01 UTC
    await h.app.notifier.runOnce()
    await mail.waitFor(1)
    expect(summaries()).toHaveLength(1)
    const [m] = summaries()
    expect(m!.subject).toBe('Resumen del día · lun, 2 mar')
    expect(m!.text).toContain(
      'Desde el cierre de ayer hasta el de hoy, lun, 2 mar, Cal.com nos avisó de:',
    )
    expect(m!.text).toContain('• Centro: 2 × Nueva reserva, 1 × Reserva cancelada')
    expect(m!.text).not.toContain('No se presentó') // after closing: tomorrow's
    expect(m!.text).not.toContain('Norte')
    expect(summaries('tom@example.com')).toEqual([]) // Tom is the admin of Toronto only
  })

  it('a branch whose zone Cal.com has not told goes by UTC, and says so', async () => {
    clock = new Date('2026-03-02T20:01:00Z')
    await h.app.notifier.runOnce()
    await mail.waitFor(2)
    const [, u] = summaries()
    expect(u!.text).toContain('• Sucursal 3: ningún cambio de reservas')
    expect(u!.text).toContain('Los días y horas aquí son UTC')
  })

  it('at Toronto’s closing, Toronto’s day, to the owner and to Toronto’s admin', async () => {
    clock = new Date('2026-03-03T01:01:00Z') // 20:01 on the 2nd in Toronto
    await h.app.notifier.runOnce()
    await mail.waitFor(4)
    const owner = summaries()
    expect(owner).toHaveLength(3)
    expect(owner[2]!.text).toContain('• Norte: 1 × Nueva reserva, 1 × Reserva cancelada')
    const [tom] = summaries('tom@example.com')
    expect(summaries('tom@example.com')).toHaveLength(1)
    expect(tom!.subject).toBe('Daily summary · Mon 2 Mar')
    expect(tom!.text).toContain(
      'From yesterday’s closing to today’s, Mon 2 Mar, Cal.com told us of:',
    )
    expect(tom!.text).toContain('• Norte: 1 × New booking, 1 × Booking cancelled')
  })

  it('is one per branch and day, however often and by however many instances it is asked', async () => {
    clock = new Date('2026-03-03T03:00:00Z')
    await h.app.notifier.runOnce()
    const other = new Notifier({
      storage: h.storage,
      log: h.app.log,
      mailer: smtpMailer(mail.url, 'Frontdesk <alerts@frontdesk.test>'),
      now: () => clock,
      background: false,
      problemCheckMs: 0,
      stallMs: 365 * 86_400_000,
    })
    await other.runOnce()
    await other.stop()
    expect(summaries()).toHaveLength(3)
    expect(summaries('tom@example.com')).toHaveLength(1)
  })

  it('the next closing summarises the next day', async () => {
    clock = new Date('2026-03-03T19:30:00Z') // 20:30 on the 3rd in Madrid
    const before = mail.messages.length
    await h.app.notifier.runOnce()
    await mail.waitFor(before + 1)
    const next = summaries()
    expect(next).toHaveLength(4)
    expect(next[3]!.subject).toBe('Resumen del día · mar, 3 mar')
    expect(next[3]!.text).toContain('• Centro: 1 × No se presentó')
  })
})
