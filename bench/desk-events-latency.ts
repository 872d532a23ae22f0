// Desk event latency from one desk of a branch to another (DESIGN.md §9): a receptionist's visit
// state change at desk A (POST /api/appointments/:uid/visit) → A's desk event sender → the relay
// (POST /v1/desk-events) → B's waiting long-poll → B applies it in SQLite → B's live stream
// (`GET /api/live`, what B's UI listens to). Changes at a steady rate over the seeded bookings,
// one change at a time per booking. Baseline, in the same run: the relay alone — a bare device
// posts a desk event and another bare device's waiting long-poll receives it — so the ratio is
// the two desks' own share of the latency.
// Real processes: relay (SQLite) and two headless desks; the sandbox and the bare clients in this
// process, so one clock measures both ends.
//   npx tsx bench/desk-events-latency.ts      BENCH_DESK_EVENTS=300 BENCH_DESK_EVENTS_RATE=10 (/s)
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { EventsResponse } from '../src/shared/relay/relay-contract.js'
import type { DeskEventBody, DeskEventRequest } from '../src/shared/relay/desk-events.js'
import { startSandbox, type SandboxState } from '../sandbox/src/index'
import type { DayView, LiveEvent, SyncHealth } from '../src/shared/api/schemas'
import {
  connectDesk,
  enrollBareDevice,
  machine,
  percentile,
  startDeskProcess,
  startRelay,
  type DeskProcess,
} from './sync-support/desk-process'
import { until } from '../test/support/until'

const CHANGES = Number(process.env.BENCH_DESK_EVENTS ?? 300)
const RATE = Number(process.env.BENCH_DESK_EVENTS_RATE ?? 10)
const WARMUP = 10
const STATES = ['ARRIVED', 'IN_SERVICE', 'DONE'] as const

/** Each appointments live event's uids at that desk, with when they arrived. */
function watchLive(desk: DeskProcess, signal: AbortSignal, seen: (uid: string) => void) {
  void (async () => {
    const res = await desk.api('/api/live', { signal })
    const decoder = new TextDecoder()
    let buf = ''
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buf += decoder.decode(chunk, { stream: true })
        let at: number
        while ((at = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, at)
          buf = buf.slice(at + 2)
          for (const line of frame.split('\n')) {
            if (!line.startsWith('data: ')) continue
            const e = JSON.parse(line.slice(6)) as LiveEvent
            if (e.type === 'appointments') for (const uid of e.uids) seen(uid)
          }
        }
      }
    } catch {
      // closed at the end
    }
  })()
}

/** Starts `count` sends at RATE per second, then waits for all; returns the rate achieved. */
async function atRate(count: number, send: (i: number) => Promise<void>): Promise<number> {
  const sends: Promise<void>[] = []
  const started = performance.now()
  for (let i = 0; i < count; i++) {
    const wait = started + (i / RATE) * 1000 - performance.now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    sends.push(send(i))
  }
  const issued = performance.now()
  await Promise.all(sends)
  return count / ((issued - started) / 1000)
}

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-desk-events-'))
const sandbox = await startSandbox({ port: 0 })
const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
const account = state.accounts[0]!
const relay = await startRelay({
  RELAY_DATABASE_URL: `file:${join(dir, 'relay.db')}`,
  RELAY_CALCOM_API_URL: sandbox.url,
})
const deskEnv = (name: string) => ({
  FRONTDESK_DATA_DIR: join(dir, name),
  FRONTDESK_CALCOM_API_URL: sandbox.url,
  FRONTDESK_CALCOM_APP_URL: sandbox.url,
  FRONTDESK_RELAY_URL: relay.url,
})
const deskA = await startDeskProcess(deskEnv('desk-a'))
const deskB = await startDeskProcess(deskEnv('desk-b'))
const stop = new AbortController()

try {
  for (const desk of [deskA, deskB]) {
    await connectDesk(desk, account.apiKey)
    await until(
      'desk online at the relay',
      async () => {
        const s = (await (await desk.api('/api/sync')).json()) as SyncHealth
        return s.relay.state === 'online' && s.lastReconcile?.ok ? true : undefined
      },
      60_000,
    )
  }

  // The seeded bookings both desks know, that can take a visit state: today's and the next days'.
  const uids: string[] = []
  for (let day = 0; day < 7 && uids.length < 60; day++) {
    const date = new Date(Date.now() + day * 86_400_000).toISOString().slice(0, 10)
    const view = (await (await deskA.api(`/api/appointments?date=${date}`)).json()) as DayView
    for (const a of view.appointments)
      if (a.status === 'SCHEDULED' || a.status === 'COMPLETED') uids.push(a.uid)
  }
  if (uids.length < 10) throw new Error(`only ${uids.length} bookings to check in`)

  // desk A → desk B: one change outstanding per booking (the next one of a booking waits until B
  // showed the last); B's first live event for the booking ends it.
  const waiting = new Map<string, { at: number; record: boolean; seen: () => void }>()
  const deskLat: number[] = []
  const chain = new Map<string, Promise<void>>()
  let lost = 0
  watchLive(deskB, stop.signal, (uid) => {
    const w = waiting.get(uid)
    if (!w) return
    waiting.delete(uid)
    if (w.record) deskLat.push(performance.now() - w.at)
    w.seen()
  })
  const change = (i: number, record: boolean): Promise<void> => {
    const uid = uids[i % uids.length]!
    const state = STATES[Math.floor(i / uids.length) % STATES.length]
    const run = (chain.get(uid) ?? Promise.resolve()).then(async () => {
      const seen = new Promise<boolean>((resolve) => {
        waiting.set(uid, { at: performance.now(), record, seen: () => resolve(true) })
        setTimeout(() => resolve(false), 30_000).unref()
      })
      const res = await deskA.api(`/api/appointments/${uid}/visit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ state }),
      })
      if (res.status !== 200) throw new Error(`visit ${uid}: ${res.status} ${await res.text()}`)
      if (!(await seen)) {
        waiting.delete(uid)
        lost += 1
      }
    })
    chain.set(uid, run)
    return run
  }
  for (let i = 0; i < WARMUP; i++) await change(i, false)
  const deskRate = await atRate(CHANGES, (i) => change(WARMUP + i, true))

  // Baseline: the relay alone, between two bare devices of the same channel.
  const writer = await enrollBareDevice(relay.url, account.apiKey)
  const reader = await enrollBareDevice(relay.url, account.apiKey)
  const sentAt = new Map<string, number>()
  const bareLat: number[] = []
  const headers = (token: string) => ({ authorization: `Bearer ${token}` })
  let after = (
    (await (
      await fetch(`${relay.url}/v1/events?after=0&limit=500`, { headers: headers(reader) })
    ).json()) as EventsResponse
  ).nextAfter
  // Skip to the head: everything before the baseline starts is the desks' part.
  for (;;) {
    const page = (await (
      await fetch(`${relay.url}/v1/events?after=${after}&limit=500`, { headers: headers(reader) })
    ).json()) as EventsResponse
    if (page.events.length === 0) break
    after = page.nextAfter
  }
  const polling = (async () => {
    while (!stop.signal.aborted) {
      try {
        const r = await fetch(`${relay.url}/v1/events?after=${after}&wait=25&limit=500`, {
          headers: headers(reader),
          signal: stop.signal,
        })
        const page = (await r.json()) as EventsResponse
        const now = performance.now()
        for (const e of page.events) {
          const key = (JSON.parse(e.body) as Partial<DeskEventBody>).key
          const t = key === undefined ? undefined : sentAt.get(key)
          if (t !== undefined) {
            bareLat.push(now - t)
            sentAt.delete(key!)
          }
        }
        after = page.nextAfter
      } catch {
        // aborted at the end
      }
    }
  })()
  const post = async (i: number) => {
    const request: DeskEventRequest = {
      key: `bench-${randomUUID()}`,
      madeAt: new Date().toISOString(),
      change: { kind: 'visit', bookingUid: uids[i % uids.length]!, state: 'ARRIVED' },
    }
    sentAt.set(request.key, performance.now())
    const res = await fetch(`${relay.url}/v1/desk-events`, {
      method: 'POST',
      headers: { ...headers(writer), 'content-type': 'application/json' },
      body: JSON.stringify(request),
    })
    if (res.status !== 200) throw new Error(`desk event: ${res.status} ${await res.text()}`)
  }
  const bareRate = await atRate(CHANGES, post)
  await until(
    'every bare desk event read',
    () => (sentAt.size === 0 ? true : undefined),
    30_000,
  ).catch(() => undefined)

  const f = (x: number) => `${x.toFixed(1)} ms`.padStart(10)
  console.log(
    `desk events latency: ${CHANGES} visit state changes at desk A at ${RATE}/s (${deskRate.toFixed(1)}/s achieved) over ${uids.length} bookings, after ${WARMUP} warm-up changes; baseline ${bareRate.toFixed(1)}/s`,
  )
  console.log(`${await machine()}; target: at the other desk within 1 s\n`)
  console.log(
    `${''.padEnd(48)}${'seen'.padStart(6)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'max'.padStart(10)}`,
  )
  const row = (name: string, xs: number[]) =>
    console.log(
      `${name.padEnd(48)}${String(xs.length).padStart(6)}${f(percentile(xs, 50))}${f(percentile(xs, 99))}${f(Math.max(...xs))}`,
    )
  row('desk A visit → desk B GET /api/live', deskLat)
  row('baseline: relay POST /v1/desk-events → long-poll', bareLat)
  if (lost) console.log(`${lost} change(s) never reached desk B's live stream within 30 s`)
  console.log(
    `ratio desks / relay alone: p50 ${(percentile(deskLat, 50) / percentile(bareLat, 50)).toFixed(2)}, p99 ${(percentile(deskLat, 99) / percentile(bareLat, 99)).toFixed(2)}`,
  )
  stop.abort()
  await Promise.race([polling, new Promise((r) => setTimeout(r, 2000))])
} finally {
  stop.abort()
  await deskA.stop()
  await deskB.stop()
  await relay.stop()
  await sandbox.close()
  rmSync(dir, { recursive: true, force: true })
}
