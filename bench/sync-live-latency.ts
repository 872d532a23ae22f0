// End-to-end latency of a booking made on Cal.com's public page (the sandbox's) to the desk's live
// stream (`GET /api/live`, what the UI listens to): webhook → relay intake → the desk's waiting
// long-poll → apply in SQLite → live event. A few hundred bookings at a steady rate, into planned
// free slots. Baseline, in the same run: a bare long-poll client on the same relay channel (its
// own device) that applies nothing — so the ratio is the desk's own share of the latency.
// Real processes: relay (SQLite) and headless desk; the sandbox and both clients in this process,
// so one clock measures both ends.
//   npx tsx bench/sync-live-latency.ts        BENCH_LIVE_BOOKINGS=300 BENCH_LIVE_RATE=10 (per s)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { EventsResponse } from '../src/shared/relay/relay-contract.js'
import { startSandbox, type SandboxState } from '../sandbox/src/index'
import type { LiveEvent, SyncHealth } from '../src/shared/api/schemas'
import { planBookings } from './sync-support/free-slots'
import {
  connectDesk,
  enrollBareDevice,
  machine,
  percentile,
  startDeskProcess,
  startRelay,
} from './sync-support/desk-process'
import { until } from '../test/support/until'

const BOOKINGS = Number(process.env.BENCH_LIVE_BOOKINGS ?? 300)
const RATE = Number(process.env.BENCH_LIVE_RATE ?? 10)
const WARMUP = 10
const NOW = new Date().toISOString() // the planning copy and the sandbox seed the same days

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-live-'))
const plan = await planBookings({ now: NOW, count: WARMUP + BOOKINGS })
const sandbox = await startSandbox({ port: 0, now: NOW })
const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
const account = state.accounts[0]!
const relay = await startRelay({
  RELAY_DATABASE_URL: `file:${join(dir, 'relay.db')}`,
  RELAY_CALCOM_API_URL: sandbox.url,
})
const desk = await startDeskProcess({
  FRONTDESK_DATA_DIR: join(dir, 'desk'),
  FRONTDESK_CALCOM_API_URL: sandbox.url,
  FRONTDESK_CALCOM_APP_URL: sandbox.url,
  FRONTDESK_RELAY_URL: relay.url,
})
const stop = new AbortController()

try {
  await connectDesk(desk, account.apiKey)
  await until(
    'desk online at the relay',
    async () => {
      const s = (await (await desk.api('/api/sync')).json()) as SyncHealth
      return s.relay.state === 'online' && s.lastReconcile?.ok ? true : undefined
    },
    60_000,
  )

  // The desk's live stream, as the UI reads it.
  const live = new Map<string, number>()
  const res = await desk.api('/api/live', { signal: stop.signal })
  void (async () => {
    const decoder = new TextDecoder()
    let buf = ''
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        const now = performance.now()
        buf += decoder.decode(chunk, { stream: true })
        let at: number
        while ((at = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, at)
          buf = buf.slice(at + 2)
          for (const line of frame.split('\n')) {
            if (!line.startsWith('data: ')) continue
            const e = JSON.parse(line.slice(6)) as LiveEvent
            if (e.type === 'appointments')
              for (const uid of e.uids) if (!live.has(uid)) live.set(uid, now)
          }
        }
      }
    } catch {
      // closed at the end
    }
  })()

  // The bare client: its own device, always waiting in a long-poll, applying nothing.
  const bareToken = await enrollBareDevice(relay.url, account.apiKey)
  const bare = new Map<string, number>()
  const polling = (async () => {
    let after = (
      (await (
        await fetch(`${relay.url}/v1/events?after=0&limit=500`, {
          headers: { authorization: `Bearer ${bareToken}` },
        })
      ).json()) as EventsResponse
    ).nextAfter
    while (!stop.signal.aborted) {
      try {
        const r = await fetch(`${relay.url}/v1/events?after=${after}&wait=25&limit=500`, {
          headers: { authorization: `Bearer ${bareToken}` },
          signal: stop.signal,
        })
        const page = (await r.json()) as EventsResponse
        const now = performance.now()
        for (const e of page.events) {
          const uid = (JSON.parse(e.body) as { payload?: { uid?: string } }).payload?.uid
          if (uid && !bare.has(uid)) bare.set(uid, now)
        }
        after = page.nextAfter
      } catch {
        // aborted at the end
      }
    }
  })()

  // A steady rate of public bookings, each on schedule whatever the answers.
  const sentAt = new Map<string, number>()
  const book = async (i: number) => {
    const p = plan[i]!
    const t = performance.now()
    const r = await fetch(`${sandbox.url}/_sandbox/book`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        start: p.start,
        eventTypeId: p.eventTypeId,
        hostId: p.hostId,
        attendee: {
          name: `Client ${i}`,
          email: `client${i}@example.com`,
          timeZone: account.timeZone,
        },
      }),
    })
    const body = (await r.json()) as { data?: { uid: string } }
    if (r.status !== 201 || !body.data)
      throw new Error(`booking ${i}: ${r.status} ${JSON.stringify(body)}`)
    if (i >= WARMUP) sentAt.set(body.data.uid, t)
  }
  for (let i = 0; i < WARMUP; i++) await book(i)
  const sends: Promise<void>[] = []
  const started = performance.now()
  for (let i = 0; i < BOOKINGS; i++) {
    const wait = started + (i / RATE) * 1000 - performance.now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    sends.push(book(WARMUP + i))
  }
  await Promise.all(sends)
  const achieved = BOOKINGS / ((performance.now() - started) / 1000)
  await until(
    'every booking on the live stream and at the bare client',
    () => ([...sentAt.keys()].every((u) => live.has(u) && bare.has(u)) ? true : undefined),
    30_000,
  ).catch(() => undefined)

  const lat = (seen: Map<string, number>) =>
    [...sentAt].flatMap(([uid, t]) => (seen.has(uid) ? [seen.get(uid)! - t] : []))
  const deskLat = lat(live)
  const bareLat = lat(bare)
  const f = (x: number) => `${x.toFixed(1)} ms`.padStart(10)
  console.log(
    `sync live latency: ${BOOKINGS} public bookings on the sandbox at ${RATE}/s (${achieved.toFixed(1)}/s achieved), after ${WARMUP} warm-up bookings`,
  )
  console.log(`${await machine()}; target: on the live stream within 1 s\n`)
  console.log(
    `${''.padEnd(40)}${'seen'.padStart(6)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'max'.padStart(10)}`,
  )
  const row = (name: string, xs: number[]) =>
    console.log(
      `${name.padEnd(40)}${String(xs.length).padStart(6)}${f(percentile(xs, 50))}${f(percentile(xs, 99))}${f(Math.max(...xs))}`,
    )
  row('desk GET /api/live (booking → event)', deskLat)
  row('baseline: bare long-poll on the relay', bareLat)
  console.log(
    `ratio desk / bare: p50 ${(percentile(deskLat, 50) / percentile(bareLat, 50)).toFixed(2)}, p99 ${(percentile(deskLat, 99) / percentile(bareLat, 99)).toFixed(2)}`,
  )
  stop.abort()
  await Promise.race([polling, new Promise((r) => setTimeout(r, 2000))])
} finally {
  stop.abort()
  await desk.stop()
  await relay.stop()
  await sandbox.close()
  rmSync(dir, { recursive: true, force: true })
}
