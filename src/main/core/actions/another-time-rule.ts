// Which refused change may be sent again for another time (POST /api/outbox/:id/another-time).
// One rule, for the action that does it (DeskActions.anotherTime) and for the flag each outbox
// entry of the local API carries (`canTakeAnotherTime`), so the screens offer "Choose another
// time" by that flag and never restate the rule.
import type { AppointmentStatus } from '../../../shared/domain/appointment-status'
import type { OutboxOp } from '../outbound/outbox-payloads'
import type { OutboxRow } from '../outbound/outbox-store'

/** The changes that ask Cal.com for a time: only these can ask for another. */
const ASKS_FOR_A_TIME: ReadonlySet<string> = new Set<OutboxOp>(['create', 'reschedule'])

/**
 * Changes queued at the desk after the refused one that may stay queued behind it while it takes
 * another time, in their order: what they ask of Cal.com does not depend on when the booking is.
 * A confirm names no time (and one of a booking Cal.com already accepted counts as done,
 * outbox-calls.ts). Not a move: Cal.com would book the new time, then move it, mailing the client
 * twice for one change. Not a cancel or a decline: Cal.com would book it, then end it, mailing
 * the client twice for nothing. Not a no-show: Cal.com refuses one before the booking's start,
 * and it is about the time the client missed. Visit states and desk notes are the desk's own and
 * never outbox rows (desk events, shared-state/); Cal.com's payment is its news, not a desk row:
 * neither stands in the way.
 */
const TIME_FREE: ReadonlySet<string> = new Set<OutboxOp>(['confirm'])

/** A booking cancelled, declined, moved or marked a no-show at the desk is not booked again. */
const LIVE: readonly AppointmentStatus[] = ['SCHEDULED', 'PENDING']

export interface AnotherTimeCase {
  row: Pick<OutboxRow, 'id' | 'op' | 'state'>
  /** The open outbox rows of its booking, oldest first (the row itself among them). */
  openRows: readonly Pick<OutboxRow, 'id' | 'op'>[]
  /** The booking's status at the desk; undefined when the desk holds no such booking. */
  status: AppointmentStatus | undefined
}

export interface AnotherTimeRefusal {
  code: 'NOT_ALLOWED' | 'NOT_FOUND'
  /** English for API users and logs; names the row in the way when there is one. */
  message: string
}

/** Why this change cannot be sent again for another time; null when it can. */
export function whyNoAnotherTime({
  row,
  openRows,
  status,
}: AnotherTimeCase): AnotherTimeRefusal | null {
  if (row.state !== 'needs_attention' || !ASKS_FOR_A_TIME.has(row.op)) {
    return {
      code: 'NOT_ALLOWED',
      message:
        `Outbox entry ${row.id} is a ${row.op} that is ${row.state.replace('_', ' ')}; only a ` +
        'new booking or a reschedule that needs attention can be sent for another time',
    }
  }
  // Decided on top of the refused change at the desk: sent again under it, the booking would be
  // made at a time someone then moved, cancelled or called missed.
  const inTheWay = openRows.find((r) => r.id > row.id && !TIME_FREE.has(r.op))
  if (inTheWay) {
    return {
      code: 'NOT_ALLOWED',
      message:
        `Outbox entry ${row.id} has a later ${inTheWay.op} (${inTheWay.id}) of the same ` +
        'booking queued, which another time would undo or contradict',
    }
  }
  if (status === undefined)
    return { code: 'NOT_FOUND', message: `No appointment of entry ${row.id}` }
  if (!LIVE.includes(status)) {
    return {
      code: 'NOT_ALLOWED',
      message: `Only scheduled or pending appointments can be sent for another time; this one is ${status.toLowerCase().replace('_', '-')}`,
    }
  }
  return null
}
