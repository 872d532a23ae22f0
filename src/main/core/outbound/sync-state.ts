import { and, eq, inArray } from 'drizzle-orm'
import type { SyncState } from '../../../shared/domain/appointment-status'
import { outbox } from '../db/schema'
import type { DeskTx } from './outbox-store'

/**
 * An appointment's sync mark follows its open outbox rows: any row needing attention wins, then
 * any row still queued; with none left the desk agrees with Cal.com.
 */
export function syncStateOf(tx: DeskTx, bookingUid: string): SyncState {
  const states = tx
    .select({ state: outbox.state })
    .from(outbox)
    .where(
      and(
        eq(outbox.bookingUid, bookingUid),
        inArray(outbox.state, ['pending', 'in_flight', 'needs_attention']),
      ),
    )
    .all()
    .map((r) => r.state)
  if (states.includes('needs_attention')) return 'needs_attention'
  return states.length > 0 ? 'pending' : 'synced'
}
