// summary.daily at each branch's real closing (DESIGN.md §8), on both engines: a desk reports
// when its branch closes on the coming days (PUT /v1/branch-hours, from its Cal.com schedules,
// in its zone) and the relay sends the branch's summary after that closing — early on a short
// Saturday, none on a closed Sunday (its changes join Monday's), just after midnight for a late
// night — counting from the closing before. A desk writes its own branch only; bad reports are
// refused naming the field. Real SMTP in process; the dispatch clock is the test's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  BranchHoursRequest,
  CreateBusinessResponse,
  JoinCodeResponse,
  NotificationRulesResponse,
} from '../../src/shared/relay/relay-contract.js'
import { sha256Hex } from '../src/ids.js'
import { ENGINES, auth, seedChannel, seedDevice, startHarness, type Harness } from './helpers.js'
import { startMailbox, type Mailbox } from './mailbox.js'

const PIN = '482913'
const MADRID = 'Europe/Madrid' // UTC+1 in early March 2026

let n = 0
function delivery(channelId: string, trigger: string, receivedAt: string) {
  n += 1
  const body = Buffer.from(
    JSON.stringify({
      triggerEvent: trigger,
      createdAt: receivedAt,
      payload: {
        uid: `bk-${n}`,
        title: `Corte ${n}`,
        startTime: '2026-03-20T10:00:00Z',
        eventTypeId: 3,
        organizer: { name: 'Zoë', email: 'zoe@example.com', timeZone: MADRID },
        attendees: [{ name: `Cliente ${n}`, email: `c${n}@example.com` }],
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

describe.each(ENGINES)('summary.daily at the branch’s reported closing on %s', (engine) => {
  let h: Harness
  let mail: Mailbox
  let clock = new Date('2026-03-07T12:59:00Z') // Saturday 13:59 in Madrid
  const branch = { madrid: '', lisbon: '' }
  const token = { madrid: '', lisbon: '' }

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload: unknown, tok: string) =>
    h.app.inject({
      method,
      url,
      headers: auth(tok),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    })
  const report = (body: unknown, tok = token.madrid) => call('PUT', '/v1/branch-hours', body, tok)
  const summaries = () =>
    mail.messages.filter((m) => m.to.includes('ana@example.com') && /^Resumen/.test(m.subject))
  const at = async (iso: string) => {
    clock = new Date(iso)
    await h.app.notifier.runOnce()
  }

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
    token.madrid = (await seedDevice(h.storage, branch.madrid)).token
    const r = await call(
      'POST',
      '/v1/business',
      {
        name: 'Salón Zoë',
        owner: { name: 'Ana', email: 'ana@example.com', language: 'es', pin: PIN },
      },
      token.madrid,
    )
    expect(r.statusCode, r.body).toBe(201)
    const actor = { personId: (r.json() as CreateBusinessResponse).ownerId, pin: PIN }
    const other = await seedChannel(h.storage)
    branch.lisbon = other.channel.id
    token.lisbon = (await seedDevice(h.storage, branch.lisbon)).token
    const code = (
      await call('POST', '/v1/business/join-codes', { actor }, token.madrid)
    ).json() as JoinCodeResponse
    const joined = await call('POST', '/v1/business/join', { code: code.code }, token.lisbon)
    expect(joined.statusCode, joined.body).toBe(200)
    const rules = (
      await call('GET', '/v1/business/notification-rules', undefined, token.madrid)
    ).json() as NotificationRulesResponse
    const put = await call(
      'PUT',
      '/v1/business/notification-rules',
      {
        actor,
        baseVersion: rules.version,
        rules: {
          ...rules.rules,
          branchNames: { [branch.madrid]: 'Centro', [branch.lisbon]: 'Lisboa' },
        },
      },
      token.madrid,
    )
    expect(put.statusCode, put.body).toBe(200)
    const m = branch.madrid
    await h.storage.ingest([
      delivery(m, 'BOOKING_CREATED', '2026-03-07T12:00:00Z'), // Sat 13:00: Saturday's
      delivery(m, 'BOOKING_CANCELLED', '2026-03-07T14:00:00Z'), // Sat 15:00, closed: Monday's
      delivery(m, 'BOOKING_CREATED', '2026-03-08T10:00:00Z'), // Sunday, closed: Monday's
      delivery(m, 'BOOKING_CREATED', '2026-03-09T17:00:00Z'), // Mon 18:00: Monday's
      delivery(m, 'BOOKING_CREATED', '2026-03-09T18:00:00Z'), // Mon 19:00, closed: Tuesday's
    ])
  }, 60_000)
  afterAll(async () => {
    await h?.close()
    await mail?.close()
  })

  it('refuses a report it cannot use, naming the field, and any report without a device', async () => {
    const day = { date: '2026-03-07', closesAtMinute: 840 }
    const refused = async (body: unknown, field: string) => {
      const r = await report(body)
      expect(r.statusCode, r.body).toBe(400)
      expect(r.json()).toMatchObject({ code: 'VALIDATION_FAILED', field })
    }
    await refused({ zone: 'Mars/Olympus', days: [day] }, 'body/zone')
    await refused({ zone: MADRID, days: [] }, 'body/days')
    await refused({ zone: MADRID, days: [day, day] }, 'body/days/1/date')
    await refused(
      { zone: MADRID, days: [{ date: '2026-02-30', closesAtMinute: 840 }] },
      'body/days/0/date',
    )
    await refused(
      { zone: MADRID, days: [{ date: '2026-03-07', closesAtMinute: 0 }] },
      'body/days/0/closesAtMinute',
    )
    // A desk writes its own branch: there is no field to name another one.
    await refused({ zone: MADRID, days: [day], channelId: branch.lisbon }, 'body/channelId')
    expect((await report({ zone: MADRID, days: [day] }, 'not-a-device-token')).statusCode).toBe(401)
  })

  it('a desk’s report sets its own branch’s closings', async () => {
    const madrid: BranchHoursRequest = {
      zone: MADRID,
      days: [
        { date: '2026-03-07', closesAtMinute: 14 * 60 }, // Saturday until 14:00
        { date: '2026-03-08', closesAtMinute: null }, // closed on Sunday
        { date: '2026-03-09', closesAtMinute: 18 * 60 + 30 },
        { date: '2026-03-10', closesAtMinute: 1440 }, // until midnight
      ],
    }
    const r = await report(madrid)
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toEqual({ ok: true })
    // Lisbon's desk says Lisbon is closed these days; Madrid's report did not touch Lisbon.
    const lisbon = madrid.days.map((d) => ({ date: d.date, closesAtMinute: null }))
    expect((await report({ zone: 'Europe/Lisbon', days: lisbon }, token.lisbon)).statusCode).toBe(
      200,
    )
    expect((await h.storage.notifications.branchHours(branch.madrid))?.zone).toBe(MADRID)
    expect((await h.storage.notifications.branchHours(branch.lisbon))?.zone).toBe('Europe/Lisbon')
  })

  it('a short Saturday is summarised at its 14:00 closing, not at the default hour', async () => {
    await at('2026-03-07T12:59:00Z') // 13:59
    expect(summaries()).toEqual([])
    await at('2026-03-07T13:01:00Z') // 14:01
    await mail.waitFor(1)
    expect(summaries()).toHaveLength(1)
    expect(summaries()[0]!.subject).toBe('Resumen del día · sáb, 7 mar')
    expect(summaries()[0]!.text).toContain('Desde el cierre de ayer hasta el de hoy, sáb, 7 mar')
    expect(summaries()[0]!.text).toContain('• Centro: 1 × Nueva reserva')
    expect(summaries()[0]!.text).not.toContain('cancelada') // at 15:00: after closing
  })

  it('a closed Sunday has no summary; Monday’s counts from Saturday’s closing', async () => {
    await at('2026-03-08T20:00:00Z') // Sunday 21:00, past the default hour
    await at('2026-03-09T17:29:00Z') // Monday 18:29
    expect(summaries()).toHaveLength(1)
    await at('2026-03-09T17:31:00Z') // Monday 18:31
    await mail.waitFor(2)
    expect(summaries()).toHaveLength(2)
    expect(summaries()[1]!.subject).toBe('Resumen del día · lun, 9 mar')
    expect(summaries()[1]!.text).toContain(
      'Desde el cierre del sáb, 7 mar hasta el de hoy, lun, 9 mar, Cal.com nos avisó de:',
    )
    expect(summaries()[1]!.text).toContain('• Centro: 1 × Reserva cancelada, 2 × Nueva reserva')
  })

  it('a branch open until midnight is summarised just after it, for the day that closed', async () => {
    await at('2026-03-10T22:59:00Z') // Tuesday 23:59
    expect(summaries()).toHaveLength(2)
    await at('2026-03-10T23:00:30Z') // Wednesday 00:00:30
    await mail.waitFor(3)
    expect(summaries()).toHaveLength(3)
    expect(summaries()[2]!.subject).toBe('Resumen del día · mar, 10 mar')
    expect(summaries()[2]!.text).toContain('• Centro: 1 × Nueva reserva')
    // Asked again in the same night: still one per branch and day.
    await at('2026-03-11T01:00:00Z')
    expect(summaries()).toHaveLength(3)
  })

  it('a branch its desks report closed every day has no summary at all', () => {
    expect(summaries().some((m) => m.text.includes('Lisboa'))).toBe(false)
  })
})
