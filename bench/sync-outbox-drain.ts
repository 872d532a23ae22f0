// Outbox drain against Cal.com's rate limit: 1,000 walk-ins booked at the desk while it could not
// reach Cal.com (and its worker was stopped, so nothing was tried yet), then the desk starts again
// with Cal.com reachable and drains them through the sandbox, which allows LIMIT calls per WINDOW
// for the branch's API key (a Cal.com-style fixed window: it opens at the first call, 429 + block
// after going over). Every call passes a counting hop between desk and sandbox. Goal: ≥ 90 % of
// the budget used while there is work, and no 429.
// The baseline is the budget itself: LIMIT calls in every window, the most Cal.com would take.
//   npx tsx bench/sync-outbox-drain.ts   BENCH_OUTBOX_ACTIONS=1000 BENCH_OUTBOX_LIMIT=120
//                                        BENCH_OUTBOX_WINDOW_S=10 BENCH_OUTBOX_LATENCY_MS=0
// The desk runs in this process (the bench stops its worker to fill the queue); the sandbox too.
import { performance } from 'node:perf_hooks'
import { startSandbox, type SandboxState } from '../sandbox/src/index'
import { startCalcomLink } from '../src/main/core/outbound/calcom-link.test-support'
import { deskFetch, makeDataDir, startTempDesk } from '../test/support/temp-desk'
import { planBookings } from './sync-support/free-slots'
import { machine, percentile } from './sync-support/desk-process'

const ACTIONS = Number(process.env.BENCH_OUTBOX_ACTIONS ?? 1000)
const LIMIT = Number(process.env.BENCH_OUTBOX_LIMIT ?? 120)
const WINDOW_S = Number(process.env.BENCH_OUTBOX_WINDOW_S ?? 10)
/** Added to every call between desk and sandbox, as Cal.com's own answer time would be. */
const LATENCY_MS = Number(process.env.BENCH_OUTBOX_LATENCY_MS ?? 0)
// The sandbox clock is the real one: the desk reads "recent bookings" (to learn its staff's Cal.com
// ids) around its own clock, and a walk-in for a staff member is sent with that id.
const NOW = new Date().toISOString()

const plan = await planBookings({ now: NOW, count: ACTIONS })
const sandbox = await startSandbox({
  port: 0,
  now: NOW,
  rateLimit: { apiKeyLimit: LIMIT, windowMs: WINDOW_S * 1000, blockMs: WINDOW_S * 1000 },
})
const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
const account = state.accounts[0]!
const link = await startCalcomLink(sandbox.url)
const dataDir = makeDataDir()
const env = {
  FRONTDESK_CALCOM_API_URL: link.url,
  FRONTDESK_CALCOM_APP_URL: link.url,
  FRONTDESK_LOG_LEVEL: 'error',
}

try {
  // 1. Connected, then offline with the worker stopped: the walk-ins queue up, untried.
  let desk = await startTempDesk({ dataDir, env })
  const connect = await deskFetch(desk, '/api/branch/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey: account.apiKey }),
  })
  if (connect.status !== 200) throw new Error(`connect answered ${connect.status}`)
  await desk.services.outboxWorker.stop()
  link.down()
  const branchId = desk.services.branches.current().id
  const typeOf = new Map(desk.services.eventTypes.list(branchId).map((e) => [e.calcomId, e.id]))
  const staffOf = new Map(
    [...new Set(plan.map((p) => p.hostId))].map((h) => [
      h,
      desk.services.staff.idOfHost(branchId, h),
    ]),
  )
  const q0 = performance.now()
  let next = 0
  const queueOne = async (): Promise<void> => {
    for (let i = next++; i < ACTIONS; i = next++) {
      const p = plan[i]!
      const res = await deskFetch(desk, '/api/appointments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          eventTypeId: typeOf.get(p.eventTypeId),
          staffId: staffOf.get(p.hostId),
          start: p.start,
          attendee: { name: `Walk-in ${i}`, email: `walkin${i}@example.com` },
          walkIn: true,
        }),
      })
      if (res.status !== 202) throw new Error(`walk-in ${i}: ${res.status} ${await res.text()}`)
    }
  }
  await Promise.all(Array.from({ length: 50 }, queueOne))
  const queueS = (performance.now() - q0) / 1000
  await desk.close()

  // 2. Cal.com reachable again; the key's window from connecting has run out. The desk restarts.
  link.up()
  link.delay(LATENCY_MS)
  await new Promise((r) => setTimeout(r, WINDOW_S * 1000 + 500))
  const before = link.passed.length
  const t0 = Date.now()
  desk = await startTempDesk({ dataDir, env })
  const queued = () => desk.services.sync.health().queueDepth
  const deadline = t0 + Math.max(120_000, (ACTIONS / LIMIT) * WINDOW_S * 3000)
  while (queued() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  const t1 = Date.now()
  const left = queued()

  // 3. What happened, from the desk, the hop and Cal.com.
  const { outbox, appointments } = desk.services
  const rows = Object.entries(outbox.counts())
    .filter(([, n]) => n > 0)
    .map(([state, n]) => ({ state, n }))
  const walkInStates = new Map<string, number>()
  for (const r of outbox.list(['pending', 'in_flight', 'needs_attention', 'done'], ACTIONS * 2)) {
    const a = appointments.rowByUid(r.bookingUid)
    if (a?.walkIn) walkInStates.set(a.syncState, (walkInStates.get(a.syncState) ?? 0) + 1)
  }
  const appts = [...walkInStates].map(([s, n]) => ({ s, n }))
  const reasons = new Map<string, number>()
  for (const r of outbox.list(['needs_attention'], ACTIONS * 2)) {
    const key = r.lastError ? `${r.lastError.code}: ${r.lastError.params.message ?? ''}` : '-'
    reasons.set(key, (reasons.get(key) ?? 0) + 1)
  }
  const calls = link.passed.slice(before)
  const made = [...sandbox.sandbox.store.bookings.values()].filter(
    (b) => typeof b.metadata?.frontdeskMutationId === 'string',
  )
  const distinct = new Set(made.map((b) => b.metadata?.frontdeskMutationId)).size
  await desk.dispose()

  // Cal.com's windows as the sandbox keeps them: one opens at the first call after the last closed.
  const windows: Array<{ opened: number; calls: number }> = []
  for (const c of calls) {
    const w = windows.at(-1)
    if (!w || c.at >= w.opened + WINDOW_S * 1000) windows.push({ opened: c.at, calls: 1 })
    else w.calls += 1
  }
  // Every window but the last one, which ends when the work does. Over their time, gaps between
  // windows included (a window opens only at the first call after the last one closed), Cal.com
  // would have taken LIMIT calls per WINDOW_S: the share is what the desk actually sent.
  const full = windows.slice(0, -1)
  const fullCalls = full.reduce((a, w) => a + w.calls, 0)
  const fullS = full.length ? (windows.at(-1)!.opened - full[0]!.opened) / 1000 : 0
  const share = fullS > 0 ? fullCalls / ((LIMIT * fullS) / WINDOW_S) : NaN
  const perWindow = full.map((w) => w.calls / LIMIT)
  const gaps = full.map((w, i) => (windows[i + 1]!.opened - w.opened) / 1000 - WINDOW_S)
  const spanS = calls.length ? (calls[calls.length - 1]!.at - calls[0]!.at) / 1000 : 0
  const ideal = (Math.ceil(calls.length / LIMIT) - 1) * WINDOW_S
  const kinds = new Map<string, number>()
  for (const c of calls) {
    const k = `${c.method} ${c.path.replace(/\/v2\/bookings\/[^/]+/, '/v2/bookings/:uid')}`
    kinds.set(k, (kinds.get(k) ?? 0) + 1)
  }
  const throttled = calls.filter((c) => c.status === 429).length

  console.log(
    `sync outbox drain: ${ACTIONS} walk-ins queued offline (in ${queueS.toFixed(1)} s), drained against ${LIMIT} calls per ${WINDOW_S} s window${LATENCY_MS ? `, ${LATENCY_MS} ms added to each call` : ''}`,
  )
  console.log(`${await machine()}; goal: ≥ 90 % of the budget, no 429\n`)
  console.log(
    `  duration          ${((t1 - t0) / 1000).toFixed(1)} s from desk start to an empty queue${left ? ` (TIMED OUT with ${left} left)` : ''}`,
  )
  console.log(
    `  requests          ${calls.length} (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})`,
  )
  console.log(
    `  budget used       ${(share * 100).toFixed(1)} % over ${fullS.toFixed(1)} s of full windows (${fullCalls} calls; ${LIMIT} per ${WINDOW_S} s allowed)`,
  )
  console.log(
    `    per window      ${full.length} full windows: calls/limit min ${(Math.min(...perWindow) * 100).toFixed(0)} %, median ${(percentile(perWindow, 50) * 100).toFixed(0)} %; idle gap before the next window median ${percentile(gaps, 50).toFixed(2)} s, max ${Math.max(...gaps).toFixed(2)} s`,
  )
  console.log(
    `    calls/window    ${windows.map((w) => w.calls).join(' ')} (the last one ends with the work)`,
  )
  console.log(
    `  baseline          the budget alone: ${calls.length} calls need ≥ ${ideal} s (${Math.ceil(calls.length / LIMIT)} windows); first to last call took ${spanS.toFixed(1)} s, ratio ${(ideal / Math.max(spanS, 1e-9)).toFixed(2)}`,
  )
  console.log(`  429s received     ${throttled}`)
  console.log(
    `  outbox rows       ${rows.map((r) => `${r.state} ${r.n}`).join(', ')}; walk-ins ${appts.map((a) => `${a.s} ${a.n}`).join(', ')}`,
  )
  for (const [reason, n] of reasons) console.log(`    needs attention ×${n}: ${reason}`)
  console.log(
    `  Cal.com bookings  ${made.length} made by the desk, ${distinct} distinct mutation ids (duplicates: ${made.length - distinct})`,
  )
} finally {
  await link.close()
  await sandbox.close()
}
