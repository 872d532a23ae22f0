// The UI's live stream is fed from the core's internal events, one LiveEvent (the wire shape of
// GET /api/live) per event; nothing in the core listens to the live bus for its own wiring.
import { LIVE_ROWS_AT_MOST, type Appointment } from '../../../shared/api/schemas'
import type { DeskEvents } from '../events/desk-events'
import type { LiveBus } from './live-bus'

/**
 * `rowOf` reads an appointment as the day view shows it: a change to a few travels with their
 * rows, so the screen shows it without asking for them (one round trip less, and no wait behind
 * whatever the desk is answering meanwhile).
 */
export function feedLiveBus(
  events: DeskEvents,
  bus: LiveBus,
  rowOf: (uid: string) => Appointment | undefined,
): () => void {
  const offs = [
    events.on('appointmentsChanged', ({ uids, dates }) =>
      bus.publish({
        type: 'appointments',
        uids: [...uids],
        dates: [...dates],
        ...(uids.length <= LIVE_ROWS_AT_MOST
          ? { appointments: uids.flatMap((uid) => rowOf(uid) ?? []) }
          : {}),
      }),
    ),
    events.on('clientsChanged', ({ clientIds, all }) =>
      bus.publish({ type: 'clients', ids: [...clientIds], all }),
    ),
    events.on('outboxChanged', () => bus.publish({ type: 'outbox' })),
    events.on('branchChanged', () => bus.publish({ type: 'branch' })),
    events.on('syncChanged', () => bus.publish({ type: 'sync' })),
    events.on('desktopNotifications', () => bus.publish({ type: 'notifications' })),
  ]
  return () => offs.forEach((off) => off())
}
