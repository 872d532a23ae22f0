// A desk closing while Cal.com hangs on the webhook look: quitting must not wait for Cal.com. The
// sandbox holds GET /v2/webhooks open until the client gives up; closing the desk cuts the read
// off and the look ends as cut off by the closing (left to run, it would end 15 s later as Cal.com
// not answering in time), and the desk is closed.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import {
  sandboxApiFault,
  sandboxApiFaultsWaiting,
  sandboxAccounts,
} from '../../../../test/support/sandbox-calcom'
import type { TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import {
  connectByApiKey,
  startDeskOnRelay,
  untilRelayOnline,
} from '../../../../test/support/connected-desk'

let sandbox: RunningSandbox
let relay: InProcessRelay
let desk: TempDesk

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  const accounts = await sandboxAccounts(sandbox.url)
  relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  desk = await startDeskOnRelay({ calcomUrl: sandbox.url, relayUrl: relay.url })
  await connectByApiKey(desk, accounts[0]!.apiKey)
  await untilRelayOnline(desk)
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
