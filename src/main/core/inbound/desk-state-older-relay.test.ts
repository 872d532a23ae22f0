// A desk updated before its relay: the relay keeps no desk state (GET /v1/desk-state is a 404
// there). A resync must still finish — bookings rebuilt from Cal.com, the log read on after the
// gap — with sync health saying the relay keeps no desk state, rather than retrying for ever and
// never reading the log again. The older relay is the real one behind a hop that answers 404 for
// that one route, as a relay without it does.
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import { connectByApiKey, untilRelayOnline } from '../../../../test/support/connected-desk'
import { sandboxAccounts } from '../../../../test/support/sandbox-calcom'
import { syncProblemOf } from '../../../shared/api/sync-problems'
import type { DeskEventBody } from '../../../shared/relay/desk-events'

let sandbox: RunningSandbox
let relay: InProcessRelay
let older: Server
let olderUrl: string
let desk: TempDesk

/** The relay as an older version answers: everything but the desk state. */
async function startOlderRelay(target: string): Promise<void> {
  const upstream = new URL(target)
  older = createServer((req, res) => {
    if (req.url?.startsWith('/v1/desk-state')) {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ code: 'NOT_FOUND', message: 'Route GET:/v1/desk-state not found' }))
      return
    }
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    out.on('error', () => res.destroy())
    req.pipe(out)
  })
  await new Promise<void>((resolve) => older.listen(0, '127.0.0.1', resolve))
  olderUrl = `http://127.0.0.1:${(older.address() as AddressInfo).port}`
}

const env = () => ({
  FRONTDESK_CALCOM_API_URL: sandbox.url,
  FRONTDESK_CALCOM_APP_URL: sandbox.url,
  FRONTDESK_RELAY_URL: olderUrl,
})

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  const accounts = await sandboxAccounts(sandbox.url)
  relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  await startOlderRelay(relay.url)
  desk = await startTempDesk({ env: env() })
  await connectByApiKey(desk, accounts[0]!.apiKey)
  await untilRelayOnline(desk)
}, 60_000)

afterAll(async () => {
  await desk?.dispose()
  older?.closeAllConnections()
  await new Promise((resolve) => older?.close(resolve))
  await relay?.close()
  await sandbox?.close()
})

describe('a resync through a relay that keeps no desk state', () => {
  it('finishes, reads the log on after the gap, and says the relay keeps no desk state', async () => {
    const channelId = desk.services.sync.health().relay.channelId!
    await desk.close()
    // While the desk is off, another desk's change joins the log, then retention prunes it all.
    const body: DeskEventBody = {
      triggerEvent: 'FRONTDESK_DESK_EVENT',
      key: 'elsewhere-1',
      deviceId: 'dev_other',
      madeAt: new Date().toISOString(),
      change: { kind: 'visit', bookingUid: 'somewhere', state: 'ARRIVED' },
    }
    await relay.storage.ingest([
      {
        channelId,
        body: Buffer.from(JSON.stringify(body)),
        bodySha256: 'elsewhere-1',
        contentType: 'application/vnd.frontdesk.desk-event+json',
        headers: {},
        receivedAt: new Date(),
        deskField: 'visit:somewhere',
      },
    ])
    await relay.storage.prune({
      now: new Date(Date.now() + 15 * 86_400_000),
      maxAgeMs: 14 * 86_400_000,
      minAgeMs: 0,
    })
    const channel = (await relay.storage.findChannel(channelId))!

    desk = await startTempDesk({ dataDir: desk.dataDir, env: env() })
    const h = await until(
      'the desk past the gap',
      () => {
        const now = desk.services.sync.health()
        return now.relay.cursor === channel.lastSeq && now.relay.state === 'online' ? now : false
      },
      { ms: 20_000, explain: () => desk.services.sync.health() },
    )
    const noState = h.recentErrors.find((e) => e.code === 'DESK_STATE_UNAVAILABLE')
    expect(noState).toBeDefined()
    expect(syncProblemOf(noState!.source, noState!.code)).toBe('DESK_STATE_UNAVAILABLE')
  }, 60_000)
})
