// The merge rules on their own (no database): what a change does to the row the desk holds.
import { describe, expect, it } from 'vitest'
import { mapWebhookBody, type BookingChange, type CalcomBookingState } from './booking-mapping'
import { mergeChange, type Refs, type StoredRow } from './booking-merge'
import type { CalcomColumns } from './calcom-booking-store'
import { stamped } from './webhook-examples.test-support'

const ANA = 1252
const NOAH = 1255
const staffIds: Record<number, number> = { [ANA]: 1, [NOAH]: 4 }
const refs = (b: CalcomBookingState): Refs => ({
  branchId: 1,
  eventTypeId: null,
  staffId: b.host?.id != null ? (staffIds[b.host.id] ?? null) : null,
})

/** The row the desk stores for a write outcome (desk-owned columns at their defaults). */
function stored(uid: string, row: CalcomColumns): StoredRow {
  return {
    ...row,
    uid,
    clientId: null,
    visitState: 'NONE',
    walkIn: false,
    deskNotes: null,
    syncState: 'synced',
    createdAt: 0,
    updatedAt: 0,
  }
}

describe('a reschedule of a booking the desk never saw', () => {
  // Found by the convergence test (seed 158, under load): the old booking's row was built from
  // the new booking's host, and the reconcile that read the old booking's real host counted as
  // stale because the row carried the webhook's later send time.
  const sentAt = '2026-11-24T14:00:04.206Z'
  const webhook = stamped('booking_rescheduled.json', sentAt, {
    uid: 'new-half',
    rescheduleUid: 'old-half',
    organizer: {
      id: ANA,
      name: 'Ana',
      email: 'ana@example.com',
      username: 'ana',
      timeZone: 'UTC',
      language: { locale: 'en' },
    },
  })
  const retire = mapWebhookBody(webhook).changes.find((c) => c.kind === 'retire')!

  it('shows the old half as rescheduled, with no Cal.com version of its own', () => {
    const out = mergeChange(undefined, retire, refs)
    expect(out.action).toBe('write')
    if (out.action !== 'write') return
    expect(out.row).toMatchObject({
      status: 'RESCHEDULED',
      rescheduledToUid: 'new-half',
      calcomUpdatedAt: null,
    })
  })

  it("lets Cal.com's own state of the old half replace the guess, even a few ms older than the webhook", () => {
    const guess = mergeChange(undefined, retire, refs)
    if (guess.action !== 'write') throw new Error('expected a write')
    expect(guess.row.staffId).toBe(staffIds[ANA])
    if (retire.kind !== 'retire') throw new Error('expected a retire change')
    const truth: BookingChange = {
      kind: 'state',
      origin: 'api',
      version: Date.parse(sentAt) - 3,
      booking: {
        ...retire.fallback,
        host: { id: NOAH, username: 'noah', name: 'Noah', email: 'noah@example.com' },
        rescheduledFromUid: 'first-half',
      },
    }
    const out = mergeChange(stored('old-half', guess.row), truth, refs)
    expect(out.action).toBe('write')
    if (out.action !== 'write') return
    expect(out.row).toMatchObject({
      staffId: staffIds[NOAH],
      rescheduledFromUid: 'first-half',
      calcomUpdatedAt: Date.parse(sentAt) - 3,
    })
  })

  it('keeps the old half rescheduled when the booking it was arrives late as BOOKING_CREATED', () => {
    const guess = mergeChange(undefined, retire, refs)
    if (guess.action !== 'write') throw new Error('expected a write')
    const created = mapWebhookBody(
      stamped('booking_created.json', '2026-11-24T13:00:00.000Z', { uid: 'old-half' }),
    ).changes[0]!
    expect(mergeChange(stored('old-half', guess.row), created, refs).action).toBe('stale')
  })
})

describe('a payment heard before the booking it pays', () => {
  // Found by the convergence test (seed 30): the desk's own walk-in was held while its outbox
  // row ran, BOOKING_PAID made the row (a payment's metadata is the payment's, not the booking's),
  // and the outbox finding its booking through the API — stamped a millisecond before the
  // webhook's send time — was dropped as older news: the desk never had the booking's metadata.
  const sentAt = '2026-12-01T14:00:05.468Z'
  const paid = mapWebhookBody(stamped('booking_paid.json', sentAt, { uid: 'walk-in' })).changes[0]!

  it('makes a paid row with no Cal.com version of its own', () => {
    expect(paid.kind).toBe('paid')
    const out = mergeChange(undefined, paid, refs)
    expect(out.action).toBe('write')
    if (out.action !== 'write') return
    expect(out.row).toMatchObject({ paid: true, metadata: null, calcomUpdatedAt: null })
  })

  it("lets Cal.com's own state fill in the booking's metadata, though stamped before the webhook", () => {
    const first = mergeChange(undefined, paid, refs)
    if (first.action !== 'write' || paid.kind !== 'paid') throw new Error('expected a paid write')
    const truth: BookingChange = {
      kind: 'state',
      origin: 'api',
      version: Date.parse(sentAt) - 1,
      booking: { ...paid.booking, metadata: { frontdeskMutationId: 'm-1' } },
    }
    const out = mergeChange(stored('walk-in', first.row), truth, refs)
    expect(out.action).toBe('write')
    if (out.action !== 'write') return
    expect(out.row).toMatchObject({
      paid: true,
      metadata: { frontdeskMutationId: 'm-1' },
      calcomUpdatedAt: Date.parse(sentAt) - 1,
    })
  })
})

describe("a request to reschedule heard before the desk's own walk-in was found on Cal.com", () => {
  // Found by the convergence test (seed 178, under load): the answer to the desk's create was
  // lost; before the outbox found the booking by its mutation id, the owner asked the client to
  // reschedule. That BOOKING_CANCELLED carries no metadata (nor does a plain cancel's, a
  // rejection's or a payment's), so it made a row without the booking's frontdeskMutationId, at
  // the webhook's send time; the booking the outbox found, and every reconcile after, was stamped
  // a millisecond earlier and dropped as older news: the desk never had the mutation id.
  const sentAt = '2026-12-01T14:00:02.120Z'
  const cancel = mapWebhookBody(
    stamped('booking_cancelled_request_reschedule.ASSEMBLED.json', sentAt, { uid: 'walk-in' }),
  ).changes[0]!
  const made = () => {
    const out = mergeChange(undefined, cancel, refs)
    if (out.action !== 'write' || cancel.kind !== 'state') throw new Error('expected a write')
    return { row: out.row, booking: cancel.booking }
  }

  it('shows the cancelled booking, without metadata the body never gave', () => {
    const { row } = made()
    expect(row).toMatchObject({
      status: 'CANCELLED',
      requestReschedule: true,
      metadata: null,
      calcomUpdatedAt: Date.parse(sentAt),
    })
  })

  it("takes the booking's metadata from Cal.com's own state, though stamped before the webhook", () => {
    const { row, booking } = made()
    const truth: BookingChange = {
      kind: 'state',
      origin: 'api',
      version: Date.parse(sentAt) - 1,
      booking: {
        ...booking,
        requestReschedule: undefined,
        metadata: { frontdeskMutationId: 'm-178' },
      },
    }
    const out = mergeChange(stored('walk-in', row), truth, refs)
    expect(out.action).toBe('write')
    if (out.action !== 'write') return
    expect(out.row).toMatchObject({
      status: 'CANCELLED',
      requestReschedule: true,
      metadata: { frontdeskMutationId: 'm-178' },
      calcomUpdatedAt: Date.parse(sentAt),
    })
  })

  it('keeps the metadata it holds when older news says otherwise', () => {
    const { row, booking } = made()
    const held = stored('walk-in', { ...row, metadata: { frontdeskMutationId: 'm-178' } })
    const older: BookingChange = {
      kind: 'state',
      origin: 'api',
      version: Date.parse(sentAt) - 1,
      booking: { ...booking, metadata: { frontdeskMutationId: 'other' } },
    }
    expect(mergeChange(held, older, refs).action).toBe('stale')
  })
})
