// Which notification kind a stored Cal.com delivery is (DESIGN.md §8), with the facts a message
// needs. A delivery that notifies no one (MEETING_ENDED, PING, unknown triggers, form bodies)
// yields undefined.
import type { NotificationKind } from '../../../src/shared/notifications/kinds.js'
import type { DailySummary, RelayProblem } from '../storage/notification-types.js'
import {
  isLateCancellation,
  policyFor,
  type CancellationPolicy,
} from '../../../src/shared/cancellation/late-cancellation.js'

export interface BookingFacts {
  uid: string | null
  title: string | null
  /** ISO 8601, as Cal.com sent it. */
  startTime: string | null
  attendee: string | null
}

export interface NotificationSource {
  kind: NotificationKind
  /** The event the notifications are about: the same booking change twice is one source. */
  sourceKey: string
  branchId: string
  occurredAt: Date
  /** The branch's IANA zone as Cal.com told it (the organizer's), when known. */
  zone: string | null
  booking: BookingFacts | null
  /** A desk report's own sentence. */
  summary: string | null
  /** A problem the relay found itself, worded in each recipient's language. */
  problem?: RelayProblem | null
  /** summary.daily: what the day before held, per branch. */
  daily?: DailySummary | null
}

const TRIGGER_KINDS: Record<string, NotificationKind> = {
  BOOKING_CREATED: 'booking.created',
  BOOKING_REQUESTED: 'booking.requested',
  BOOKING_RESCHEDULED: 'booking.rescheduled',
  BOOKING_CANCELLED: 'booking.cancelled',
  BOOKING_NO_SHOW_UPDATED: 'booking.no_show',
  BOOKING_PAID: 'booking.paid',
  BOOKING_REJECTED: 'booking.rejected',
}

type Json = Record<string, unknown>
const obj = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/** Inside the service's cancellation window, by the one rule the desk uses too. */
function isLate(
  policies: readonly CancellationPolicy[],
  branchId: string,
  eventTypeId: unknown,
  startTime: string | null,
  at: Date,
): boolean {
  if (typeof eventTypeId !== 'number' || startTime === null) return false
  const policy = policyFor(policies, branchId, eventTypeId)
  if (!policy) return false
  return isLateCancellation({
    startsAt: startTime,
    cancelledAt: at,
    windowHours: policy.windowHours,
  })
}

export function classifyDelivery(
  delivery: { channelId: string; seq: number; contentType: string; body: Buffer; receivedAt: Date },
  policies: readonly CancellationPolicy[],
): NotificationSource | undefined {
  if (!delivery.contentType.toLowerCase().startsWith('application/json')) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(delivery.body.toString('utf8'))
  } catch {
    return undefined
  }
  const envelope = obj(parsed)
  const trigger = str(envelope?.triggerEvent)
  let kind = trigger === null ? undefined : TRIGGER_KINDS[trigger]
  const payload = obj(envelope?.payload)
  if (!kind || !payload) return undefined
  const branchId = delivery.channelId
  const createdAt = str(envelope?.createdAt) ?? ''
  // When Cal.com says it happened (a late cancellation is judged by it); else when it arrived.
  const sent = Date.parse(createdAt)
  const occurredAt = Number.isNaN(sent) ? delivery.receivedAt : new Date(sent)

  if (kind === 'booking.no_show') {
    const attendees = Array.isArray(payload.attendees) ? payload.attendees.map(obj) : []
    const absent = attendees.filter((a) => a?.noShow === true)
    if (absent.length === 0) return undefined
    const uid = str(payload.bookingUid)
    return {
      kind,
      sourceKey: `bk:${branchId}:${trigger}:${uid ?? delivery.seq}:${createdAt}`,
      branchId,
      occurredAt,
      zone: null,
      booking: {
        uid,
        title: null,
        startTime: null,
        attendee:
          absent
            .map((a) => str(a?.email))
            .filter(Boolean)
            .join(', ') || null,
      },
      summary: null,
    }
  }

  const uid = str(payload.uid)
  const startTime = str(payload.startTime)
  if (
    kind === 'booking.cancelled' &&
    isLate(policies, branchId, payload.eventTypeId, startTime, occurredAt)
  )
    kind = 'booking.late_cancellation'
  const attendees = Array.isArray(payload.attendees) ? payload.attendees.map(obj) : []
  return {
    kind,
    // A booking changes once per trigger and start time; a redelivery with a fresh envelope is
    // still the same change. Without a uid, the stored event is the source.
    sourceKey:
      uid === null
        ? `evt:${branchId}:${delivery.seq}`
        : `bk:${branchId}:${trigger}:${uid}:${startTime ?? ''}`,
    branchId,
    occurredAt,
    zone: str(obj(payload.organizer)?.timeZone),
    booking: {
      uid,
      title: str(payload.title),
      startTime,
      attendee: str(attendees[0]?.name) ?? str(attendees[0]?.email),
    },
    summary: null,
  }
}
