// Inbound apply throughput: a desk that was offline comes back to a relay backlog of 100,000
// signed Cal.com deliveries (realistic bodies, many bookings, every trigger the desk reads) and
// drains it — one SQLite transaction per page of 100 (a savepoint per event), the next page read
// while one is applied, acked per page. Baseline, in the same run: a bare HTTP client pulling the
// same backlog from the same relay with the same page size, applying nothing. Real processes: relay (SQLite) and headless desk; the Cal.com sandbox in this process.
//   npx tsx bench/sync-apply-throughput.ts   BENCH_SYNC_EVENTS=10000 for a quick run;
//   BENCH_SYNC_MAX_S (90) caps the desk's drain, reporting the rate over what it applied by then
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { EventsResponse } from '../src/shared/relay/relay-contract.js'
import { signCalcomBody } from '../cloud-relay/src/signature'
import { openStorage } from '../cloud-relay/src/storage/open-storage'
import type { IncomingDelivery } from '../cloud-relay/src/storage/types'
import { startSandbox, type SandboxState } from '../sandbox/src/index'
import type { SyncHealth } from '../src/shared/api/schemas'
import { calcomEvents } from './sync-support/calcom-events'
import {
  connectDesk,
  enrollBareDevice,
  machine,
  startDeskProcess,
  startRelay,
} from './sync-support/desk-process'
import { until } from '../test/support/until'

const EVENTS = Number(process.env.BENCH_SYNC_EVENTS ?? 100_000)
const MAX_S = Number(process.env.BENCH_SYNC_MAX_S ?? 90)
const PAGE = 100 // what the desk's relay client asks for
const NOW = '2026-03-10T14:00:00.000Z'

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-apply-'))
const dbUrl = `file:${join(dir, 'relay.db')}`
const sandbox = await startSandbox({ port: 0, now: NOW })
const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
const account = state.accounts[0]!
const deskEnv = {
  FRONTDESK_DATA_DIR: join(dir, 'desk'),
  FRONTDESK_CALCOM_API_URL: sandbox.url,
  FRONTDESK_CALCOM_APP_URL: sandbox.url,
}
const relayEnv = { RELAY_DATABASE_URL: dbUrl, RELAY_CALCOM_API_URL: sandbox.url }
let relay = await startRelay(relayEnv)
const syncOf = async (desk: { api(p: string): Promise<Response> }) =>
  (await (await desk.api('/api/sync')).json()) as SyncHealth

try {
  // 1. The desk connects and enrolls (an empty channel), then goes offline.
  let desk = await startDeskProcess({ ...deskEnv, FRONTDESK_RELAY_URL: relay.url })
  await connectDesk(desk, account.apiKey)
  const channelId = await until(
    'desk enrolled and online',
    async () => {
      const s = await syncOf(desk)
      return s.relay.state === 'online' && s.relay.channelId ? s.relay.channelId : undefined
    },
    60_000,
  )
  await desk.stop()
  const bareToken = await enrollBareDevice(relay.url, account.apiKey)
  await relay.stop()

  // 2. The backlog, written through the relay's storage layer (the call its intake makes once a
  //    signature checks out): 100,000 HTTP deliveries would take longer than the drain itself.
  const t0 = performance.now()
  const storage = await openStorage(dbUrl)
  const secret = (await storage.findChannel(channelId))!.webhookSecret
  let batch: IncomingDelivery[] = []
  let bytes = 0
  let lastSeq = 0
  const mix = new Map<string, number>()
  for (const e of calcomEvents(account, EVENTS)) {
    mix.set(e.trigger, (mix.get(e.trigger) ?? 0) + 1)
    const body = Buffer.from(e.body)
    bytes += body.length
    batch.push({
      channelId,
      body,
      bodySha256: createHash('sha256').update(body).digest('hex'),
      contentType: 'application/json',
      headers: {
        'x-cal-signature-256': signCalcomBody(secret, body),
        'x-cal-webhook-version': '2021-10-20',
      },
      receivedAt: new Date(),
    })
    if (batch.length === 1000) {
      lastSeq = Math.max(lastSeq, ...(await storage.ingest(batch)).map((r) => r.seq))
      batch = []
    }
  }
  if (batch.length) lastSeq = Math.max(lastSeq, ...(await storage.ingest(batch)).map((r) => r.seq))
  await storage.close()
  const fillS = (performance.now() - t0) / 1000
  relay = await startRelay(relayEnv, relay.port)

  // 3. Baseline: a bare client pulls the whole backlog, page by page, acking as the desk does.
  const b0 = performance.now()
  let after = 0
  let pulled = 0
  const auth = { authorization: `Bearer ${bareToken}` }
  while (after < lastSeq) {
    const res = await fetch(`${relay.url}/v1/events?after=${after}&limit=${PAGE}&wait=0`, {
      headers: auth,
    })
    const page = (await res.json()) as EventsResponse
    pulled += page.events.length
    after = page.nextAfter
    const ack = await fetch(`${relay.url}/v1/ack`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ seq: after }),
    })
    await ack.arrayBuffer()
  }
  const bareS = (performance.now() - b0) / 1000

  // 4. The desk comes back and drains the backlog.
  const d0 = performance.now()
  desk = await startDeskProcess({ ...deskEnv, FRONTDESK_RELAY_URL: relay.url })
  const readyS = (performance.now() - d0) / 1000
  // The drain is timed from the desk's first answer (process start is not apply work), and capped
  // so a slow desk cannot hold the whole bench run: the rate is then over what it applied.
  let final: SyncHealth
  let capped = false
  for (;;) {
    final = await syncOf(desk)
    if (final.relay.cursor >= lastSeq) break
    if ((performance.now() - d0) / 1000 - readyS > MAX_S) {
      capped = true
      break
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  const deskS = (performance.now() - d0) / 1000
  const applied = final.relay.cursor
  await desk.stop()

  const deskRate = applied / (deskS - readyS)
  const bareRate = pulled / bareS
  console.log(
    `sync apply throughput: ${EVENTS.toLocaleString()} deliveries (${(bytes / EVENTS).toFixed(0)} B average) in one relay channel`,
  )
  console.log(await machine())
  console.log(
    `  mix: ${[...mix].map(([t, n]) => `${t.replace('BOOKING_', '').toLowerCase()} ${n}`).join(', ')}`,
  )
  console.log(
    `  backlog written through the relay storage layer in ${fillS.toFixed(1)} s (not measured below)\n`,
  )
  console.log(
    `  desk apply    ${deskRate.toFixed(0).padStart(7)} events/s  (${applied.toLocaleString()} applied in ${(deskS - readyS).toFixed(1)} s${capped ? ` — stopped at the ${MAX_S} s cap` : ''}; desk process up in ${readyS.toFixed(2)} s, not counted)`,
  )
  console.log(
    `  baseline      ${bareRate.toFixed(0).padStart(7)} events/s  (bare HTTP client, same relay, pages of ${PAGE} + ack, no apply: ${bareS.toFixed(1)} s)`,
  )
  console.log(`  ratio         ${(deskRate / bareRate).toFixed(2)} of the relay's raw read rate`)
  console.log(`  desk sync errors after the drain: ${final.recentErrors.length}`)
} finally {
  await relay.stop()
  await sandbox.close()
  rmSync(dir, { recursive: true, force: true })
}
