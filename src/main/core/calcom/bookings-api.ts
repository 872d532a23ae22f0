import type { CalcomApiVersions } from './api-versions'
import type { CalcomCredential } from './calcom-credential'
import type { CalcomResult } from './calcom-errors'
import type { CalcomTransport } from './http-transport'
import { Booking, BookingList, BookingOrSeries } from './response-schemas'

/**
 * The event type booked: by id, or by slug + username — that user's own event type, which books
 * them as the host (CreateBookingInput_2024_08_13's `eventTypeSlug` + `username`).
 */
export type BookedEventType = { eventTypeId: number } | { eventTypeSlug: string; username: string }

export type CreateBookingInput = BookedEventType & {
  start: string
  attendee: {
    name: string
    timeZone: string
    email?: string
    phoneNumber?: string
    language?: string
  }
  guests?: string[]
  lengthInMinutes?: number
  bookingFieldsResponses?: Record<string, unknown>
  /** ≤ 50 keys; the outbox puts `frontdeskMutationId` here to find a booking after a timeout. */
  metadata?: Record<string, string>
  location?: Record<string, unknown>
  /** Cal.com's "this host": the Cal.com user ids the booking may go to (`Routing`). */
  routing?: { teamMemberIds: number[] }
}

export interface ListBookingsQuery {
  status?: Array<'upcoming' | 'recurring' | 'past' | 'cancelled' | 'unconfirmed'>
  afterUpdatedAt?: string
  beforeUpdatedAt?: string
  afterStart?: string
  beforeEnd?: string
  eventTypeId?: number
  bookingUid?: string
  attendeeEmail?: string
  sortUpdatedAt?: 'asc' | 'desc'
  sortStart?: 'asc' | 'desc'
  /** 1–250 (Cal.com's default 100). */
  take?: number
  skip?: number
}

/** `/v2/bookings` (cal-api-version 2024-08-13, required: Cal.com routes without it elsewhere). */
export function bookingsApi(
  transport: CalcomTransport,
  credential: CalcomCredential,
  versions: CalcomApiVersions,
) {
  const version = versions.bookings
  const action = (uid: string, name: string, body?: unknown): Promise<CalcomResult<Booking>> =>
    transport.call(credential, {
      method: 'POST',
      path: `/v2/bookings/${encodeURIComponent(uid)}/${name}`,
      body,
      version,
      schema: Booking,
    })
  return {
    /** One booking, or several for a recurring event. Never retried by the client. */
    create(input: CreateBookingInput): Promise<CalcomResult<Booking | Booking[]>> {
      return transport.call(credential, {
        method: 'POST',
        path: '/v2/bookings',
        body: input,
        version,
        schema: BookingOrSeries,
      })
    },
    /** `closing`: aborted, the read is dropped or cut off (a closing desk waits for no answer). */
    get(uid: string, closing?: AbortSignal): Promise<CalcomResult<Booking | Booking[]>> {
      return transport.call(credential, {
        method: 'GET',
        path: `/v2/bookings/${encodeURIComponent(uid)}`,
        version,
        schema: BookingOrSeries,
        signal: closing,
        cutOff: closing,
      })
    },
    /** One page, with Cal.com's pagination block (reconcile walks `skip` until no next page). */
    list(query: ListBookingsQuery = {}, closing?: AbortSignal): Promise<CalcomResult<BookingList>> {
      return transport.call(credential, {
        method: 'GET',
        path: '/v2/bookings',
        query: { ...query },
        version,
        schema: BookingList,
        bare: true,
        signal: closing,
        cutOff: closing,
      })
    },
    cancel(uid: string, input: { cancellationReason?: string } = {}) {
      return action(uid, 'cancel', input)
    },
    /** Creates a new booking (new uid); the old one becomes cancelled with rescheduledToUid. */
    reschedule(
      uid: string,
      input: { start: string; reschedulingReason?: string; rescheduledBy?: string },
    ) {
      return action(uid, 'reschedule', input)
    },
    confirm(uid: string) {
      return action(uid, 'confirm')
    },
    decline(uid: string, input: { reason?: string } = {}) {
      return action(uid, 'decline', input)
    },
    /** Only after the booking's start (Cal.com answers 400 before). */
    markAbsent(
      uid: string,
      input: { host?: boolean; attendees?: Array<{ email: string; absent: boolean }> },
    ) {
      return action(uid, 'mark-absent', input)
    },
  }
}
