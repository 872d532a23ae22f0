// Cal.com → desk, as pure functions (DESIGN.md §3, REFERENCE.md §3–§4): an API v2 booking
// becomes a CalcomBookingState; a webhook body becomes the list of changes it carries. Nothing
// here touches the database or throws for Cal.com's sake: a body we cannot read, an unknown
// trigger or an unknown status comes back as a `notice` that sync health shows.
import { createHash } from 'node:crypto'
import { DESK_WEBHOOK_TRIGGERS } from '../../../shared/calcom/webhook-triggers'
import type { AppointmentStatus } from '../../../shared/domain/appointment-status'
import { isRealInstant } from '../../../shared/time/real-instant'
import type { DESK_EVENT_UNREADABLE } from '../../../shared/api/sync-problems'
import type { Booking } from '../calcom/response-schemas'
import type { CalcomHost } from '../connect/staff-from-calcom'

/** A desk status Cal.com itself can state (NO_SHOW is layered on top, see booking-merge.ts). */
export type BaseStatus = Exclude<AppointmentStatus, 'NO_SHOW'>

export interface CalcomAttendee {
  name: string
  email: string | null
  phone: string | null
  timeZone: string | null
}

/** A booking as Cal.com describes it, in the desk's words. `undefined` = "this source does not say". */
export interface CalcomBookingState {
  uid: string
  calcomId: number | null
  calcomEventTypeId: number | null
  host: CalcomHost | null
  title: string
  start: string
  end: string
  /** null when Cal.com's status is one the desk does not know (kept as it was). */
  status: BaseStatus | null
  rawStatus: string
  attendee: CalcomAttendee
  /** Whether the booker is marked absent. */
  noShow: boolean | undefined
  rescheduledFromUid: string | null | undefined
  rescheduledToUid: string | null | undefined
  cancellationReason: string | null | undefined
  requestReschedule: boolean | undefined
  rejectionReason: string | null | undefined
  /** Only ever turns true: Cal.com's API does not say whether a booking was paid. */
  paid: boolean | undefined
  metadata: Record<string, string> | undefined
}

/** Cal.com's version of what it tells us: updatedAt, or a webhook's send time (epoch ms). */
export type Version = number | null

export type BookingChange =
  /** The whole booking as Cal.com holds it (API, or a booking webhook's payload). */
  | { kind: 'state'; booking: CalcomBookingState; version: Version; origin: 'api' | 'webhook' }
  /** The old half of a reschedule (`payload.rescheduleUid`). */
  | {
      kind: 'retire'
      uid: string
      rescheduledToUid: string
      version: Version
      /** What we know of the old booking when the desk never saw it. */
      fallback: CalcomBookingState
    }
  /** BOOKING_NO_SHOW_UPDATED: not a booking, just who was (un)marked absent. */
  | {
      kind: 'noShow'
      uid: string
      attendees: Array<{ email: string; noShow: boolean }>
      version: Version
    }
  /** MEETING_ENDED: a moment, not a state change. */
  | { kind: 'completed'; booking: CalcomBookingState; version: Version }
  /** BOOKING_PAID: the paid flag, plus the booking as it then was. */
  | { kind: 'paid'; booking: CalcomBookingState; version: Version }

export type NoticeCode =
  'UNKNOWN_TRIGGER' | 'UNKNOWN_STATUS' | 'MALFORMED_EVENT' | typeof DESK_EVENT_UNREADABLE

export interface SyncNotice {
  code: NoticeCode
  message: string
}

export interface MappedWebhook {
  trigger: string
  /** Dedupe key for applied_events (REFERENCE.md §4.4: trigger, booking uid, createdAt). */
  key: string
  changes: BookingChange[]
  notices: SyncNotice[]
}

/** Triggers the desk reads. */
export const HANDLED_TRIGGERS = DESK_WEBHOOK_TRIGGERS

/** Triggers Cal.com documents that change nothing at the desk: kept, not flagged. */
const QUIET_TRIGGERS = new Set([
  'PING',
  'MEETING_STARTED',
  'BOOKING_PAYMENT_INITIATED',
  'FORM_SUBMITTED',
  'FORM_SUBMITTED_NO_EVENT',
  'RECORDING_READY',
  'RECORDING_TRANSCRIPTION_GENERATED',
  'INSTANT_MEETING',
  'OOO_CREATED',
  'AFTER_HOSTS_CAL_VIDEO_NO_SHOW',
  'AFTER_GUESTS_CAL_VIDEO_NO_SHOW',
  'DELEGATION_CREDENTIAL_ERROR',
  // Not Cal.com's: the relay's "the business changed" (BusinessChangedEvent in the relay
  // contract), written to the same channel log. Ignored here; reading it is the business copy's.
  'FRONTDESK_BUSINESS_CHANGED',
  // Desk events are read by the applier (shared-state/), never as Cal.com news.
  'FRONTDESK_DESK_EVENT',
])

/**
 * Triggers that can carry a reschedule (`rescheduleUid`): a reschedule that needs confirmation
 * again (the client moved a booking of an event type that requires it) comes as
 * BOOKING_REQUESTED with the same reschedule fields, status PENDING.
 */
const RESCHEDULE_TRIGGERS = new Set(['BOOKING_RESCHEDULED', 'BOOKING_REQUESTED'])

const STATUS: Record<string, BaseStatus> = {
  ACCEPTED: 'SCHEDULED',
  PENDING: 'PENDING',
  CANCELLED: 'CANCELLED',
  REJECTED: 'REJECTED',
}

type Json = Record<string, unknown>
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null)
/**
 * Epoch ms of an RFC 3339 time that exists, else null. Not Date.parse alone: it rolls
 * 2026-02-30 over to March 2, which would put a booking on a day Cal.com never meant.
 */
const time = (v: unknown): number | null =>
  typeof v === 'string' && isRealInstant(v) ? Date.parse(v) : null
/** Webhook times come as `…Z` or `…+00:00` (REFERENCE.md §4.6): normalise, never string-compare. */
const iso = (v: unknown): string | null => {
  const ms = time(v)
  return ms === null ? null : new Date(ms).toISOString()
}
const stringsOnly = (v: unknown): Record<string, string> | undefined =>
  isObj(v)
    ? Object.fromEntries(
        Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'),
      )
    : undefined

const withoutVideoUrl = (m: Record<string, string> | undefined) => {
  if (!m) return m
  const { videoCallUrl: _video, ...rest } = m
  return rest
}

export function mapStatus(raw: string): BaseStatus | null {
  return STATUS[raw.toUpperCase()] ?? null
}

// ---------------------------------------------------------------------------------------------
// API v2 bookings (reconcile, and the booking fetched when in doubt)

export function mapApiBooking(b: Booking): CalcomBookingState {
  const first = b.attendees[0]
  const host = b.hosts[0]
  let status = mapStatus(b.status)
  // The old half of a reschedule is `cancelled` with `rescheduledToUid` (REFERENCE.md §3).
  if (status === 'CANCELLED' && b.rescheduledToUid) status = 'RESCHEDULED'
  return {
    uid: b.uid,
    calcomId: b.id,
    calcomEventTypeId: b.eventType?.id ?? b.eventTypeId ?? null,
    host: host
      ? {
          id: host.id,
          username: host.username ?? null,
          name: host.name || host.username || `Host ${host.id}`,
          email: host.email ?? null,
        }
      : null,
    title: b.title,
    start: new Date(b.start).toISOString(),
    end: new Date(b.end).toISOString(),
    status,
    rawStatus: b.status,
    attendee: {
      name: first?.name || first?.email || 'Unknown',
      email: first?.email ?? null,
      phone: first?.phoneNumber ?? null,
      timeZone: first?.timeZone ?? null,
    },
    noShow: first ? first.absent === true : undefined,
    rescheduledFromUid: b.rescheduledFromUid ?? null,
    rescheduledToUid: b.rescheduledToUid ?? null,
    cancellationReason: b.cancellationReason ?? null,
    requestReschedule: undefined,
    rejectionReason: undefined,
    paid: undefined,
    metadata: stringsOnly(b.metadata) ?? {},
  }
}

export function apiVersion(b: Booking): Version {
  return time(b.updatedAt)
}

// ---------------------------------------------------------------------------------------------
// Webhook bodies

/** A booking payload (enveloped triggers) as a state; null when it lacks what a booking needs. */
function fromPayload(p: Json, trigger: string): CalcomBookingState | null {
  const uid = str(p.uid)
  const start = iso(p.startTime)
  const end = iso(p.endTime)
  if (!uid || !start || !end) return null
  const attendees = Array.isArray(p.attendees) ? p.attendees.filter(isObj) : []
  const first = attendees[0]
  const responses = isObj(p.responses) ? p.responses : {}
  const phoneResponse = isObj(responses.attendeePhoneNumber)
    ? str(responses.attendeePhoneNumber.value)
    : null
  const organizer = isObj(p.organizer) ? p.organizer : null
  const rawStatus = str(p.status) ?? ''
  return {
    uid,
    calcomId: int(p.bookingId),
    calcomEventTypeId: int(p.eventTypeId),
    host: organizer
      ? {
          id: int(organizer.id),
          username: str(organizer.username),
          name: str(organizer.name) ?? str(organizer.username) ?? 'Host',
          email: str(organizer.email),
        }
      : null,
    title: str(p.title) ?? str(p.eventTitle) ?? 'Booking',
    start,
    end,
    status: mapStatus(rawStatus),
    rawStatus,
    attendee: {
      name: str(first?.name) ?? str(first?.email) ?? 'Unknown',
      email: str(first?.email),
      phone: str(first?.phoneNumber) ?? phoneResponse,
      timeZone: str(first?.timeZone),
    },
    noShow: undefined,
    rescheduledFromUid: RESCHEDULE_TRIGGERS.has(trigger) ? str(p.rescheduleUid) : undefined,
    rescheduledToUid: undefined,
    cancellationReason: trigger === 'BOOKING_CANCELLED' ? str(p.cancellationReason) : undefined,
    requestReschedule: trigger === 'BOOKING_CANCELLED' ? p.requestReschedule === true : undefined,
    rejectionReason: trigger === 'BOOKING_REJECTED' ? str(p.rejectionReason) : undefined,
    paid: trigger === 'BOOKING_PAID' ? true : undefined,
    // BOOKING_PAID's metadata describes the payment, not the booking. `videoCallUrl` is added
    // to webhooks only; the API's metadata lacks it, and the two must not flip-flop.
    metadata: trigger === 'BOOKING_PAID' ? undefined : withoutVideoUrl(stringsOnly(p.metadata)),
  }
}

/** MEETING_* bodies are the flat booking row (REFERENCE.md §4.2). */
function fromFlatRow(row: Json): CalcomBookingState | null {
  const uid = str(row.uid)
  const start = iso(row.startTime)
  const end = iso(row.endTime)
  if (!uid || !start || !end) return null
  const attendees = Array.isArray(row.attendees) ? row.attendees.filter(isObj) : []
  const first = attendees[0]
  const user = isObj(row.user) ? row.user : null
  const rawStatus = str(row.status) ?? ''
  return {
    uid,
    calcomId: int(row.id),
    calcomEventTypeId: int(row.eventTypeId),
    host: user
      ? {
          id: int(row.userId),
          username: str(user.username),
          name: str(user.name) ?? str(user.username) ?? 'Host',
          email: str(user.email),
        }
      : null,
    title: str(row.title) ?? 'Booking',
    start,
    end,
    status: mapStatus(rawStatus),
    rawStatus,
    attendee: {
      name: str(first?.name) ?? str(first?.email) ?? 'Unknown',
      email: str(first?.email),
      phone: str(first?.phoneNumber),
      timeZone: str(first?.timeZone),
    },
    noShow: first ? first.noShow === true : undefined,
    rescheduledFromUid: str(row.fromReschedule),
    rescheduledToUid: undefined,
    cancellationReason: str(row.cancellationReason),
    requestReschedule: undefined,
    rejectionReason: str(row.rejectionReason),
    paid: row.paid === true ? true : undefined,
    metadata: stringsOnly(row.metadata),
  }
}

/** The booking times a webhook body may carry (a reschedule's old half's too). */
const PAYLOAD_TIMES = ['startTime', 'endTime', 'rescheduleStartTime', 'rescheduleEndTime'] as const
const FLAT_TIMES = ['startTime', 'endTime'] as const

/**
 * The first booking time the body gives that is no time that exists (a Feb 30, a 24:00, not
 * RFC 3339), named as the body spells it. Refused rather than dropped: left out, a reschedule's
 * old times would fall back to the new ones, and a start would read as missing, which hides
 * what Cal.com (or whoever posted it) actually sent.
 */
function unrealTime(body: Json, at: string, fields: readonly string[]): string | null {
  for (const field of fields) {
    const value = body[field]
    if (value === undefined || value === null) continue
    if (typeof value === 'string' && isRealInstant(value)) continue
    const shown = JSON.stringify(value).slice(0, 40)
    return `had ${at}${field} ${shown}, which is not a time that exists`
  }
  return null
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32)

/**
 * Reads one delivery exactly as Cal.com sent it. Never throws: whatever cannot be read becomes a
 * notice, and the event is still keyed so it is recorded once and never retried forever.
 */
export function mapWebhookBody(body: string): MappedWebhook {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    parsed = undefined
  }
  if (!isObj(parsed) || typeof parsed.triggerEvent !== 'string') {
    return {
      trigger: 'UNREADABLE',
      key: `body:${sha(body)}`,
      changes: [],
      notices: [
        {
          code: 'MALFORMED_EVENT',
          message:
            'An event from Cal.com was not JSON with a triggerEvent; it was kept and skipped.',
        },
      ],
    }
  }
  const trigger = parsed.triggerEvent
  const flat = trigger === 'MEETING_ENDED' || trigger === 'MEETING_STARTED'
  const payload = flat ? parsed : isObj(parsed.payload) ? parsed.payload : null
  const uid = str(payload?.uid) ?? str(payload?.bookingUid) ?? '-'
  const stamp = flat ? (str(parsed.idempotencyKey) ?? str(parsed.updatedAt)) : str(parsed.createdAt)
  const key = stamp ? `${trigger}:${uid}:${stamp}` : `body:${sha(body)}`
  const version = flat ? time(parsed.updatedAt) : time(parsed.createdAt)
  const out: MappedWebhook = { trigger, key, changes: [], notices: [] }
  const malformed = (what: string) =>
    out.notices.push({
      code: 'MALFORMED_EVENT',
      message: `${trigger} for ${uid} ${what}; it was kept and skipped.`,
    })

  if (!(HANDLED_TRIGGERS as readonly string[]).includes(trigger)) {
    if (!QUIET_TRIGGERS.has(trigger)) {
      out.notices.push({
        code: 'UNKNOWN_TRIGGER',
        message: `Cal.com sent a ${trigger} event the desk does not know; it was kept and skipped.`,
      })
    }
    return out
  }
  if (!payload) {
    malformed('had no payload')
    return out
  }

  if (trigger === 'BOOKING_NO_SHOW_UPDATED') {
    const bookingUid = str(payload.bookingUid)
    const attendees = (Array.isArray(payload.attendees) ? payload.attendees : [])
      .filter(isObj)
      .flatMap((a) =>
        str(a.email) && typeof a.noShow === 'boolean'
          ? [{ email: a.email as string, noShow: a.noShow }]
          : [],
      )
    if (!bookingUid || attendees.length === 0) malformed('named no booking or attendee')
    else out.changes.push({ kind: 'noShow', uid: bookingUid, attendees, version })
    return out
  }

  const badTime = flat
    ? unrealTime(payload, '', FLAT_TIMES)
    : unrealTime(payload, 'payload.', PAYLOAD_TIMES)
  if (badTime) {
    malformed(badTime)
    return out
  }
  const booking = flat ? fromFlatRow(payload) : fromPayload(payload, trigger)
  if (!booking) {
    malformed('lacked a uid, start or end')
    return out
  }
  if (booking.status === null && booking.rawStatus !== '') {
    out.notices.push({
      code: 'UNKNOWN_STATUS',
      message: `Cal.com sent status "${booking.rawStatus}" for ${booking.uid}, which the desk does not know; its status was kept.`,
    })
  }
  switch (trigger) {
    case 'MEETING_ENDED':
      out.changes.push({ kind: 'completed', booking, version })
      break
    case 'BOOKING_PAID':
      out.changes.push({ kind: 'paid', booking, version })
      break
    case 'BOOKING_RESCHEDULED':
    case 'BOOKING_REQUESTED': {
      out.changes.push({ kind: 'state', booking, version, origin: 'webhook' })
      const oldUid = str(payload.rescheduleUid)
      if (oldUid && oldUid !== booking.uid) {
        out.changes.push({
          kind: 'retire',
          uid: oldUid,
          rescheduledToUid: booking.uid,
          version,
          fallback: {
            ...booking,
            uid: oldUid,
            calcomId: int(payload.rescheduleId),
            start: iso(payload.rescheduleStartTime) ?? booking.start,
            end: iso(payload.rescheduleEndTime) ?? booking.end,
            status: 'RESCHEDULED',
            rescheduledFromUid: null,
            rescheduledToUid: booking.uid,
          },
        })
      }
      break
    }
    case 'BOOKING_CANCELLED':
      // Cal.com says CANCELLED here; the payload status is only a fallback for odd bodies.
      out.changes.push({
        kind: 'state',
        booking: { ...booking, status: 'CANCELLED' },
        version,
        origin: 'webhook',
      })
      break
    case 'BOOKING_REJECTED':
      out.changes.push({
        kind: 'state',
        booking: { ...booking, status: 'REJECTED' },
        version,
        origin: 'webhook',
      })
      break
    default:
      out.changes.push({ kind: 'state', booking, version, origin: 'webhook' })
  }
  return out
}

/** The booking uids an event is about (for health and for the fetch-when-in-doubt). */
export function uidsOf(changes: readonly BookingChange[]): string[] {
  return [...new Set(changes.map((c) => ('booking' in c ? c.booking.uid : c.uid)))]
}
