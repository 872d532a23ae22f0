// The branch's Cal.com webhook found off, as deployed: the Cal.com sandbox, a real relay on each
// engine with a real SMTP server in process, and a connected desk in a business. Cal.com turning
// the webhook off: the desk turns it back on, says so in sync health, and the owner's email
// arrives once — found again the same day, by this desk or another of the branch, it is the same
// problem. A webhook deleted in Cal.com cannot be re-created by the desk: sync health says what
// to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, createDatabase, type TestDatabase } from '../../../../cloud-relay/test/helpers'
import { startMailbox, type Mailbox } from '../../../../cloud-relay/test/mailbox'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import {
  connectByApiKey,
  startDeskOnRelay,
  untilRelayOnline,
} from '../../../../test/support/connected-desk'
import { sandboxAccounts, type SandboxAccount } from '../../../../test/support/sandbox-calcom'
import type { HistoryList, RulesView } from '../../../shared/api/notifications'
import type { SyncHealth } from '../../../shared/api/schemas'
import { atOnce, setUpTeam, signInAt, type NotifyTeam } from '../notify/notify.test-support'

describe.each(ENGINES)('the branch’s Cal.com webhook found off, relay on %s', (engine) => {
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
  const read = async <T>(path: string) => {
    const res = await deskFetch(desk, path)
    expect(res.status, await res.clone().text()).toBe(200)
    return (await res.json()) as T
  }
  /** Cal.com's own API, as the branch's account. */
  const calcom = (method: string, path: string, body?: unknown) =>
    fetch(`${sandbox.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${account.apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const relayWebhook = async () => {
    const res = await calcom('GET', '/v2/webhooks')
    expect(res.status).toBe(200)
    const { data } = (await res.json()) as {
      data: { id: string; subscriberUrl: string; active: boolean }[]
    }
    return data.find((w) => w.subscriberUrl.startsWith(`${relay.url}/hooks/calcom/`))
  }
  const problemEmails = async () => {
    await relay.app.notifier.runOnce()
    await signInAt(desk, team.owner)
    const history = await read<HistoryList>('/api/notifications/history')
    return history.entries.filter(
      (e) => e.kind === 'relay.delivery_problem' && e.channel === 'email',
    )
  }
  const syncProblems = async () =>
    (await read<SyncHealth>('/api/sync')).recentErrors.map((e) => e.code)

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 })
    account = (await sandboxAccounts(sandbox.url))[0]!
    db = await createDatabase(engine)
    mail = await startMailbox()
    relay = await startInProcessRelay({
      calcomUrl: sandbox.url,
      databaseUrl: db.url,
      env: { RELAY_SMTP_URL: mail.url, RELAY_MAIL_FROM: 'Frontdesk <alerts@frontdesk.test>' },
    })
    desk = await startDeskOnRelay({ calcomUrl: sandbox.url, relayUrl: relay.url })
    await connectByApiKey(desk, account.apiKey)
    await untilRelayOnline(desk)
    team = await setUpTeam(desk)
    // Every kind at once, no quiet hours: the email goes whatever the hour the test runs.
    const view = await read<RulesView>('/api/notifications/rules')
    const put = await send('PUT', '/api/notifications/rules', {
      pin: team.owner.pin,
      baseVersion: view.version,
      rules: atOnce(view.rules),
    })
    expect(put.status, await put.clone().text()).toBe(200)
  }, 60_000)

  afterAll(async () => {
    await desk?.dispose()
    await relay?.close().catch(() => undefined)
    await db?.drop()
    await mail?.close()
    await sandbox?.close()
  })

  it('is nothing to report while the webhook is on', async () => {
    expect(await desk.services.webhookWatch.check()).toEqual({ outcome: 'ok' })
    expect(await problemEmails()).toEqual([])
    expect(mail.messages).toEqual([])
  })

  it('turns a webhook Cal.com turned off back on, and the owner hears of it once', async () => {
    const hook = await relayWebhook()
    expect(hook?.active).toBe(true)
    expect((await calcom('PATCH', `/v2/webhooks/${hook!.id}`, { active: false })).status).toBe(200)

    const found = await desk.services.webhookWatch.check()
    expect(found).toMatchObject({
      outcome: 'problem',
      problem: { finding: 'inactive', reenabled: true },
    })
    expect((await relayWebhook())?.active).toBe(true)
    expect(await syncProblems()).toContain('WEBHOOK_REENABLED')

    const [m] = await mail.waitFor(1)
    expect(m!.to).toEqual(['olga@example.com'])
    expect(m!.subject).toMatch(/^Cal\.com deliveries have a problem · /)
    expect(m!.text).toContain('Cal.com had turned off its webhook to this branch')
    expect(m!.text).toContain('A desk turned it back on')

    // Off again the same day: the desk turns it on again, the owner is not told twice.
    expect((await calcom('PATCH', `/v2/webhooks/${hook!.id}`, { active: false })).status).toBe(200)
    expect(await desk.services.webhookWatch.check()).toMatchObject({ outcome: 'problem' })
    await desk.services.deskReports.check()
    expect((await relayWebhook())?.active).toBe(true)
    expect(await problemEmails()).toHaveLength(1)
    expect(mail.messages).toHaveLength(1)
  })

  it('is one problem per branch and day, whichever desk of the branch reports it', async () => {
    // Another desk of the branch (its own device) finding it too.
    const device = await desk.services.sync.relayDevice()
    const res = await fetch(`${relay.url}/v1/reports`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${device!.deviceToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        key: 'another-desk-found-it',
        kind: 'webhook_disabled',
        summary: 'The Cal.com webhook of the branch was turned off by Cal.com',
        webhook: { finding: 'inactive', reenabled: false },
      }),
    })
    expect(res.status, await res.clone().text()).toBe(202)
    expect(await res.json()).toEqual({ ok: true, duplicate: true })
    expect(await problemEmails()).toHaveLength(1)
    expect(mail.messages).toHaveLength(1)
  })

  it('says in sync health what to do about a webhook deleted in Cal.com', async () => {
    const hook = await relayWebhook()
    expect((await calcom('DELETE', `/v2/webhooks/${hook!.id}`)).status).toBe(200)
    expect(await desk.services.webhookWatch.check()).toMatchObject({
      outcome: 'problem',
      problem: { finding: 'missing', reenabled: false },
    })
    expect(await relayWebhook()).toBeUndefined()
    expect(await syncProblems()).toContain('WEBHOOK_MISSING')
  })
})
