// The UI's live stream is fed from the core's internal events, one LiveEvent (the wire shape of
// GET /api/live) per event; nothing in the core listens to the live bus for its own wiring.
import type { DeskEvents } from '../events/desk-events'
import type { LiveBus } from './live-bus'

export function feedLiveBus(events: DeskEvents, bus: LiveBus): () => void {
  const offs = [
    events.on('appointmentsChanged', ({ uids, dates }) =>
      bus.publish({ type: 'appointments', uids: [...uids], dates: [...dates] }),
    ),
    events.on('outboxChanged', () => bus.publish({ type: 'outbox' })),
    events.on('branchChanged', () => bus.publish({ type: 'branch' })),
    events.on('syncChanged', () => bus.publish({ type: 'sync' })),
    events.on('desktopNotifications', () => bus.publish({ type: 'notifications' })),
  ]
  return () => offs.forEach((off) => off())
}
