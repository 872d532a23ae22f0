// summary.daily, produced by the relay itself (DESIGN.md §8), on both engines: from the business's
// morning (07:00 in the zone Cal.com gives its branch), one summary of the day before per
// (business, day) — asked again, or by a second relay instance, it is still one — counting the
// stored deliveries of that local day per branch (a redelivery in a fresh envelope once), in the
// owner's language, emailed through a real SMTP server in process. The dispatch clock is the test's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  CreateBusinessResponse,
  NotificationRulesResponse,
} from '../../src/shared/relay/relay-contract.js'
import { sha256Hex } from '../src/ids.js'
import { smtpMailer } from '../src/notifications/mailer.js'
import { Notifier } from '../src/notifications/notifier.js'
import { ENGINES, auth, seedChannel, seedDevice, startHarness, type Harness } from './helpers.js'
import { startMailbox, type Mailbox } from './mailbox.js'

const PIN = '482913'

let n = 0
function delivery(channelId: string, trigger: string, receivedAt: string, uid = `bk-${++n}`) {
  const body = Buffer.from(
    JSON.stringify({
      triggerEvent: trigger,
      createdAt: receivedAt,
      payload: {
        uid,
        title: `Corte ${n}`,
        startTime: '2026-03-10T10:00:00Z',
        eventTypeId: 3,
        organizer: { name: 'Zoë', email: 'zoe@example.com', timeZone: 'Europe/Madrid' },
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
  let clock = new Date('2026-03-03T05:59:00Z') // 06:59 in Madrid
  let channelId: string
  let token: string

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
    h.app.inject({
      method,
      url,
      headers: auth(token),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    })
  const summaries = () => mail.messages.filter((m) => m.subject.startsWith('Resumen del día'))

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
    channelId = seeded.channel.id
    token = (await seedDevice(h.storage, channelId)).token
    const r = await call('POST', '/v1/business', {
      name: 'Salón Zoë',
      owner: { name: 'Ana', email: 'ana@example.com', language: 'es', pin: PIN },
    })
    expect(r.statusCode, r.body).toBe(201)
    const rules = (
      await call('GET', '/v1/business/notification-rules')
    ).json() as NotificationRulesResponse
    const put = await call('PUT', '/v1/business/notification-rules', {
      actor: { personId: (r.json() as CreateBusinessResponse).ownerId, pin: PIN },
      baseVersion: rules.version,
      rules: { ...rules.rules, branchNames: { [channelId]: 'Centro' } },
    })
    expect(put.statusCode, put.body).toBe(200)
    await h.storage.ingest([
      delivery(channelId, 'BOOKING_CREATED', '2026-03-01T12:00:00Z'), // the day before: not counted
      delivery(channelId, 'BOOKING_CREATED', '2026-03-02T08:00:00Z'),
      delivery(channelId, 'BOOKING_CREATED', '2026-03-02T09:00:00Z', 'bk-twice'),
      delivery(channelId, 'BOOKING_CREATED', '2026-03-02T09:05:00Z', 'bk-twice'), // fresh envelope
      delivery(channelId, 'BOOKING_CANCELLED', '2026-03-02T15:00:00Z'),
      delivery(channelId, 'BOOKING_NO_SHOW_UPDATED', '2026-03-02T22:30:00Z'), // 23:30 in Madrid
      delivery(channelId, 'BOOKING_CREATED', '2026-03-02T23:30:00Z'), // 00:30 on the 3rd: today
    ])
  }, 60_000)
  afterAll(async () => {
    await h?.close()
    await mail?.close()
  })

  it('waits for the business’s morning', async () => {
    await h.app.notifier.runOnce()
    expect(summaries()).toEqual([])
  })

  it('then sends one summary of the day before, per branch, in the owner’s language', async () => {
    clock = new Date('2026-03-03T06:01:00Z') // 07:01 in Madrid
    await h.app.notifier.runOnce()
    await mail.waitFor(1)
    const [m] = summaries()
    expect(summaries()).toHaveLength(1)
    expect(m!.to).toEqual(['ana@example.com'])
    expect(m!.subject).toBe('Resumen del día · lun, 2 mar')
    expect(m!.text).toContain('Ayer, lun, 2 mar, Cal.com nos avisó de:')
    expect(m!.text).toContain(
      '• Centro: 2 × Nueva reserva, 1 × Reserva cancelada, 1 × No se presentó',
    )
  })

  it('is one per business and day, however often and by however many instances it is asked', async () => {
    clock = new Date('2026-03-03T09:00:00Z')
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
    expect(summaries()).toHaveLength(1)
  })

  it('the next morning summarises the next day', async () => {
    clock = new Date('2026-03-04T06:30:00Z')
    await h.app.notifier.runOnce()
    await mail.waitFor(summaries().length + 1)
    const next = summaries()
    expect(next).toHaveLength(2)
    expect(next[1]!.subject).toBe('Resumen del día · mar, 3 mar')
    expect(next[1]!.text).toContain('• Centro: 1 × Nueva reserva')
  })
})
