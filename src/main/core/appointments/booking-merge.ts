// How one change from Cal.com meets the appointment the desk holds — a pure function, so the
// rules can be read (and property-tested) without a database.
//
// Apply by state, not by arrival (DESIGN.md §2). Every row remembers the Cal.com version of the
// state it holds (`calcomUpdatedAt`: the booking's updatedAt, or a webhook's createdAt, which is
// its send time). A change older than that is stale and ignored. A webhook exactly as old as
// what we hold but saying something different is a doubt: the caller fetches the booking.
// What the API says at an equal version wins, because the API is the truth.
//
// The desk's own columns (visit state, walk-in, desk notes, client, sync state) are never part
// of a merge. Rows whose `syncState` is `pending` belong to the outbox: Cal.com news for them
// is HELD (not applied) so the receptionist's change stays on screen; the caller refreshes
// those bookings from Cal.com once the outbox lets go of them.
import type { HistoryChange, HistoryCode, HistoryParams } from '../../../shared/api/history-codes'
import type { AppointmentRow } from './appointment-store'
import type { CalcomColumns } from './calcom-booking-store'
import type { BaseStatus, BookingChange, CalcomBookingState, Version } from './booking-mapping'

export type StoredRow = AppointmentRow

export interface Refs {
  branchId: number
  eventTypeId: number | null
  staffId: number | null
}

export type MergeOutcome =
  | {
      action: 'write'
      uid: string
      row: CalcomColumns
      /** The history entry for this change; null = only the version moved. */
      change: HistoryCode | null
      detail: HistoryChange['params']
    }
  /** Nothing to do: the desk already shows this. */
  | { action: 'none'; uid: string }
  /** Older than what the desk holds. */
  | { action: 'stale'; uid: string }
  /** Cannot tell from the event alone: fetch the booking from Cal.com. */
  | { action: 'doubt'; uid: string }
  /** The outbox owns the row (syncState pending): refresh it later. */
  | { action: 'held'; uid: string }

const PRESENTABLE: ReadonlySet<BaseStatus> = new Set(['SCHEDULED', 'COMPLETED'])

/** The status under a no-show. */
export const baseOf = (row: Pick<StoredRow, 'status' | 'statusBeforeNoShow'>): BaseStatus =>
  row.status === 'NO_SHOW'
    ? ((row.statusBeforeNoShow as BaseStatus | null) ?? 'SCHEDULED')
    : row.status

const columnsOf = (row: StoredRow): CalcomColumns => ({
  calcomId: row.calcomId,
  branchId: row.branchId,
  eventTypeId: row.eventTypeId,
  staffId: row.staffId,
  title: row.title,
  startsAt: row.startsAt,
  endsAt: row.endsAt,
  status: row.status,
  statusBeforeNoShow: row.statusBeforeNoShow,
  attendeeName: row.attendeeName,
  attendeeEmail: row.attendeeEmail,
  attendeePhone: row.attendeePhone,
  attendeeTimeZone: row.attendeeTimeZone,
  rescheduledFromUid: row.rescheduledFromUid,
  rescheduledToUid: row.rescheduledToUid,
  cancellationReason: row.cancellationReason,
  requestReschedule: row.requestReschedule,
  rejectionReason: row.rejectionReason,
  paid: row.paid,
  metadata: row.metadata && Object.keys(row.metadata).length ? row.metadata : null,
  calcomUpdatedAt: row.calcomUpdatedAt,
})

const maxVersion = (a: number | null, b: Version): number | null =>
  a === null ? b : b === null ? a : Math.max(a, b)

/** Status with a no-show laid over it (only a booking that was on can be missed). */
export function withNoShow(base: BaseStatus, noShow: boolean) {
  return noShow && PRESENTABLE.has(base)
    ? { status: 'NO_SHOW' as const, statusBeforeNoShow: base }
    : { status: base, statusBeforeNoShow: null }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

function describe(before: CalcomColumns | undefined, after: CalcomColumns): HistoryChange | null {
  if (!before) return { code: 'created', params: {} }
  const params: HistoryParams['calcom_changed'] = {}
  if (before.status !== after.status)
    Object.assign(params, { statusFrom: before.status, statusTo: after.status })
  if (before.startsAt !== after.startsAt || before.endsAt !== after.endsAt) params.moved = true
  if (!before.paid && after.paid) params.paid = true
  if (before.rescheduledToUid !== after.rescheduledToUid && after.rescheduledToUid)
    params.rescheduledTo = after.rescheduledToUid
  if (!Object.keys(params).length) {
    const changed = changedFields(before, after)
    if (!changed.length) return null
    params.fields = changed
  }
  return { code: 'calcom_changed', params }
}

function changedFields(before: CalcomColumns, after: CalcomColumns): string[] {
  return (Object.keys(after) as Array<keyof CalcomColumns>).filter(
    (k) => k !== 'calcomUpdatedAt' && !sameJson(before[k], after[k]),
  )
}

function write(
  uid: string,
  existing: StoredRow | undefined,
  row: CalcomColumns,
  detail: Record<string, unknown> = {},
): MergeOutcome {
  const before = existing && columnsOf(existing)
  if (before && sameJson(before, row)) return { action: 'none', uid }
  const history = describe(before, row)
  return {
    action: 'write',
    uid,
    row,
    change: history?.code ?? null,
    detail: {
      status: row.status,
      start: new Date(row.startsAt).toISOString(),
      end: new Date(row.endsAt).toISOString(),
      ...history?.params,
      ...detail,
    },
  }
}

/** What the version says about a change; undefined = go ahead. */
function guard(
  existing: StoredRow,
  version: Version,
  origin: 'api' | 'webhook',
  differs: () => boolean,
): MergeOutcome['action'] | undefined {
  const held = existing.calcomUpdatedAt
  if (held === null) return undefined
  if (version === null) return origin === 'api' ? undefined : differs() ? 'doubt' : 'none'
  if (version < held) return 'stale'
  if (version === held && origin === 'webhook') return differs() ? 'doubt' : undefined
  return undefined
}

function mergeState(
  existing: StoredRow | undefined,
  b: CalcomBookingState,
  version: Version,
  origin: 'api' | 'webhook',
  refs: Refs,
  baseOverride?: (base: BaseStatus) => BaseStatus,
): MergeOutcome {
  let base: BaseStatus = b.status ?? (existing ? baseOf(existing) : 'PENDING')
  // Cal.com has no "completed": an accepted booking the desk saw end stays completed.
  if (base === 'SCHEDULED' && existing && baseOf(existing) === 'COMPLETED') base = 'COMPLETED'
  if (baseOverride) base = baseOverride(base)
  const noShow = b.noShow ?? existing?.status === 'NO_SHOW'
  const startsAt = Date.parse(b.start)
  const endsAt = Math.max(Date.parse(b.end), startsAt)
  const row: CalcomColumns = {
    calcomId: b.calcomId ?? existing?.calcomId ?? null,
    branchId: refs.branchId,
    eventTypeId: refs.eventTypeId ?? existing?.eventTypeId ?? null,
    staffId: refs.staffId ?? existing?.staffId ?? null,
    title: b.title,
    startsAt,
    endsAt,
    ...withNoShow(base, noShow),
    attendeeName: b.attendee.name,
    attendeeEmail: b.attendee.email,
    attendeePhone: b.attendee.phone ?? existing?.attendeePhone ?? null,
    attendeeTimeZone: b.attendee.timeZone,
    rescheduledFromUid:
      b.rescheduledFromUid === undefined
        ? (existing?.rescheduledFromUid ?? null)
        : (b.rescheduledFromUid ?? existing?.rescheduledFromUid ?? null),
    rescheduledToUid:
      b.rescheduledToUid === undefined
        ? (existing?.rescheduledToUid ?? null)
        : (b.rescheduledToUid ?? existing?.rescheduledToUid ?? null),
    cancellationReason:
      b.cancellationReason === undefined
        ? (existing?.cancellationReason ?? null)
        : b.cancellationReason,
    requestReschedule: b.requestReschedule ?? existing?.requestReschedule ?? false,
    rejectionReason:
      b.rejectionReason === undefined ? (existing?.rejectionReason ?? null) : b.rejectionReason,
    paid: (existing?.paid ?? false) || b.paid === true,
    // No metadata and empty metadata are the same thing; API and webhooks differ in which they send.
    metadata:
      b.metadata === undefined
        ? existing
          ? columnsOf(existing).metadata
          : null
        : Object.keys(b.metadata).length
          ? b.metadata
          : null,
    calcomUpdatedAt: maxVersion(existing?.calcomUpdatedAt ?? null, version),
  }
  // A rescheduled booking never changes status again on Cal.com, so a state that is not
  // RESCHEDULED is older news — what tells an old half held at no version (see 'retire') from
  // the late BOOKING_CREATED of the booking it was.
  if (
    existing?.calcomUpdatedAt === null &&
    existing.status === 'RESCHEDULED' &&
    existing.rescheduledToUid &&
    row.status !== 'RESCHEDULED'
  )
    return { action: 'stale', uid: b.uid }
  if (existing) {
    const differs = () =>
      existing.status !== row.status ||
      existing.startsAt !== row.startsAt ||
      existing.endsAt !== row.endsAt ||
      existing.rescheduledToUid !== row.rescheduledToUid
    const verdict = guard(existing, version, origin, differs)
    if (verdict) return { action: verdict, uid: b.uid } as MergeOutcome
  }
  return write(b.uid, existing, row, { via: origin, calcomStatus: b.rawStatus })
}

/**
 * Facts that, once true, stay true (where a booking came from, where it went, that it was
 * paid, the metadata it was made with). Old news may still carry one the desk lacks, e.g. a
 * reschedule's webhook arriving after the new booking's cancellation: take the fact, leave the
 * rest. Metadata is set when a booking is made (a reschedule copies it) and several webhook
 * bodies lack it (a cancel's, a rejection's, a payment's): a row first made from one of those
 * holds none, and news older than that body, such as the booking the outbox finds by its
 * mutation id, is the only place the desk can learn it from.
 */
function withLateFacts(
  existing: StoredRow | undefined,
  b: CalcomBookingState,
  outcome: MergeOutcome,
): MergeOutcome {
  if (!existing || (outcome.action !== 'stale' && outcome.action !== 'none')) return outcome
  const facts: Partial<CalcomColumns> = {}
  if (b.rescheduledFromUid && !existing.rescheduledFromUid)
    facts.rescheduledFromUid = b.rescheduledFromUid
  if (b.rescheduledToUid && !existing.rescheduledToUid) facts.rescheduledToUid = b.rescheduledToUid
  if (b.paid && !existing.paid) facts.paid = true
  if (b.metadata && Object.keys(b.metadata).length && !columnsOf(existing).metadata)
    facts.metadata = b.metadata
  if (Object.keys(facts).length === 0) return outcome
  return write(b.uid, existing, { ...columnsOf(existing), ...facts }, { via: 'late facts' })
}

/**
 * Merges one change into the row the desk holds for its booking (`existing`, undefined when the
 * desk has none). `refs` resolves a booking's event type and host to the desk's ids.
 */
export function mergeChange(
  existing: StoredRow | undefined,
  change: BookingChange,
  refs: (b: CalcomBookingState) => Refs,
): MergeOutcome {
  const uid = 'booking' in change ? change.booking.uid : change.uid
  if (existing?.syncState === 'pending') {
    // Paid is Cal.com's alone and only turns on, so it cannot clobber the desk's change.
    if (change.kind === 'paid' && !existing.paid)
      return write(uid, existing, { ...columnsOf(existing), paid: true }, { via: 'webhook' })
    return { action: 'held', uid }
  }
  switch (change.kind) {
    case 'state':
      return withLateFacts(
        existing,
        change.booking,
        mergeState(existing, change.booking, change.version, change.origin, refs(change.booking)),
      )

    case 'retire': {
      // The desk never saw the old booking: show it from what the webhook tells of the new one
      // (host, title, attendee may differ on Cal.com), at no version, so whatever Cal.com says of
      // it next wins. With the webhook's send time as its version, a reconcile reading the old
      // booking's real (earlier) updatedAt would count as stale and the guess would stay.
      if (!existing)
        return mergeState(undefined, change.fallback, null, 'webhook', refs(change.fallback))
      if (
        change.version !== null &&
        existing.calcomUpdatedAt !== null &&
        change.version < existing.calcomUpdatedAt
      )
        return { action: 'stale', uid }
      return write(
        uid,
        existing,
        {
          ...columnsOf(existing),
          status: 'RESCHEDULED',
          statusBeforeNoShow: null,
          rescheduledToUid: change.rescheduledToUid,
          calcomUpdatedAt: maxVersion(existing.calcomUpdatedAt, change.version),
        },
        { via: 'webhook' },
      )
    }

    case 'noShow': {
      if (!existing) return { action: 'doubt', uid }
      if (
        change.version !== null &&
        existing.calcomUpdatedAt !== null &&
        change.version < existing.calcomUpdatedAt
      )
        return { action: 'stale', uid }
      const email = existing.attendeeEmail?.toLowerCase() ?? null
      const mark =
        change.attendees.find((a) => a.email.toLowerCase() === email) ??
        (email === null ? change.attendees[0] : undefined)
      const cols = {
        ...columnsOf(existing),
        calcomUpdatedAt: maxVersion(existing.calcomUpdatedAt, change.version),
      }
      if (!mark) {
        // A guest was (un)marked: worth a history line, not a status.
        return {
          action: 'write',
          uid,
          row: cols,
          change: 'guest_no_show_updated',
          detail: { attendees: change.attendees },
        }
      }
      const base = baseOf(existing)
      return write(
        uid,
        existing,
        { ...cols, ...withNoShow(base, mark.noShow) },
        { via: 'webhook', noShow: mark.noShow },
      )
    }

    case 'completed': {
      if (!existing)
        return mergeState(
          undefined,
          change.booking,
          change.version,
          'webhook',
          refs(change.booking),
          (b) => (b === 'SCHEDULED' ? 'COMPLETED' : b),
        )
      const base = baseOf(existing)
      if (base !== 'SCHEDULED') return { action: 'none', uid }
      return write(
        uid,
        existing,
        {
          ...columnsOf(existing),
          ...withNoShow('COMPLETED', existing.status === 'NO_SHOW'),
          calcomUpdatedAt: maxVersion(existing.calcomUpdatedAt, change.version),
        },
        { via: 'webhook', trigger: 'MEETING_ENDED' },
      )
    }

    case 'paid': {
      // A payment's body carries the payment's metadata, not the booking's: a row it creates is
      // incomplete, so it takes no version, and the booking as Cal.com's API reads it (the
      // outbox finding its own booking, a held booking's refresh) is not dropped as older news.
      const merged = mergeState(
        existing,
        change.booking,
        existing ? change.version : null,
        'webhook',
        refs(change.booking),
      )
      if (merged.action === 'doubt') return merged
      // Even when the rest is old news, the payment is not.
      return withLateFacts(existing, change.booking, merged)
    }
  }
}
