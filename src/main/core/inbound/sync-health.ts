// GET /api/sync: what the sync engine knows now, with what the database remembers of the last
// event and reconcile for a desk that has not heard one since it started.
import type { SyncHealth } from '../../../shared/api/schemas'
import type { RelayCursorRow } from './relay-cursor-store'
import type { RelayState } from './relay-client'
import type { SyncErrorEntry } from './sync-error-ring'

export interface SyncHealthFacts {
  connection: SyncHealth['connection']
  relayUrl: string | null
  relayState: RelayState
  relayStateSince: number
  retryInMs: number | null
  lagMs: number | null
  cursor: RelayCursorRow | undefined
  lastEvent: SyncHealth['lastEvent']
  lastReconcile: SyncHealth['lastReconcile']
  queueDepth: number
  heldBookings: number
  recentErrors: SyncErrorEntry[]
}

export function syncHealth(f: SyncHealthFacts): SyncHealth {
  const { cursor } = f
  const lastEvent =
    f.lastEvent ??
    (cursor?.lastEventAt
      ? {
          at: new Date(cursor.lastEventAt).toISOString(),
          seq: cursor.lastSeq,
          trigger: null,
          uids: [],
        }
      : null)
  const lastReconcile =
    f.lastReconcile ??
    (cursor?.lastReconcileAt
      ? {
          at: new Date(cursor.lastReconcileAt).toISOString(),
          trigger: null,
          mode: null,
          ok: true,
          fetched: 0,
          changed: 0,
          error: null,
        }
      : null)
  return {
    connection: f.connection,
    relay: {
      configured: f.relayUrl !== null,
      state: f.relayState,
      url: f.relayUrl,
      channelId: cursor?.channelId ?? null,
      cursor: cursor?.lastSeq ?? 0,
      lagMs: f.lagMs,
      retryInMs: f.retryInMs,
      since: new Date(f.relayStateSince).toISOString(),
    },
    lastEvent,
    lastReconcile,
    queueDepth: f.queueDepth,
    heldBookings: f.heldBookings,
    recentErrors: f.recentErrors,
  }
}
