// The client card: who they are, their upcoming and past visits, the services they come for,
// no-shows and late cancellations, and the desk's notes and alerts about them.
import type {
  ClientCard,
  ClientNote,
  ClientSummary,
  ClientVisit,
} from '../../../shared/api/clients'
import type { ClientNoteRow, ClientRow, ClientStore, VisitRow } from './client-store'

/**
 * A cancellation this close to the start is late. Until services carry their own cancellation
 * policy (DESIGN.md §8), every service uses this window.
 */
export const DEFAULT_CANCELLATION_WINDOW_HOURS = 24

const UPCOMING_SHOWN = 20
const PAST_SHOWN = 50
const HOUR = 3_600_000

export const isLateCancellation = (startsAt: number, cancelledAt: number, windowHours: number) =>
  startsAt - cancelledAt < windowHours * HOUR

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

export function clientCard(store: ClientStore, id: number, now: number): ClientCard | undefined {
  const client = store.byId(id)
  if (!client) return undefined
  const windowHours = DEFAULT_CANCELLATION_WINDOW_HOURS
  const cancelled = store.cancelled(id)
  const late = new Set(
    cancelled
      .filter((c) => isLateCancellation(c.startsAt, c.cancelledAt, windowHours))
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
    upcoming: store
      .visits(id, { from: now, to: Number.MAX_SAFE_INTEGER }, true, UPCOMING_SHOWN)
      .map(visit),
    past: store.visits(id, { from: 0, to: now }, false, PAST_SHOWN).map(visit),
    services: store.services(id),
    noShows: store.noShows(id),
    lateCancellations: late.size,
    cancellationWindowHours: windowHours,
    notes: notes.filter((n) => n.kind === 'note').map(toNote),
    alerts: alerts.map(toNote),
  }
}
