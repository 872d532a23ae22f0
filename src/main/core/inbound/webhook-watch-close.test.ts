// A desk closing while Cal.com hangs on the webhook look: quitting must not wait for Cal.com. The
// sandbox holds GET /v2/webhooks open until the client gives up; closing the desk cuts the read
// off and the look ends as cut off by the closing (left to run, it would end 15 s later as Cal.com
// not answering in time), and the desk is closed.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { sandboxApiFault, sandboxApiFaultsWaiting } from '../../../../test/support/sandbox-calcom'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import type { SyncHealth } from '../../../shared/api/schemas'

let sandbox: RunningSandbox
let relay: InProcessRelay
let desk: TempDesk

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
  relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  desk = await startTempDesk({
    env: {
      FRONTDESK_CALCOM_API_URL: sandbox.url,
      FRONTDESK_CALCOM_APP_URL: sandbox.url,
      FRONTDESK_RELAY_URL: relay.url,
    },
    sync: { relayWaitSeconds: 1, relayBackoff: { baseMs: 50, capMs: 200 } },
  })
  const connect = await deskFetch(desk, '/api/branch/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey: state.accounts[0]!.apiKey }),
  })
  expect(connect.status).toBe(200)
  await until('the desk reading its relay channel', async () => {
    const s = (await (await deskFetch(desk, '/api/sync')).json()) as SyncHealth
    return s.relay.state === 'online'
  })
}, 60_000)

afterAll(async () => {
  await relay?.close().catch(() => undefined)
  await sandbox?.close()
})

it('closes at once while Cal.com hangs on the webhook look: the read is cut off, not waited for', async () => {
  await sandboxApiFault(sandbox.url, { mode: 'hang', count: 1, pathPrefix: '/v2/webhooks' })
  const look = desk.services.webhookWatch.check()
  await until(
    'Cal.com holding the webhook read',
    async () => (await sandboxApiFaultsWaiting(sandbox.url)) === 0,
  )
  await desk.dispose()
  expect(await look).toEqual({ outcome: 'skipped', why: 'closing' })
})
