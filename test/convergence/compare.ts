// The property: at rest, each desk's appointments for the branch equal Cal.com's bookings field by
// field (DESIGN.md §3 mapping), Cal.com holds no duplicate of anything the desk sent, and the two
// desks hold the same desk-owned state (DESIGN.md §9: visit states, walk-in flags, booking notes,
// client notes and alerts, removed ones included).
//
// Three facts Cal.com's API cannot tell a desk, so they are required only when the desk was told:
//   COMPLETED  comes only from MEETING_ENDED: an ended accepted booking may show SCHEDULED or
//              COMPLETED, and must show COMPLETED once its MEETING_ENDED reached the relay
//   paid       comes only from BOOKING_PAID: never paid at the desk when Cal.com says unpaid, and
//              paid once a BOOKING_PAID for it (or for the booking it was rescheduled from)
//              reached the relay
//   needs attention  a desk change Cal.com refused stays on screen, flagged, until someone acts
import { OUTBOX_STATES } from '../../src/shared/domain/appointment-status'
import type { AppointmentStatus } from '../../src/shared/domain/appointment-status'
import { DISCARDED_BOOKING_REASON } from '../../src/main/core/outbound/outbox-commands'
import { MUTATION_ID_KEY } from '../../src/main/core/outbound/outbox-calls'
import { PLACEHOLDER_PREFIX } from '../../src/main/core/actions/desk-actions'
import type { TempDesk } from '../support/temp-desk'
import type { World } from './world'

interface ApiBooking {
  uid: string
  status: string
  start: string
  end: string
  hosts: Array<{ id: number }>
  eventType?: { id: number }
  eventTypeId?: number
  attendees: Array<{ name: string; email: string; absent?: boolean }>
  rescheduledFromUid?: string | null
  rescheduledToUid?: string | null
  cancellationReason?: string | null
  metadata?: Record<string, unknown>
}

/** Every booking of the branch's account, as Cal.com's API lists it (all statuses). */
export async function sandboxBookings(w: World): Promise<ApiBooking[]> {
  const out: ApiBooking[] = []
  for (let skip = 0; ;) {
    const res = await fetch(`${w.sandbox.url}/v2/bookings?take=250&skip=${skip}`, {
      headers: { authorization: `Bearer ${w.account.apiKey}`, 'cal-api-version': '2024-08-13' },
    })
    if (res.status !== 200) throw new Error(`GET /v2/bookings answered ${res.status}`)
    const page = (await res.json()) as {
      data: ApiBooking[]
      pagination?: { hasNextPage: boolean }
    }
    out.push(...page.data)
    skip += page.data.length
    if (!page.pagination?.hasNextPage || page.data.length === 0) return out
  }
}

const norm = (v: unknown) => (v === undefined || v === '' ? null : v)

/** Uids whose `trigger` delivery reached the relay (2xx). */
function delivered(w: World, trigger: string): Set<string> {
  const uids = new Set<string>()
  for (const d of w.sandbox.sandbox.webhooks.log) {
    if (d.trigger !== trigger || d.statusCode === null || d.statusCode >= 300) continue
    const body = JSON.parse(d.body) as { uid?: string; payload?: { uid?: string } }
    const uid = body.payload?.uid ?? body.uid
    if (uid) uids.add(uid)
  }
  return uids
}

export async function differences(w: World, desk: TempDesk = w.desk): Promise<string[]> {
  const diffs: string[] = []
  const { appointments, staff, eventTypes, outbox } = desk.services
  const branchId = desk.services.branches.current().id
  const rows = new Map(appointments.rowsOf(branchId).map((r) => [r.uid, r]))
  const hostOf = new Map(staff.rowsOf(branchId).map((s) => [s.id, s.calcomHostId]))
  const calcomEtOf = new Map(eventTypes.list(branchId).map((e) => [e.id, e.calcomId]))
  const outboxRows = outbox.list(OUTBOX_STATES, Number.MAX_SAFE_INTEGER)
  const ended = delivered(w, 'MEETING_ENDED')
  const paidNews = delivered(w, 'BOOKING_PAID')
  const now = w.sandbox.sandbox.clock.nowMs()
  const bookings = await sandboxBookings(w)

  for (const b of bookings) {
    const d = rows.get(b.uid)
    const say = (what: string) => diffs.push(`${b.uid} (${b.attendees[0]?.name}): ${what}`)
    if (!d) {
      say(`on Cal.com (${b.status}, ${b.start}) but not at the desk`)
      continue
    }
    rows.delete(b.uid)
    if (d.syncState === 'needs_attention') {
      if (!outboxRows.some((o) => o.bookingUid === b.uid && o.state === 'needs_attention'))
        say('flagged needs attention with no outbox row needing it')
      continue
    }
    if (d.syncState !== 'synced') say(`sync state ${d.syncState} at rest`)

    let base: AppointmentStatus =
      b.status === 'accepted'
        ? 'SCHEDULED'
        : b.status === 'pending'
          ? 'PENDING'
          : b.status === 'rejected'
            ? 'REJECTED'
            : b.rescheduledToUid
              ? 'RESCHEDULED'
              : 'CANCELLED'
    const deskBase = d.status === 'NO_SHOW' ? (d.statusBeforeNoShow ?? 'SCHEDULED') : d.status
    if (base === 'SCHEDULED' && Date.parse(b.end) <= now) {
      if (ended.has(b.uid) || deskBase === 'COMPLETED') base = 'COMPLETED'
    }
    const absent = b.attendees[0]?.absent === true
    const expected: AppointmentStatus =
      absent && (base === 'SCHEDULED' || base === 'COMPLETED') ? 'NO_SHOW' : base
    if (d.status !== expected || (expected === 'NO_SHOW' && deskBase !== base))
      say(
        `status ${d.status}/${d.statusBeforeNoShow} at the desk, Cal.com ${b.status} → ${expected}/${base}`,
      )
    if (d.startsAt !== Date.parse(b.start) || d.endsAt !== Date.parse(b.end))
      say(
        `time ${new Date(d.startsAt).toISOString()}–${new Date(d.endsAt).toISOString()} at the desk, ${b.start}–${b.end} on Cal.com`,
      )
    const host = d.staffId === null ? null : hostOf.get(d.staffId)
    if (host !== b.hosts[0]?.id) say(`host ${host} at the desk, ${b.hosts[0]?.id} on Cal.com`)
    const et = d.eventTypeId === null ? null : calcomEtOf.get(d.eventTypeId)
    if (et !== (b.eventType?.id ?? b.eventTypeId)) say(`event type ${et} at the desk`)
    const a = b.attendees[0]
    if (d.attendeeName !== a?.name || norm(d.attendeeEmail) !== norm(a?.email))
      say(`attendee ${d.attendeeName} <${d.attendeeEmail}> at the desk, ${a?.name} <${a?.email}>`)
    for (const [field, desk, calcom] of [
      ['rescheduledFromUid', d.rescheduledFromUid, b.rescheduledFromUid],
      ['rescheduledToUid', d.rescheduledToUid, b.rescheduledToUid],
      ['cancellationReason', d.cancellationReason, b.cancellationReason],
      ['metadata.' + MUTATION_ID_KEY, d.metadata?.[MUTATION_ID_KEY], b.metadata?.[MUTATION_ID_KEY]],
    ] as const) {
      if (norm(desk) !== norm(calcom)) say(`${field} ${desk} at the desk, ${calcom} on Cal.com`)
    }
    const paid = w.sandbox.sandbox.store.bookings.get(b.uid)?.paid ?? false
    if (d.paid && !paid) say('paid at the desk, unpaid on Cal.com')
    // A reschedule keeps the payment: news of it for any earlier booking of the chain counts.
    let told = false
    for (let uid: string | undefined = b.uid; uid && !told;) {
      told = paidNews.has(uid)
      uid = w.sandbox.sandbox.store.bookings.get(uid)?.rescheduledFromUid
    }
    if (!d.paid && paid && told) say('paid on Cal.com (and told), unpaid at the desk')
  }

  for (const d of rows.values()) {
    const say = (what: string) => diffs.push(`${d.uid} (${d.attendeeName}): ${what}`)
    if (!d.uid.startsWith(PLACEHOLDER_PREFIX)) {
      say(`at the desk (${d.status}) but not on Cal.com`)
      continue
    }
    const create = outboxRows.find((o) => o.op === 'create' && o.bookingUid === d.uid)
    const refused = create?.state === 'needs_attention' && d.syncState === 'needs_attention'
    const discarded =
      create?.state === 'discarded' && d.cancellationReason === DISCARDED_BOOKING_REASON
    if (!refused && !discarded)
      say(`only at the desk: ${d.status}, ${d.syncState}, outbox ${create?.state ?? 'none'}`)
  }

  // No duplicate: each mutation id made at most one booking, and exactly one when the desk says
  // its create went through.
  const byMutation = new Map<string, string[]>()
  for (const b of bookings) {
    const id = b.metadata?.[MUTATION_ID_KEY]
    // A reschedule copies the metadata to the new booking; only the first of a chain was made.
    if (typeof id === 'string' && !b.rescheduledFromUid)
      byMutation.set(id, [...(byMutation.get(id) ?? []), b.uid])
  }
  // Both desks book: every create either sent, from whichever desk queued it.
  const creates = [w.desk, w.desk2].flatMap((at) =>
    (at === desk ? outboxRows : at.services.outbox.list(OUTBOX_STATES, Number.MAX_SAFE_INTEGER))
      .filter((o) => o.op === 'create')
      .map((o) => ({ ...o, at: at === w.desk ? 1 : 2 })),
  )
  for (const o of creates) {
    const made = byMutation.get(o.mutationId) ?? []
    byMutation.delete(o.mutationId)
    const want = o.state === 'done' ? 1 : 0
    if (made.length !== want)
      diffs.push(
        `desk ${o.at} create #${o.id} (${o.state}) made ${made.length} bookings: ${made.join(', ')}`,
      )
    // The other desk's queue is that desk's to report.
    if ((o.state === 'pending' || o.state === 'in_flight') && o.at === (desk === w.desk ? 1 : 2))
      diffs.push(`desk ${o.at} create #${o.id} still ${o.state} at rest`)
  }
  // Anything still queued at rest must be waiting behind a row that needs attention.
  const attention = new Set(
    outboxRows.filter((o) => o.state === 'needs_attention').map((o) => o.bookingUid),
  )
  for (const o of outboxRows) {
    if ((o.state === 'pending' || o.state === 'in_flight') && !attention.has(o.bookingUid))
      diffs.push(`outbox #${o.id} (${o.op} ${o.bookingUid}) still ${o.state} at rest`)
  }
  for (const [id, uids] of byMutation)
    diffs.push(`bookings ${uids.join(', ')} carry mutation id ${id}, which no desk create sent`)
  return diffs
}

/**
 * Where the two desks disagree on desk-owned state: per booking both know (a desk's own booking
 * Cal.com never named is that desk's alone), and per client note or alert by its id.
 */
export function deskOwnedDifferences(w: World): string[] {
  const diffs: string[] = []
  const rowsOf = (desk: TempDesk) =>
    new Map(
      desk.services.appointments
        .rowsOf(desk.services.branches.current().id)
        .map((r) => [r.uid, r] as const),
    )
  const one = rowsOf(w.desk)
  const two = rowsOf(w.desk2)
  for (const [uid, a] of one) {
    const b = two.get(uid)
    if (!b) continue
    for (const field of ['visitState', 'walkIn', 'deskNotes'] as const)
      if (norm(a[field]) !== norm(b[field]))
        diffs.push(
          `${uid} (${a.attendeeName}): ${field} ${a[field]} at desk 1, ${b[field]} at desk 2`,
        )
  }
  const notesOf = (desk: TempDesk) =>
    new Map(
      desk.services.clients.notesOfBranch(desk.services.branches.current().id).map((n) => [
        n.id,
        // A removed note is never shown again, whatever edit reached a desk before or after
        // its removal: removed is all that must agree.
        JSON.stringify([n.clientKey, n.kind, n.removedAt === null ? n.text : 'removed']),
      ]),
    )
  const notes1 = notesOf(w.desk)
  const notes2 = notesOf(w.desk2)
  for (const id of new Set([...notes1.keys(), ...notes2.keys()]))
    if (notes1.get(id) !== notes2.get(id))
      diffs.push(
        `note ${id}: ${notes1.get(id) ?? 'none'} at desk 1, ${notes2.get(id) ?? 'none'} at desk 2`,
      )
  return diffs
}
