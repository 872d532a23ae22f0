// Bringing a seed's world to rest: the network back, Cal.com's faults cleared, every webhook
// delivered, and then both desks left alone until their outboxes have nothing left to send (rows
// that need attention are a legitimate end), every desk event they made came back from the relay,
// they have applied every event the relay holds, and no Cal.com news waits for an outbox. Waits re-check with a deadline (the test kit's `until`); they never sleep a fixed time.
import { PLACEHOLDER_PREFIX } from '../../src/main/core/actions/desk-actions'
import { deskFetch, type TempDesk } from '../support/temp-desk'
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
function movingRows(desk: TempDesk): number {
  const open = desk.services.outbox.list(['pending', 'in_flight', 'needs_attention'], 10_000)
  const stuck = new Set(open.filter((r) => r.state === 'needs_attention').map((r) => r.bookingUid))
  return open.filter((r) => r.state !== 'needs_attention' && !stuck.has(r.bookingUid)).length
}

/**
 * Desk events still on their way: not sent, or not yet read back from the log. Those about a
 * booking Cal.com never named (its create needs attention or was discarded) stay at that desk.
 */
const deskEventsMoving = (desk: TempDesk): number =>
  desk.services.shared.waitingEvents().filter((e) => !e.bookingUid?.startsWith(PLACEHOLDER_PREFIX))
    .length

export async function quietState(w: World, desk: TempDesk = w.desk) {
  const health = desk.services.sync.health()
  const counts = desk.services.outbox.counts()
  return {
    outbox: counts,
    moving: movingRows(desk),
    deskEvents: deskEventsMoving(desk),
    relay: health.relay,
    relayHead: await relayHead(w),
    heldBookings: health.heldBookings,
    lastReconcile: health.lastReconcile,
    recentErrors: health.recentErrors.slice(0, 5),
  }
}

/** True when neither desk has anything left to do that could still change what it shows. */
async function atRest(w: World): Promise<boolean> {
  await fetch(`${w.sandbox.url}/_sandbox/webhooks/flush`, { method: 'POST' })
  for (const desk of [w.desk, w.desk2]) {
    const s = await quietState(w, desk)
    const quiet =
      s.moving === 0 &&
      s.deskEvents === 0 &&
      s.heldBookings === 0 &&
      s.relay.state === 'online' &&
      s.relay.cursor >= s.relayHead
    if (!quiet) return false
  }
  return true
}

export async function quiesce(w: World, opts: { reconcile: boolean }): Promise<void> {
  for (const link of [w.calcomLink, w.relayLink, w.calcomLink2, w.relayLink2]) link.restore()
  await fetch(`${w.sandbox.url}/_sandbox/faults`, { method: 'DELETE' })
  const describe = async () =>
    JSON.stringify([await quietState(w), await quietState(w, w.desk2)], null, 1)
  await until('the desks to come to rest', () => atRest(w), { ms: 30_000, explain: describe })
  if (!opts.reconcile) return
  for (const desk of [w.desk, w.desk2]) {
    const res = await deskFetch(desk, '/api/sync/reconcile', { method: 'POST' })
    const outcome = (await res.json()) as { ok?: boolean; error?: unknown }
    if (res.status !== 200 || !outcome.ok) {
      throw new Error(`reconcile at rest failed: ${res.status} ${JSON.stringify(outcome)}`)
    }
  }
  await until('rest after the reconcile', () => atRest(w), { ms: 30_000, explain: describe })
}
