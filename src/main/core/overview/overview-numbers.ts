// The owner's overview numbers (DESIGN.md §9) from one branch's appointments: pure, so the rules
// below are tested without a database and the bench measures the store, not this arithmetic.
//
// What counts:
// - appointments: every booking starting in the range, whatever its status (byStatus splits it);
// - arrivals: the desk marked the client arrived, in service or done;
// - late cancellations: cancelled inside the service's window (the history's `late` mark);
// - revenue: paid bookings of a priced service, not cancelled, declined or moved (a moved
//   booking's payment travels to the booking it became, so counting both would count it twice);
// - booked time: bookings that hold a staff member's time (scheduled, waiting for confirmation,
//   done, or a no-show, whose time was kept free for them), clipped to the range.
import {
  APPOINTMENT_STATUSES,
  type AppointmentStatus,
  type VisitState,
} from '../../../shared/domain/appointment-status'
import type { Money, OverviewNumbers } from '../../../shared/api/overview'

export interface AppointmentFact {
  status: AppointmentStatus
  visitState: VisitState
  paid: boolean
  /** The service's price in minor units; 0 when free or unknown. */
  price: number
  currency: string | null
  staffId: number | null
  startsAt: number
  endsAt: number
  /** Cancelled inside the service's cancellation window. */
  late: boolean
}

export const HOLDS_STAFF_TIME: ReadonlySet<AppointmentStatus> = new Set([
  'SCHEDULED',
  'PENDING',
  'COMPLETED',
  'NO_SHOW',
])
export const NOT_REVENUE: ReadonlySet<AppointmentStatus> = new Set([
  'CANCELLED',
  'REJECTED',
  'RESCHEDULED',
])

export const MINUTE = 60_000

export function emptyByStatus(): OverviewNumbers['byStatus'] {
  return Object.fromEntries(APPOINTMENT_STATUSES.map((s) => [s, 0])) as OverviewNumbers['byStatus']
}

export function sortedMoney(byCurrency: Map<string, number>): Money[] {
  return [...byCurrency]
    .map(([currency, amount]) => ({ currency, amount }))
    .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency))
}

export function utilisation(booked: number, scheduled: number): number | null {
  return scheduled > 0 ? booked / scheduled : null
}

/** One branch's numbers for the bookings starting in [startMs, endMs). */
export function overviewNumbers(
  facts: Iterable<AppointmentFact>,
  range: { startMs: number; endMs: number },
  scheduledMinutes: number,
): OverviewNumbers {
  const byStatus = emptyByStatus()
  const revenue = new Map<string, number>()
  let appointments = 0
  let arrivals = 0
  let lateCancellations = 0
  let bookedMs = 0
  for (const f of facts) {
    if (f.startsAt < range.startMs || f.startsAt >= range.endMs) continue
    appointments += 1
    byStatus[f.status] += 1
    if (f.visitState !== 'NONE') arrivals += 1
    if (f.status === 'CANCELLED' && f.late) lateCancellations += 1
    if (f.paid && f.price > 0 && f.currency && !NOT_REVENUE.has(f.status)) {
      const currency = f.currency.toUpperCase()
      revenue.set(currency, (revenue.get(currency) ?? 0) + f.price)
    }
    if (f.staffId !== null && HOLDS_STAFF_TIME.has(f.status)) {
      bookedMs += Math.max(0, Math.min(f.endsAt, range.endMs) - f.startsAt)
    }
  }
  const bookedMinutes = Math.round(bookedMs / MINUTE)
  return {
    appointments,
    byStatus,
    arrivals,
    noShows: byStatus.NO_SHOW,
    lateCancellations,
    pendingConfirmations: byStatus.PENDING,
    revenue: sortedMoney(revenue),
    bookedMinutes,
    scheduledMinutes,
    utilisation: utilisation(bookedMinutes, scheduledMinutes),
  }
}

/** The whole business: every count added, revenue kept per currency (never converted). */
export function totalNumbers(branches: readonly OverviewNumbers[]): OverviewNumbers {
  const byStatus = emptyByStatus()
  const revenue = new Map<string, number>()
  const total = {
    appointments: 0,
    arrivals: 0,
    noShows: 0,
    lateCancellations: 0,
    pendingConfirmations: 0,
    bookedMinutes: 0,
    scheduledMinutes: 0,
  }
  for (const b of branches) {
    for (const s of APPOINTMENT_STATUSES) byStatus[s] += b.byStatus[s]
    for (const m of b.revenue) revenue.set(m.currency, (revenue.get(m.currency) ?? 0) + m.amount)
    for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += b[k]
  }
  return {
    ...total,
    byStatus,
    revenue: sortedMoney(revenue),
    utilisation: utilisation(total.bookedMinutes, total.scheduledMinutes),
  }
}
