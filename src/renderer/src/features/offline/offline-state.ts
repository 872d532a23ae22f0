// What the offline banner says: which link is down and how many changes wait. Cal.com counts as
// out of reach when a change already failed to send and is waiting to try again (the outbox
// meets Cal.com first), the relay when sync health says it is not online.
import type { Branch, OutboxEntry, SyncHealth } from '../../../../shared/api/schemas'
import type { LiveStatus } from '../../app/live-stream'

export interface OfflineState {
  /** The page cannot hear the desk itself. */
  deskDown: boolean
  calcomDown: boolean
  relayDown: boolean
  /** Changes made here and not yet in Cal.com. */
  waiting: number
}

/**
 * Cal.com is connected but out of reach: a change made here already failed to send and waits
 * to try again. Sync health's Cal.com card uses the same rule, so it never says "Connected"
 * under the banner that says Cal.com cannot be reached.
 */
export function calcomUnreachable(
  branch: Pick<Branch, 'connection'> | undefined,
  outbox: Pick<OutboxEntry, 'state' | 'attempts'>[] | undefined,
): boolean {
  if (branch?.connection !== 'connected') return false
  // A retry on its way is not yet an answer: the banner stays until a try gets through, rather
  // than blinking off with every attempt.
  // The outbox counts a try as it starts it, so a first send still on its way (attempts 1,
  // in flight) has not failed yet: a slow answer is not an outage.
  return (outbox ?? []).some(
    (e) =>
      (e.state === 'pending' || e.state === 'in_flight') &&
      e.attempts > (e.state === 'in_flight' ? 1 : 0),
  )
}

export function offlineState(
  live: LiveStatus,
  branch: Pick<Branch, 'connection'> | undefined,
  sync: Pick<SyncHealth, 'relay'> | undefined,
  outbox: Pick<OutboxEntry, 'state' | 'attempts'>[] | undefined,
): OfflineState {
  const queued = (outbox ?? []).filter((e) => e.state === 'pending' || e.state === 'in_flight')
  const connected = branch?.connection === 'connected'
  return {
    deskDown: live === 'reconnecting',
    calcomDown: calcomUnreachable(branch, outbox),
    relayDown:
      connected &&
      !!sync &&
      sync.relay.configured &&
      !['online', 'connecting', 'enrolling'].includes(sync.relay.state),
    waiting: queued.length,
  }
}

export const isOffline = (s: OfflineState) => s.deskDown || s.calcomDown || s.relayDown
