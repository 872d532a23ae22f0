// A relay newer than the desk, with a notification kind the desk does not know yet. A real desk
// with its SQLite file, connected to the Cal.com sandbox, talks over HTTP to a real relay through
// a hop that rewrites chosen answers (test/support/faulty-relay.ts) into what a newer relay would
// send. Real bookings notify the owner on this computer; one of them comes as the newer kind: the
// ones before and after it are shown, it is skipped, the poll's cursor moves past it, and the log
// names its kind once, without its words. The rules screen shows the rules of the kinds the desk
// knows and says some need a newer desk; a change of the rules sends the newer kind's rule back
// as it came; proposals and the owner's history read as well.
import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { startFaultyRelay, type FaultyRelay } from '../../../../test/support/faulty-relay'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import {
  connectByApiKey,
  startDeskOnRelay,
  untilRelayOnline,
} from '../../../../test/support/connected-desk'
import { sandboxAccounts, type SandboxAccount } from '../../../../test/support/sandbox-calcom'
import type {
  HistoryList,
  PendingDesktop,
  ProposalList,
  PutRulesResult,
  RulesView,
} from '../../../shared/api/notifications'
import type { NotificationRules } from '../../../shared/notifications/rules'
import type {
  NotificationHistoryResponse,
  NotificationRulesResponse,
  NotificationsResponse,
  ProposalsResponse,
} from '../../../shared/relay/relay-contract'
import { atOnce, setUpTeam, signInAt, type NotifyTeam } from './notify.test-support'

/** A kind a newer relay has and this desk does not. */
const NEWER = 'booking.waitlisted'
/** Its rule as a newer relay would keep it: fields this desk has never heard of included. */
const NEWER_RULE = { enabled: true, channels: ['desktop', 'sms'], waitlistSize: 3 }

let sandbox: RunningSandbox
let relay: InProcessRelay
let faulty: FaultyRelay
let desk: TempDesk
let account: SandboxAccount
let team: NotifyTeam

const send = (method: string, path: string, body: unknown) =>
  deskFetch(desk, path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const read = async <T>(path: string) => {
  const res = await deskFetch(desk, path)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as T
}

/** Reads the desk's own SQLite file beside it, as anyone opening the file would. */
function setting(key: string): string | undefined {
  const db = new Database(join(desk.dataDir, 'frontdesk.db'), { readonly: true })
  try {
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined
    return row?.value
  } finally {
    db.close()
  }
}
const deskLog = () => readFileSync(join(desk.dataDir, 'logs', 'desk.log'), 'utf8')

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  account = (await sandboxAccounts(sandbox.url))[0]!
  relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  faulty = await startFaultyRelay(relay.url)
  desk = await startDeskOnRelay(
    { calcomUrl: sandbox.url, relayUrl: faulty.url },
    { desktopFeed: { waitSeconds: 1, idleMs: 100, backoff: { baseMs: 50, capMs: 200 } } },
  )
  await connectByApiKey(desk, account.apiKey)
  await untilRelayOnline(desk)
  team = await setUpTeam(desk)
}, 60_000)

afterAll(async () => {
  await desk?.dispose()
  await faulty?.close()
  await relay?.close().catch(() => undefined)
  await sandbox?.close()
})

describe('desktop notifications from a newer relay', () => {
  it('shows the ones before and after a kind it does not know, and moves past it', async () => {
    await signInAt(desk, team.owner)
    const view = await read<RulesView>('/api/notifications/rules')
    const put = await send('PUT', '/api/notifications/rules', {
      pin: team.owner.pin,
      baseVersion: view.version,
      rules: atOnce(view.rules),
    })
    expect(put.status, await put.clone().text()).toBe(200)
    const on = await send('PUT', '/api/notifications/desktop', {
      pin: team.owner.pin,
      enabled: true,
    })
    expect(on.status, await on.clone().text()).toBe(200)

    // The newer relay sends the notifications of the clients named "Newer …" as its new kind.
    const seqOf = new Map<string, number>()
    faulty.fault('GET /v1/notifications', (answer) => {
      const page = answer as NotificationsResponse
      return {
        ...page,
        notifications: page.notifications.map((n) => {
          const client = /(\w+ (?:Before|Newer|After|Later))/.exec(n.body)?.[1]
          if (client) seqOf.set(client, n.seq)
          return client?.includes('Newer')
            ? { ...n, kind: NEWER, waitlistPosition: 2, extraDetail: { at: 'the desk' } }
            : n
        }),
      }
    })
    const notified = (client: string) =>
      until(`${client}'s notification through the relay`, () => seqOf.get(client))
    const pending = async () =>
      (await read<PendingDesktop>('/api/notifications/desktop/pending')).notifications

    await book('Ann Before', 0)
    await notified('Ann Before')
    await book('Nina Newer', 1)
    await notified('Nina Newer')
    await book('Carl After', 2)
    await notified('Carl After')
    await until('the notification after the newer kind at the desk', async () =>
      (await pending()).some((n) => n.body.includes('Carl After')),
    )
    expect(seqOf.get('Ann Before')!).toBeLessThan(seqOf.get('Nina Newer')!)
    expect(seqOf.get('Nina Newer')!).toBeLessThan(seqOf.get('Carl After')!)
    const bodies = (await pending()).map((n) => n.body)
    expect(bodies.some((b) => b.includes('Ann Before'))).toBe(true)
    expect(bodies.some((b) => b.includes('Nina Newer'))).toBe(false)
    const cursor = () => (JSON.parse(setting('notify.desktop.cursor')!) as { after: number }).after
    expect(cursor()).toBeGreaterThanOrEqual(seqOf.get('Carl After')!)

    // Another of the newer kind: skipped too, the poll goes on, and the log said the kind once.
    await book('Ned Newer', 3)
    await notified('Ned Newer')
    await book('Liz Later', 4)
    await until('the next notification at the desk', async () =>
      (await pending()).some((n) => n.body.includes('Liz Later')),
    )
    expect((await pending()).some((n) => n.body.includes('Ned Newer'))).toBe(false)
    expect(cursor()).toBeGreaterThan(seqOf.get('Ned Newer')!)
    const told = deskLog()
      .split('\n')
      .filter((line) => line.includes(NEWER))
    expect(told).toHaveLength(1)
    expect(told[0]).toContain('a newer Frontdesk shows them')
    expect(deskLog()).not.toContain('Newer')
    faulty.fault('GET /v1/notifications', null)
  })
})

describe('the rules of a newer relay', () => {
  it('shows the kinds this desk knows, says some need a newer desk, and sends those back as they came', async () => {
    faulty.fault('GET /v1/business/notification-rules', (answer) => {
      const a = answer as NotificationRulesResponse
      return { ...a, rules: { ...a.rules, kinds: { ...a.rules.kinds, [NEWER]: NEWER_RULE } } }
    })
    await signInAt(desk, team.owner)
    const view = await read<RulesView>('/api/notifications/rules')
    expect(view.newerKinds).toEqual([NEWER])
    expect(Object.keys(view.rules.kinds)).not.toContain(NEWER)
    expect(view.rules.kinds['booking.created']).toBeDefined()

    // What the desk sends; a relay of this version cannot take the newer kind, so the hop takes
    // it out again, as only a newer relay would keep it.
    const sentKinds: Array<Record<string, unknown>> = []
    faulty.rewriteRequests('PUT /v1/business/notification-rules', (body) => {
      const b = body as { rules: NotificationRules }
      sentKinds.push({ ...b.rules.kinds })
      const kinds = { ...b.rules.kinds } as Record<string, unknown>
      delete kinds[NEWER]
      return { ...b, rules: { ...b.rules, kinds } }
    })
    const rules = structuredClone(view.rules)
    rules.kinds['booking.paid'].enabled = true
    const changed = await send('PUT', '/api/notifications/rules', {
      pin: team.owner.pin,
      baseVersion: view.version,
      rules,
    })
    expect(changed.status, await changed.clone().text()).toBe(200)
    expect(((await changed.json()) as PutRulesResult).applied).toBe(true)
    expect(sentKinds).toHaveLength(1)
    expect(sentKinds[0]![NEWER]).toEqual(NEWER_RULE)
    expect(sentKinds[0]!['booking.paid']).toMatchObject({ enabled: true })

    // A change on an old version is refused before anything is sent.
    const old = await send('PUT', '/api/notifications/rules', {
      pin: team.owner.pin,
      baseVersion: view.version,
      rules,
    })
    expect(old.status).toBe(409)
    expect(await old.json()).toMatchObject({ error: { code: 'RULES_CHANGED' } })
    expect(sentKinds).toHaveLength(1)

    // An admin's proposal carries the newer kind too; the list shows only what this desk knows.
    await signInAt(desk, team.admin)
    const now = await read<RulesView>('/api/notifications/rules')
    const proposed = await send('PUT', '/api/notifications/rules', {
      pin: team.admin.pin,
      baseVersion: now.version,
      rules: now.rules,
      reason: 'as it is',
    })
    expect(proposed.status, await proposed.clone().text()).toBe(200)
    expect(sentKinds[1]![NEWER]).toEqual(NEWER_RULE)
    faulty.fault('GET /v1/business/notification-rules/proposals', (answer) => {
      const a = answer as ProposalsResponse
      return {
        proposals: a.proposals.map((p) => ({
          ...p,
          rules: { ...p.rules, kinds: { ...p.rules.kinds, [NEWER]: NEWER_RULE } },
        })),
      }
    })
    const list = await read<ProposalList>('/api/notifications/proposals')
    expect(list.proposals.length).toBeGreaterThan(0)
    for (const p of list.proposals) expect(Object.keys(p.rules.kinds)).not.toContain(NEWER)

    // The owner's history lists a notification of the newer kind by its name.
    faulty.fault('GET /v1/business/notifications/history', (answer) => {
      const a = answer as NotificationHistoryResponse
      return { entries: a.entries.map((e, i) => (i === 0 ? { ...e, kind: NEWER } : e)) }
    })
    await signInAt(desk, team.owner)
    const history = await read<HistoryList>('/api/notifications/history')
    expect(history.entries[0]!.kind).toBe(NEWER)

    faulty.rewriteRequests('PUT /v1/business/notification-rules', null)
    faulty.fault('GET /v1/business/notification-rules', null)
    faulty.fault('GET /v1/business/notification-rules/proposals', null)
    faulty.fault('GET /v1/business/notifications/history', null)
  })
})

/** A real booking at the sandbox, the `nth` free haircut time of the coming week. */
async function book(name: string, nth: number): Promise<void> {
  const eventType = account.eventTypes[0]!
  const { now } = (await (await fetch(`${sandbox.url}/_sandbox/clock`)).json()) as { now: string }
  const end = new Date(Date.parse(now) + 7 * 86_400_000).toISOString()
  const slots = (await (
    await fetch(`${sandbox.url}/v2/slots?eventTypeId=${eventType.id}&start=${now}&end=${end}`, {
      headers: { 'cal-api-version': '2024-09-04' },
    })
  ).json()) as { data: Record<string, { start: string }[]> }
  const start = Object.values(slots.data).flat()[nth]!.start
  const res = await fetch(`${sandbox.url}/_sandbox/book`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      eventTypeId: eventType.id,
      start,
      attendee: {
        name,
        email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
        timeZone: account.timeZone,
      },
    }),
  })
  expect(res.status, await res.clone().text()).toBe(201)
}
