import { Type } from '@sinclair/typebox'
import type { CalcomApiVersions } from './api-versions'
import type { CalcomCredential } from './calcom-credential'
import type { CalcomResult } from './calcom-errors'
import type { CalcomTransport } from './http-transport'
import type { CallPriority } from './rate-governor'
import { SlotReservation, SlotsByDay } from './response-schemas'

/**
 * Whose slots: an event type by id (any of its hosts free), or by slug + username, "an event type
 * of an individual user" — that user's own free times (OpenAPI 2024-09-04).
 */
export type SlotsEventType = { eventTypeId: number } | { eventTypeSlug: string; username: string }

export type SlotsQuery = SlotsEventType & {
  /** UTC ISO date or date-time. */
  start: string
  end: string
  /** Zone the slot times are rendered in (default UTC). */
  timeZone?: string
  format?: 'time' | 'range'
  duration?: number
  bookingUidToReschedule?: string
}

/**
 * `/v2/slots` (cal-api-version 2024-09-04). Slots are public in Cal.com, but the branch's own
 * credential is sent so its rate budget (not the shared anonymous one) is used.
 */
export function slotsApi(
  transport: CalcomTransport,
  credential: CalcomCredential,
  versions: CalcomApiVersions,
) {
  const version = versions.slots
  return {
    /**
     * `retries`: extra attempts on network errors and 5xx (the transport's default if omitted);
     * `priority` and `signal`: see CalcomRequest (a read, dropped while queued once aborted).
     */
    available(
      query: SlotsQuery,
      opts: { retries?: number; priority?: CallPriority; signal?: AbortSignal } = {},
    ): Promise<CalcomResult<SlotsByDay>> {
      return transport.call(credential, {
        method: 'GET',
        path: '/v2/slots',
        query: { ...query },
        version,
        schema: SlotsByDay,
        retries: opts.retries,
        priority: opts.priority,
        signal: opts.signal,
      })
    },
    reserve(input: {
      eventTypeId: number
      slotStart: string
      slotDuration?: number
      reservationDuration?: number
    }): Promise<CalcomResult<SlotReservation>> {
      return transport.call(credential, {
        method: 'POST',
        path: '/v2/slots/reservations',
        body: input,
        version,
        schema: SlotReservation,
      })
    },
    release(reservationUid: string): Promise<CalcomResult<unknown>> {
      return transport.call(credential, {
        method: 'DELETE',
        path: `/v2/slots/reservations/${encodeURIComponent(reservationUid)}`,
        version,
        schema: Type.Unknown(),
        bare: true,
      })
    },
  }
}
