// The notification routes of the desk's local API, as deployed: the Cal.com sandbox, a real relay
// and a connected desk, the business set up through the desk. An owner's change applies, an
// admin's waits for the owner's PIN (a wrong one refused), a receptionist is refused, an
// approval after another change is superseded; "notify me on this computer" brings a real
// booking's notification to this desk once, with the address of its appointment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
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
import { DEFAULT_QUIET_WINDOW } from '../updates/install-policy'
import { RulesQuietWindow } from './rules-quiet-window'
import { atOnce, setUpTeam, signInAt, type NotifyTeam } from './notify.test-support'

let sandbox: RunningSandbox
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
const read = async <T>(path: string) => {
  const res = await deskFetch(desk, path)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as T
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  account = (await sandboxAccounts(sandbox.url))[0]!
  relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  desk = await startDeskOnRelay(
    { calcomUrl: sandbox.url, relayUrl: relay.url },
    { desktopFeed: { waitSeconds: 1, idleMs: 100, backoff: { baseMs: 50, capMs: 200 } } },
  )
  await connectByApiKey(desk, account.apiKey)
  await untilRelayOnline(desk)
  team = await setUpTeam(desk)
})

afterAll(async () => {
  await desk?.dispose()
  await relay?.close().catch(() => undefined)
  await sandbox?.close()
})

describe('notification rules from the desk', () => {
  it('shows the owner the defaults, who may be notified, and that email is off', async () => {
    await signInAt(desk, team.owner)
    const view = await read<RulesView>('/api/notifications/rules')
    expect(view.version).toBe(0)
    expect(view.emailEnabled).toBe(false)
    expect(view.rules.kinds['booking.requested'].channels).toEqual(['desktop', 'email'])
    expect(view.people.map((p) => p.name).sort()).toEqual(['Ada Admin', 'Olga Owner'])
  })

  it('applies an owner’s change at once, and refuses one on an old version', async () => {
    await signInAt(desk, team.owner)
    const view = await read<RulesView>('/api/notifications/rules')
    const rules = structuredClone(view.rules)
    rules.kinds['booking.paid'].enabled = true
    const res = await send('PUT', '/api/notifications/rules', {
      pin: team.owner.pin,
      baseVersion: view.version,
      rules,
    })
    expect(res.status, await res.clone().text()).toBe(200)
    expect((await res.json()) as PutRulesResult).toMatchObject({ applied: true, version: 1 })
    expect(
      (await read<RulesView>('/api/notifications/rules')).rules.kinds['booking.paid'].enabled,
    ).toBe(true)

    const stale = await send('PUT', '/api/notifications/rules', {
      pin: team.owner.pin,
      baseVersion: 0,
      rules,
    })
    expect(stale.status).toBe(409)
    expect(await stale.json()).toMatchObject({ error: { code: 'RULES_CHANGED' } })
  })

  it('refuses a receptionist before asking the relay, and a wrong PIN with the relay’s word', async () => {
    const { rules } = await relayRules()
    await signInAt(desk, team.receptionist)
    const refused = await send('PUT', '/api/notifications/rules', {
      pin: team.receptionist.pin,
      baseVersion: 1,
      rules,
    })
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({
      error: {
        code: 'FORBIDDEN',
        params: { role: 'receptionist', action: 'notifications.propose' },
      },
    })
    await signInAt(desk, team.owner)
    const wrong = await send('PUT', '/api/notifications/rules', {
      pin: '9999',
      baseVersion: 1,
      rules,
    })
    expect(wrong.status).toBe(403)
    expect(await wrong.json()).toMatchObject({ error: { code: 'PIN_REFUSED', field: 'pin' } })
  })

  it('makes an admin’s change a proposal the owner reads by name and approves with the PIN', async () => {
    await signInAt(desk, team.admin)
    const view = await read<RulesView>('/api/notifications/rules')
    const rules = structuredClone(view.rules)
    rules.kinds['booking.created'].channels = ['desktop']
    const res = await send('PUT', '/api/notifications/rules', {
      pin: team.admin.pin,
      baseVersion: view.version,
      rules,
      reason: 'Cal.com tells us already',
    })
    expect(res.status, await res.clone().text()).toBe(200)
    const proposed = (await res.json()) as PutRulesResult
    expect(proposed).toMatchObject({ applied: false, version: view.version })
    expect(
      (await read<RulesView>('/api/notifications/rules')).rules.kinds['booking.created'].channels,
    ).toEqual(['desktop', 'email'])

    // Admins may read proposals but only an owner decides.
    const list = await read<ProposalList>('/api/notifications/proposals')
    const mine = list.proposals.find((p) => p.id === proposed.proposalId)!
    expect(mine).toMatchObject({
      state: 'pending',
      proposedBy: { id: team.admin.id, name: 'Ada Admin' },
      reason: 'Cal.com tells us already',
    })
    expect(mine.changes).toEqual([
      { path: 'kinds/booking.created/channels', before: ['desktop', 'email'], after: ['desktop'] },
    ])
    const byAdmin = await send('POST', `/api/notifications/proposals/${mine.id}/approve`, {
      pin: team.admin.pin,
    })
    expect(byAdmin.status).toBe(403)

    await signInAt(desk, team.owner)
    const wrong = await send('POST', `/api/notifications/proposals/${mine.id}/approve`, {
      pin: '0000',
    })
    expect(wrong.status).toBe(403)
    expect(await wrong.json()).toMatchObject({ error: { code: 'PIN_REFUSED' } })
    const approved = await send('POST', `/api/notifications/proposals/${mine.id}/approve`, {
      pin: team.owner.pin,
    })
    expect(approved.status, await approved.clone().text()).toBe(200)
    expect(await approved.json()).toEqual({ state: 'approved', version: view.version + 1 })
    const after = await read<RulesView>('/api/notifications/rules')
    expect(after.rules.kinds['booking.created'].channels).toEqual(['desktop'])
    const again = await send('POST', `/api/notifications/proposals/${mine.id}/reject`, {
      pin: team.owner.pin,
    })
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ error: { code: 'PROPOSAL_DECIDED' } })
  })

  it('supersedes a proposal when the owner changed the rules after it was made', async () => {
    await signInAt(desk, team.admin)
    const view = await read<RulesView>('/api/notifications/rules')
    const proposal = structuredClone(view.rules)
    proposal.kinds['booking.no_show'].enabled = false
    const proposed = (await (
      await send('PUT', '/api/notifications/rules', {
        pin: team.admin.pin,
        baseVersion: view.version,
        rules: proposal,
      })
    ).json()) as PutRulesResult

    await signInAt(desk, team.owner)
    const owners = structuredClone(view.rules)
    owners.kinds['booking.rejected'].enabled = true
    await send('PUT', '/api/notifications/rules', {
      pin: team.owner.pin,
      baseVersion: view.version,
      rules: owners,
    })
    const late = await send('POST', `/api/notifications/proposals/${proposed.proposalId}/approve`, {
      pin: team.owner.pin,
    })
    expect(late.status).toBe(409)
    expect(await late.json()).toMatchObject({ error: { code: 'PROPOSAL_SUPERSEDED' } })
    const list = await read<ProposalList>('/api/notifications/proposals')
    expect(list.proposals.find((p) => p.id === proposed.proposalId)?.state).toBe('superseded')
  })
})

describe('desktop notifications at this desk', () => {
  it('brings a real booking’s notification here once, for the owner who opted in with the PIN', async () => {
    await signInAt(desk, team.owner)
    const view = await read<RulesView>('/api/notifications/rules')
    const put = await send('PUT', '/api/notifications/rules', {
      pin: team.owner.pin,
      baseVersion: view.version,
      rules: atOnce(view.rules),
    })
    expect(put.status, await put.clone().text()).toBe(200)

    const wrong = await send('PUT', '/api/notifications/desktop', { pin: '0000', enabled: true })
    expect(wrong.status).toBe(403)
    expect(await read<{ enabled: boolean }>('/api/notifications/desktop')).toMatchObject({
      enabled: false,
    })
    const on = await send('PUT', '/api/notifications/desktop', {
      pin: team.owner.pin,
      enabled: true,
    })
    expect(on.status, await on.clone().text()).toBe(200)
    expect(await read('/api/notifications/desktop')).toEqual({ enabled: true, shownBy: 'browser' })

    const uid = await book('Nina Notified')
    const pending = await until('the notification at the desk', async () => {
      const p = await read<PendingDesktop>('/api/notifications/desktop/pending')
      return p.notifications.find((n) => n.href === `/appointment/${uid}`)
    })
    // The owner's earlier notifications (the admins' proposals) were past when they opted in:
    // only what came after pops up here.
    const all = await read<PendingDesktop>('/api/notifications/desktop/pending')
    expect(all.notifications.map((n) => n.href)).toEqual([`/appointment/${uid}`])
    expect(pending.title).toBeTruthy()
    expect(pending.body).toContain('Nina Notified')

    const first = await send('POST', `/api/notifications/desktop/${pending.id}/shown`, {})
    expect(await first.json()).toEqual({ first: true })
    const second = await send('POST', `/api/notifications/desktop/${pending.id}/shown`, {})
    expect(await second.json()).toEqual({ first: false })
    const left = await read<PendingDesktop>('/api/notifications/desktop/pending')
    expect(left.notifications.map((n) => n.id)).not.toContain(pending.id)
  })

  it('lets only the owner read the history, which names the person and what happened', async () => {
    await signInAt(desk, team.admin)
    expect((await deskFetch(desk, '/api/notifications/history')).status).toBe(403)
    await signInAt(desk, team.owner)
    const history = await read<HistoryList>('/api/notifications/history')
    const desktop = history.entries.find(
      (e) => e.kind === 'booking.created' && e.channel === 'desktop',
    )
    expect(desktop).toMatchObject({ person: { name: 'Olga Owner' }, status: 'sent' })
    const email = history.entries.find((e) => e.kind === 'rules.proposal' && e.channel === 'email')
    expect(email).toMatchObject({ status: 'suppressed', reason: 'email_off' })
  })
})

describe('desk problems for the owner', () => {
  it('reports an action Cal.com refused once, and it reaches the owner’s computer', async () => {
    const uid = `bk_refused_${Date.now()}`
    desk.services.db.transaction((tx) => {
      const row = desk.services.outbox.enqueue(tx, {
        op: 'cancel',
        bookingUid: uid,
        payload: { reason: 'client asked', before: null } as never,
        createdBy: null,
      })
      desk.services.outbox.markNeedsAttention(tx, row, {
        code: 'CALCOM_REFUSED',
        params: { message: 'booking already cancelled', status: 400 },
      } as never)
    })
    desk.services.events.emit('outboxChanged', {})
    const shown = await until('the refused action at the owner’s computer', async () => {
      const p = await read<PendingDesktop>('/api/notifications/desktop/pending')
      return p.notifications.find((n) => n.href === `/appointment/${uid}`)
    })
    expect(shown.body).toContain('booking already cancelled')

    // Told again (another change of the queue): still one report, one notification.
    desk.services.events.emit('outboxChanged', {})
    await desk.services.deskReports.check()
    await signInAt(desk, team.owner)
    const history = await read<HistoryList>('/api/notifications/history')
    const desktop = history.entries.filter(
      (e) => e.kind === 'desk.needs_attention' && e.channel === 'desktop',
    )
    expect(desktop).toHaveLength(1)
  })
})

async function relayRules(): Promise<RulesView> {
  await signInAt(desk, team.owner)
  return read<RulesView>('/api/notifications/rules')
}

async function book(name: string): Promise<string> {
  const eventType = account.eventTypes[0]!
  const { now } = (await (await fetch(`${sandbox.url}/_sandbox/clock`)).json()) as { now: string }
  const end = new Date(Date.parse(now) + 7 * 86_400_000).toISOString()
  const slots = (await (
    await fetch(`${sandbox.url}/v2/slots?eventTypeId=${eventType.id}&start=${now}&end=${end}`, {
      headers: { 'cal-api-version': '2024-09-04' },
    })
  ).json()) as { data: Record<string, { start: string }[]> }
  const start = Object.values(slots.data).flat()[0]!.start
  const res = await fetch(`${sandbox.url}/_sandbox/book`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      eventTypeId: eventType.id,
      start,
      attendee: { name, email: 'nina@example.com', timeZone: account.timeZone },
    }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { data: { uid: string } }).data.uid
}

describe('the quiet hours updates install in', () => {
  it('follow the rules’ quiet hours, read from the relay; the default night until then', async () => {
    expect(await new RulesQuietWindow({ device: async () => null }).refresh()).toEqual(
      DEFAULT_QUIET_WINDOW,
    )
    await signInAt(desk, team.owner)
    const view = await read<RulesView>('/api/notifications/rules')
    const put = await send('PUT', '/api/notifications/rules', {
      pin: team.owner.pin,
      baseVersion: view.version,
      rules: { ...view.rules, quietHours: { start: '22:30', end: '06:00' } },
    })
    expect(put.status, await put.clone().text()).toBe(200)
    const quiet = new RulesQuietWindow({ device: () => desk.services.sync.relayDevice() })
    expect(quiet.current()).toEqual(DEFAULT_QUIET_WINDOW) // not read yet
    expect(await quiet.refresh()).toEqual({ start: '22:30', end: '06:00' })
    expect(quiet.current()).toEqual({ start: '22:30', end: '06:00' })
  })
})
