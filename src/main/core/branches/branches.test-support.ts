// Helpers for tests of an app holding several branches.
import { refusalReason } from '../../../shared/api/outbox-reasons'
import type { Desk } from '../desk'
import type { StoredPayload } from '../outbound/outbox-payloads'

/**
 * A cancel the desk queued and Cal.com refused for good, recorded as the outbox worker records
 * it (the row in needs attention, the queue's change announced). Returns the row's id.
 */
export function refuseACancel(desk: Pick<Desk, 'services'>): number {
  const { db, outbox, events } = desk.services
  const id = db.transaction((tx) => {
    const row = outbox.enqueue(tx, {
      op: 'cancel',
      bookingUid: 'uid-refused',
      // The summaries count rows by state; what the cancel carried plays no part here.
      payload: { reason: 'Client called' } as unknown as StoredPayload<'cancel'>,
      createdBy: null,
    })
    outbox.markNeedsAttention(tx, row, refusalReason('Booking cannot be changed', 400))
    return row.id
  })
  events.emit('outboxChanged', {})
  return id
}
