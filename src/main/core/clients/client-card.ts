// The client card: who they are, their upcoming and past visits, the services they come for,
// no-shows and late cancellations, and the desk's notes and alerts about them.
import type {
  ClientCard,
  ClientNote,
  ClientSummary,
  ClientVisit,
} from '../../../shared/api/clients'
import { isLateCancellation } from '../../../shared/cancellation/late-cancellation'
import type { CancelledRow, ClientNoteRow, ClientRow, ClientStore, VisitRow } from './client-store'

/**
 * A cancellation this close to the start is late when its service has no cancellation policy of
 * its own (DESIGN.md §8); a service's policy, where the owner set one, decides otherwise.
 */
export const DEFAULT_CANCELLATION_WINDOW_HOURS = 24

/** The cancellation window of a cancelled visit's service, in hours (its policy, or none). */
export type WindowOf = (visit: CancelledRow) => number | undefined

const UPCOMING_SHOWN = 20
const PAST_SHOWN = 50

export function toNote(n: ClientNoteRow): ClientNote {
  return {
    id: n.id,
    kind: n.kind,
    text: n.text,
    author: n.authorPersonId ? { personId: n.authorPersonId, name: n.authorName ?? '' } : null,
    createdAt: new Date(n.createdAt).toISOString(),
    updatedAt: new Date(n.updatedAt).toISOString(),
  }
}

export function toSummary(c: ClientRow, alerts: readonly string[]): ClientSummary {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    bookings: c.bookings,
    lastBooking: c.lastBookingAt === null ? null : new Date(c.lastBookingAt).toISOString(),
    alerts: [...alerts],
  }
}

export function clientCard(
  store: ClientStore,
  id: number,
  now: number,
  windowOf: WindowOf = () => undefined,
): ClientCard | undefined {
  const client = store.byId(id)
  if (!client) return undefined
  const windowHours = DEFAULT_CANCELLATION_WINDOW_HOURS
  const cancelled = store.cancelled(id)
  const late = new Set(
    cancelled
      .filter((c) =>
        isLateCancellation({
          startsAt: c.startsAt,
          cancelledAt: c.cancelledAt,
          windowHours: windowOf(c) ?? windowHours,
        }),
      )
      .map((c) => c.uid),
  )
  const visit = (v: VisitRow): ClientVisit => ({
    uid: v.uid,
    start: new Date(v.startsAt).toISOString(),
    end: new Date(v.endsAt).toISOString(),
    status: v.status,
    service: v.service,
    staffId: v.staffId,
    lateCancellation: v.status === 'CANCELLED' && late.has(v.uid),
  })
  const notes = store.notesOf(id)
  const alerts = notes.filter((n) => n.kind === 'alert')
  return {
    client: toSummary(
      client,
      alerts.map((a) => a.text),
    ),
    ...store.identities(id),
    upcoming: store.visits(id, now, true, UPCOMING_SHOWN).map(visit),
    past: store.visits(id, now, false, PAST_SHOWN).map(visit),
    services: store.services(id),
    noShows: store.noShows(id),
    lateCancellations: late.size,
    cancellationWindowHours: windowHours,
    notes: notes.filter((n) => n.kind === 'note').map(toNote),
    alerts: alerts.map(toNote),
  }
}
