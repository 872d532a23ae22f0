// Which services a walk-in can be booked for, which one the walk-in opens on, and how a service's
// minimum notice is said when it cannot. Cal.com refuses a start sooner than an event type's
// minimum booking notice (its slots leave those times out), so a walk-in for a service that
// needs 48 hours' notice can only ever read "Nobody is free".
import type { EventTypeInfo } from '../../../../shared/api/schemas'
import { calendarDateInZone } from '../../ui/time/zoned-time'

const MINUTE_MS = 60_000

export type WalkInService = Pick<EventTypeInfo, 'id' | 'minimumNoticeMinutes'>

/**
 * A walk-in is booked for today: the dialog offers the next free time of the branch's today and
 * nothing later. So a service can be a walk-in when the earliest start its notice allows still
 * falls on that day; one whose notice reaches past it can never show a time. A notice the desk
 * does not know yet (null: a desk upgraded past migration 0009 before its first reference
 * refresh) is not held against the service: Cal.com's slots still say whether anyone is free.
 */
export function canWalkIn(
  service: WalkInService,
  at: { now: Date; today: string; timeZone: string },
): boolean {
  const notice = service.minimumNoticeMinutes
  if (notice === null || notice === 0) return true
  const earliest = new Date(at.now.getTime() + notice * MINUTE_MS)
  return calendarDateInZone(earliest, at.timeZone) === at.today
}

/**
 * The service the walk-in opens on, or null when none can be a walk-in today. Among those that
 * can, the one with the shortest known notice: it is the one Cal.com lets start soonest, so the
 * client at the desk waits least (a haircut with no notice, not a colour consultation that needs
 * two hours). Ties keep the list's order (by title), so the choice is the same at every desk and
 * every opening. The branch's most-booked service would be another fair pick, but the desk would
 * have to count bookings per service for it; the notice is already here. Unknown notices come
 * after known ones: a service known to take walk-ins beats one that only may.
 */
export function defaultWalkInService<S extends WalkInService>(
  services: readonly S[],
  at: { now: Date; today: string; timeZone: string },
): S | null {
  let best: S | null = null
  for (const service of services) {
    if (!canWalkIn(service, at)) continue
    if (best === null || noticeRank(service) < noticeRank(best)) best = service
  }
  return best
}

export type BookingKind = 'walk-in' | 'phone'

/**
 * The service the new booking form shows. Until the receptionist picks one, the walk-in's (the
 * dialog opens on a walk-in; a phone booking keeps it, so switching kind does not change the
 * service), or the first when no service can be a walk-in today. A service picked for a phone
 * booking that cannot be a walk-in gives way to the walk-in's own while Walk-in is chosen, and
 * comes back with Phone booking.
 */
export function shownService<S extends WalkInService>(
  services: readonly S[],
  pickedId: number | null,
  kind: BookingKind,
  at: { now: Date; today: string; timeZone: string },
): S | null {
  const walkIn = defaultWalkInService(services, at)
  const shown = services.find((s) => s.id === pickedId) ?? walkIn ?? services[0] ?? null
  if (kind === 'walk-in' && shown && !canWalkIn(shown, at)) return walkIn
  return shown
}

function noticeRank(service: WalkInService): number {
  return service.minimumNoticeMinutes ?? Number.POSITIVE_INFINITY
}

export type NoticeWords =
  | { id: 'booking.needsNoticeMinutes'; values: { minutes: number } }
  | { id: 'booking.needsNoticeHours'; values: { hours: number } }
  | { id: 'booking.needsNoticeDays'; values: { days: number } }

/**
 * "needs 48 hours' notice", in the unit Cal.com's owner most likely typed: whole days from three
 * days up ("3 days", not "72 hours"), whole hours below that ("48 hours", as salons say it), and
 * minutes otherwise ("90 minutes").
 */
export function noticeWords(minutes: number): NoticeWords {
  if (minutes >= 3 * 24 * 60 && minutes % (24 * 60) === 0)
    return { id: 'booking.needsNoticeDays', values: { days: minutes / (24 * 60) } }
  if (minutes >= 60 && minutes % 60 === 0)
    return { id: 'booking.needsNoticeHours', values: { hours: minutes / 60 } }
  return { id: 'booking.needsNoticeMinutes', values: { minutes } }
}
