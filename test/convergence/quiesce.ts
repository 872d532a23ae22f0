// Bringing a seed's world to rest: the network back, Cal.com's faults cleared, every webhook
// delivered, and then the desk left alone until its outbox has nothing left to send (rows that
// need attention are a legitimate end), it has applied every event the relay holds, and no
// Cal.com news waits for the outbox. Waits re-check with a deadline (the test kit's `until`); they never sleep a fixed time.
import { deskFetch } from '../support/temp-desk'
import { until } from '../support/until'
import type { World } from './world'

/** What the relay holds for the branch's channel (its last seq), 0 before any event. */
async function relayHead(w: World): Promise<number> {
  const channelId = w.desk.services.sync.health().relay.channelId
  return channelId ? ((await w.relayStorage.findChannel(channelId))?.lastSeq ?? 0) : 0
}

/**
 * Open outbox rows that can still move by themselves: not those that need attention, nor those
 * queued behind one of their booking (they wait for a person to retry or discard it).
 */
function movingRows(w: World): number {
  const open = w.desk.services.outbox.list(['pending', 'in_flight', 'needs_attention'], 10_000)
  const stuck = new Set(open.filter((r) => r.state === 'needs_attention').map((r) => r.bookingUid))
  return open.filter((r) => r.state !== 'needs_attention' && !stuck.has(r.bookingUid)).length
}

export async function quietState(w: World) {
  const health = w.desk.services.sync.health()
  const counts = w.desk.services.outbox.counts()
  return {
    outbox: counts,
    moving: movingRows(w),
    relay: health.relay,
    relayHead: await relayHead(w),
    heldBookings: health.heldBookings,
    lastReconcile: health.lastReconcile,
    recentErrors: health.recentErrors.slice(0, 5),
  }
}

/** True when the desk has nothing left to do that could still change what it shows. */
async function atRest(w: World): Promise<boolean> {
  await fetch(`${w.sandbox.url}/_sandbox/webhooks/flush`, { method: 'POST' })
  const s = await quietState(w)
  return (
    s.moving === 0 &&
    s.heldBookings === 0 &&
    s.relay.state === 'online' &&
    s.relay.cursor >= s.relayHead
  )
}

export async function quiesce(w: World, opts: { reconcile: boolean }): Promise<void> {
  w.calcomLink.restore()
  w.relayLink.restore()
  await fetch(`${w.sandbox.url}/_sandbox/faults`, { method: 'DELETE' })
  const describe = async () => JSON.stringify(await quietState(w), null, 1)
  await until('the desk to come to rest', () => atRest(w), { ms: 30_000, explain: describe })
  if (!opts.reconcile) return
  const res = await deskFetch(w.desk, '/api/sync/reconcile', { method: 'POST' })
  const outcome = (await res.json()) as { ok?: boolean; error?: unknown }
  if (res.status !== 200 || !outcome.ok) {
    throw new Error(`reconcile at rest failed: ${res.status} ${JSON.stringify(outcome)}`)
  }
  await until('rest after the reconcile', () => atRest(w), { ms: 30_000, explain: describe })
}
