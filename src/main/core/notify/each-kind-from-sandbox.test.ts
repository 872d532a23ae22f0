// Each booking kind Cal.com announces, end to end as deployed: real sandbox traffic (Cal.com's
// signed webhooks to the relay's intake), a real relay on each engine with a real SMTP server in
// process, and a connected desk whose business has an owner, an admin and a receptionist. The
// owner's rules send a reschedule and a decline to the owner, a no-show to the owner and the
// admin, a payment to the admin alone, and nothing else: each email reaches exactly those
// people, once, and the receptionist hears of nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, createDatabase, type TestDatabase } from '../../../../cloud-relay/test/helpers'
import { startMailbox, type Mailbox } from '../../../../cloud-relay/test/mailbox'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { sandboxSlots } from '../../../../test/support/sandbox-slots'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import {
  connectByApiKey,
  startDeskOnRelay,
  untilRelayOnline,
} from '../../../../test/support/connected-desk'
import { sandboxAccounts, type SandboxAccount } from '../../../../test/support/sandbox-calcom'
import type { RulesView } from '../../../shared/api/notifications'
import type { NotificationKind } from '../../../shared/notifications/kinds'
import type { NotificationRules } from '../../../shared/notifications/rules'
import { setUpTeam, type NotifyTeam } from './notify.test-support'

const OWNER = 'olga@example.com'
const ADMIN = 'ada@example.com'
const RECEPTIONIST = 'rita@example.com'

describe.each(ENGINES)(
  'each booking kind from the sandbox to the right people, relay on %s',
  (engine) => {
    let sandbox: RunningSandbox
    let db: TestDatabase
    let mail: Mailbox
    let relay: InProcessRelay
    let desk: TempDesk
    let account: SandboxAccount
    let team: NotifyTeam

    const send = (method: string, path: string, body: unknown) =>
      deskFetch(desk, path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    /** Cal.com's own API, as the branch's account (the organizer). */
    const calcom = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${sandbox.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${account.apiKey}`,
          'cal-api-version': '2024-08-13',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      expect(res.status, await res.clone().text()).toBeLessThan(300)
      return (await res.json()) as { data: unknown }
    }
    const eventType = (slug: string) => account.eventTypes.find((e) => e.slug === slug)!
    /** A client books on the public page, at the event type's next free time but `skip`. */
    const book = async (slug: string, name: string, skip = 0, extra: object = {}) => {
      const start = (await sandboxSlots(sandbox.url, eventType(slug).id))[skip]!
      const res = await fetch(`${sandbox.url}/_sandbox/book`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          eventTypeId: eventType(slug).id,
          start,
          attendee: {
            name,
            email: `${name.split(' ')[0]!.toLowerCase()}@clients.test`,
            timeZone: account.timeZone,
          },
          ...extra,
        }),
      })
      expect(res.status, await res.clone().text()).toBe(201)
      return ((await res.json()) as { data: { uid: string } }).data.uid
    }
    /** Waits until the relay has dispatched and sent what arrived, then the mail of that kind. */
    const mailOf = async (label: string, count: number) => {
      await until(`${count} “${label}” email(s)`, async () => {
        await relay.app.notifier.runOnce()
        return mail.messages.filter((m) => m.subject.startsWith(label)).length >= count
      })
      // One more pass: anything else due would have gone too.
      await relay.app.notifier.runOnce()
      return mail.messages.filter((m) => m.subject.startsWith(label))
    }
    const to = (messages: { to: string[] }[]) => messages.flatMap((m) => m.to).sort()

    beforeAll(async () => {
      sandbox = await startSandbox({ port: 0 })
      account = (await sandboxAccounts(sandbox.url))[0]!
      db = await createDatabase(engine)
      mail = await startMailbox()
      relay = await startInProcessRelay({
        calcomUrl: sandbox.url,
        databaseUrl: db.url,
        env: {
          RELAY_SMTP_URL: mail.url,
          RELAY_MAIL_FROM: 'Frontdesk <alerts@frontdesk.test>',
          RELAY_DAILY_SUMMARY_HOUR: 'off',
        },
      })
      desk = await startDeskOnRelay({ calcomUrl: sandbox.url, relayUrl: relay.url })
      await connectByApiKey(desk, account.apiKey)
      await untilRelayOnline(desk)
      team = await setUpTeam(desk)
      const view = (await (await deskFetch(desk, '/api/notifications/rules')).json()) as RulesView
      const rules: NotificationRules = { ...view.rules, quietHours: null }
      const only: Partial<
        Record<NotificationKind, { roles: ('owner' | 'admin')[]; people: string[] }>
      > = {
        'booking.rescheduled': { roles: ['owner'], people: [] },
        'booking.no_show': { roles: ['owner', 'admin'], people: [] },
        'booking.paid': { roles: [], people: [team.admin.id] },
        'booking.rejected': { roles: ['owner'], people: [] },
      }
      for (const kind of Object.keys(rules.kinds) as NotificationKind[]) {
        const recipients = only[kind]
        rules.kinds[kind] = recipients
          ? {
              ...rules.kinds[kind],
              enabled: true,
              recipients,
              channels: ['email'],
              // Cal.com's own email to the organizer is not the owner's and admin's: send ours.
              calcomEmails: false,
              quietHours: false,
              coalesceMinutes: 0,
            }
          : { ...rules.kinds[kind], enabled: false }
      }
      const put = await send('PUT', '/api/notifications/rules', {
        pin: team.owner.pin,
        baseVersion: view.version,
        rules,
      })
      expect(put.status, await put.clone().text()).toBe(200)
    }, 90_000)

    afterAll(async () => {
      await desk?.dispose()
      await relay?.close().catch(() => undefined)
      await db?.drop()
      await mail?.close()
      await sandbox?.close()
    })

    it('a reschedule reaches the owner alone', async () => {
      const uid = await book('haircut', 'Rosa Reschedule')
      const later = (await sandboxSlots(sandbox.url, eventType('haircut').id))[3]!
      const res = await fetch(`${sandbox.url}/_sandbox/bookings/${uid}/reschedule`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ start: later }),
      })
      expect(res.status, await res.clone().text()).toBeLessThan(300)
      const sent = await mailOf('Booking rescheduled', 1)
      expect(to(sent)).toEqual([OWNER])
      expect(sent[0]!.text).toContain('Rosa Reschedule')
    })

    it('a no-show reaches the owner and the admin', async () => {
      const { data } = (await calcom('GET', '/v2/bookings?status=past&take=50')) as {
        data: { uid: string; status: string; attendees: { email: string }[] }[]
      }
      const past = data.find((b) => b.status === 'accepted' && b.attendees[0]?.email)!
      await calcom('POST', `/v2/bookings/${past.uid}/mark-absent`, {
        attendees: [{ email: past.attendees[0]!.email, absent: true }],
      })
      const sent = await mailOf('No-show', 2)
      expect(to(sent)).toEqual([ADMIN, OWNER])
      for (const m of sent) expect(m.text).toContain(past.attendees[0]!.email)
    })

    it('a payment reaches the admin alone', async () => {
      await book('bridal-trial', 'Paula Paid', 0, { pay: true })
      const sent = await mailOf('Booking paid', 1)
      expect(to(sent)).toEqual([ADMIN])
      expect(sent[0]!.text).toContain('Paula Paid')
    })

    it('a declined request reaches the owner alone', async () => {
      const uid = await book('full-colour', 'Raquel Rejected')
      await until('Cal.com holding the request', async () => {
        const { data } = (await calcom('GET', `/v2/bookings/${uid}`)) as {
          data: { status: string }
        }
        return data.status === 'pending'
      })
      await calcom('POST', `/v2/bookings/${uid}/decline`, { reason: 'Fully booked' })
      const sent = await mailOf('Booking declined', 1)
      expect(to(sent)).toEqual([OWNER])
      expect(sent[0]!.text).toContain('Raquel Rejected')
    })

    it('nothing else was sent, nothing twice, and the receptionist heard of nothing', async () => {
      await relay.app.notifier.runOnce()
      const subjects = mail.messages.map((m) => m.subject.split(' · ')[0]).sort()
      expect(subjects).toEqual([
        'Booking declined',
        'Booking paid',
        'Booking rescheduled',
        'No-show',
        'No-show',
      ])
      expect(to(mail.messages)).not.toContain(RECEPTIONIST)
    })
  },
)
