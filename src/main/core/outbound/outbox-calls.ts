// One outbox row as Cal.com calls. A create sends `metadata.frontdeskMutationId`; when an earlier
// attempt's outcome is unknown (timeout, dropped connection, crash mid-call) it first looks for
// the booking by that id and adopts it, so a create is never blindly repeated (DESIGN.md §2).
// A change Cal.com refuses is checked against the booking as it now is: a cancel of a booking
// already cancelled (by the client, say) or declined by the owner has done its job — the client
// is not coming either way — and is not "needs attention".
import type { CalcomClient } from '../calcom/calcom-client'
import { CalcomError, type CalcomResult } from '../calcom/calcom-errors'
import type { Booking } from '../calcom/response-schemas'
import type { OutboxOp, PayloadOf, StoredPayload } from './outbox-payloads'
import type { OutboxRow } from './outbox-store'

export const MUTATION_ID_KEY = 'frontdeskMutationId'

export type CallOutcome =
  { ok: true; booking: Booking; adopted?: boolean } | { ok: false; error: CalcomError }

/** What the call needs to know about the appointment at the time it runs. */
export interface CallContext {
  /** The attendee's email as the desk holds it now (mark-absent names the attendee by email). */
  attendeeEmail: string | null
  /**
   * How Cal.com knows the booking's staff member now (their staff row), when it has one: a
   * create queued for a member known by username only is sent by the id the desk has learnt
   * since (a booking, the team's memberships), or under their username as it is now.
   */
  host?: { hostId: number | null; username: string | null }
}

export async function callCalcom(
  client: CalcomClient,
  row: OutboxRow,
  ctx: CallContext,
): Promise<CallOutcome> {
  const op = row.op as OutboxOp
  const payload = row.payload as StoredPayload
  switch (op) {
    case 'create':
      return create(client, row, withHostNow(payload as StoredPayload<'create'>, ctx.host))
    case 'reschedule': {
      const p = payload as PayloadOf['reschedule']
      const result = await client.bookings.reschedule(row.bookingUid, {
        start: p.start,
        ...(p.reason ? { reschedulingReason: p.reason } : {}),
      })
      if (result.ok || result.error.kind !== 'permanent') return outcome(result)
      return (await rescheduledAlready(client, row.bookingUid, p.start)) ?? outcome(result)
    }
    case 'cancel': {
      const p = payload as PayloadOf['cancel']
      const result = await client.bookings.cancel(row.bookingUid, { cancellationReason: p.reason })
      return checked(
        client,
        row.bookingUid,
        result,
        (b) => b.status === 'cancelled' || b.status === 'rejected',
      )
    }
    case 'confirm': {
      const result = await client.bookings.confirm(row.bookingUid)
      return checked(client, row.bookingUid, result, (b) => b.status === 'accepted')
    }
    case 'decline': {
      const p = payload as PayloadOf['decline']
      const result = await client.bookings.decline(
        row.bookingUid,
        p.reason ? { reason: p.reason } : {},
      )
      return checked(client, row.bookingUid, result, (b) => b.status === 'rejected')
    }
    case 'mark_absent': {
      const p = payload as PayloadOf['mark_absent']
      if (!ctx.attendeeEmail) {
        return fail('The appointment has no attendee email, so Cal.com cannot be told of a no-show')
      }
      const email = ctx.attendeeEmail
      const result = await client.bookings.markAbsent(row.bookingUid, {
        attendees: [{ email, absent: p.absent }],
      })
      return checked(client, row.bookingUid, result, (b) =>
        b.attendees.some((a) => a.email === email && Boolean(a.absent) === p.absent),
      )
    }
    default:
      return fail(`Unknown outbox operation "${row.op}"`)
  }
}

/**
 * A create queued "with" a member known then by username only, named as the desk knows them now:
 * by Cal.com id once learnt (Cal.com's key, which a rename does not change), else by their
 * current username. Its payload as queued stays in the outbox row.
 */
function withHostNow(
  p: StoredPayload<'create'>,
  host: CallContext['host'],
): StoredPayload<'create'> {
  if (!p.hostByUsername || !host) return p
  if (host.hostId !== null) {
    const { hostByUsername: _named, ...byId } = p
    return { ...byId, hostId: host.hostId }
  }
  if (!host.username || host.username === p.hostByUsername.username) return p
  return { ...p, hostByUsername: { ...p.hostByUsername, username: host.username } }
}

async function create(
  client: CalcomClient,
  row: OutboxRow,
  p: StoredPayload<'create'>,
): Promise<CallOutcome> {
  if (p.outcomeUnknown) {
    const found = await findByMutationId(client, row.mutationId, p)
    if (!found.ok) return found
    if (found.value) return { ok: true, booking: found.value, adopted: true }
  }
  const result = await client.bookings.create({
    start: p.start,
    // A member known by username only is booked through their own event type of the service.
    ...(p.hostByUsername
      ? { eventTypeSlug: p.hostByUsername.eventTypeSlug, username: p.hostByUsername.username }
      : { eventTypeId: p.eventTypeId }),
    attendee: p.attendee,
    metadata: { [MUTATION_ID_KEY]: row.mutationId },
    ...(p.notes ? { bookingFieldsResponses: { notes: p.notes } } : {}),
    ...(p.hostId !== undefined ? { routing: { teamMemberIds: [p.hostId] } } : {}),
  })
  if (!result.ok && p.outcomeUnknown && result.error.kind === 'permanent') {
    // Cal.com may carry out the earlier attempt only after the look-up above (it was still at
    // it): the slot is then refused because our own booking took it. Look once more.
    const found = await findByMutationId(client, row.mutationId, p)
    if (found.ok && found.value) return { ok: true, booking: found.value, adopted: true }
  }
  if (!result.ok) return result
  const booking = Array.isArray(result.value) ? result.value[0] : result.value
  return booking ? { ok: true, booking } : fail('Cal.com answered the booking with no booking')
}

/** The booking this mutation created, if Cal.com has it. */
export async function findByMutationId(
  client: CalcomClient,
  mutationId: string,
  p: PayloadOf['create'],
): Promise<CalcomResult<Booking | null>> {
  const margin = 60_000
  const take = 100
  for (let skip = 0; skip < 1_000; skip += take) {
    const page = await client.bookings.list({
      afterStart: new Date(Date.parse(p.start) - margin).toISOString(),
      beforeEnd: new Date(Date.parse(p.end) + margin).toISOString(),
      ...(p.attendee.email ? { attendeeEmail: p.attendee.email } : {}),
      take,
      skip,
    })
    if (!page.ok) return page
    const match = page.value.data.find((b) => b.metadata?.[MUTATION_ID_KEY] === mutationId)
    if (match) return { ok: true, value: match }
    if (!page.value.pagination?.hasNextPage) break
  }
  return { ok: true, value: null }
}

/** A refused change that Cal.com's booking already shows counts as done. */
async function checked(
  client: CalcomClient,
  uid: string,
  result: CalcomResult<Booking>,
  satisfied: (b: Booking) => boolean,
): Promise<CallOutcome> {
  if (result.ok || result.error.kind !== 'permanent') return outcome(result)
  const now = await client.bookings.get(uid)
  if (now.ok && !Array.isArray(now.value) && satisfied(now.value)) {
    return { ok: true, booking: now.value, adopted: true }
  }
  return outcome(result)
}

/** Cal.com refuses to reschedule twice; if our reschedule already happened, adopt its result. */
async function rescheduledAlready(
  client: CalcomClient,
  uid: string,
  start: string,
): Promise<CallOutcome | undefined> {
  const old = await client.bookings.get(uid)
  if (!old.ok || Array.isArray(old.value) || !old.value.rescheduledToUid) return undefined
  const next = await client.bookings.get(old.value.rescheduledToUid)
  if (!next.ok || Array.isArray(next.value)) return undefined
  return Date.parse(next.value.start) === Date.parse(start)
    ? { ok: true, booking: next.value, adopted: true }
    : undefined
}

const outcome = (r: CalcomResult<Booking>): CallOutcome =>
  r.ok ? { ok: true, booking: r.value } : { ok: false, error: r.error }

const fail = (message: string): CallOutcome => ({
  ok: false,
  error: new CalcomError('permanent', 'REJECTED', message),
})
