// One branch's overview numbers of a range, counted by SQLite: two statements prepared once over
// the day view's covering index (branch, start, … status, visit state, paid, staff, service), so
// a week of a busy branch is a few grouped rows, not thousands of rows carried into JavaScript.
// The rules are overview-numbers.ts's (its sets are spelled into the SQL below);
// overview-store.test.ts holds the two to the same answers on random bookings. `factsIn` reads
// the rows themselves, for that test.
import type { Statement } from 'better-sqlite3'
import type { OverviewNumbers } from '../../../shared/api/overview'
import type { AppointmentStatus } from '../../../shared/domain/appointment-status'
import type { DeskDb } from '../db/open-database'
import {
  emptyByStatus,
  HOLDS_STAFF_TIME,
  MINUTE,
  NOT_REVENUE,
  sortedMoney,
  utilisation,
  type AppointmentFact,
} from './overview-numbers'

interface FactRow extends Omit<AppointmentFact, 'paid' | 'late'> {
  paid: number
  late: number
}

interface StatusRow {
  status: AppointmentStatus
  n: number
  arrivals: number
  late: number
  bookedMs: number
}

interface RangeParams {
  branch: number
  start: number
  end: number
}

const sqlList = (values: Iterable<string>) =>
  [...values].map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')

/** Cancelled inside the service's window: the history's `late` mark (its uid index). */
const LATE = `EXISTS (SELECT 1 FROM appointment_history h
  WHERE h.uid = a.uid AND json_extract(h.detail, '$.late') = 1)`

const IN_RANGE = `a.branch_id = @branch AND a.starts_at >= @start AND a.starts_at < @end`

export class OverviewStore {
  readonly #facts: Statement<[number, number, number], FactRow>
  readonly #byStatus: Statement<[RangeParams], StatusRow>
  readonly #revenue: Statement<[RangeParams], { currency: string; amount: number }>

  constructor(db: DeskDb) {
    const c = db.$client
    this.#facts = c.prepare(`
      SELECT a.status AS status, a.visit_state AS visitState, a.paid AS paid,
             a.staff_id AS staffId, a.starts_at AS startsAt, a.ends_at AS endsAt,
             COALESCE(e.price, 0) AS price, e.currency AS currency,
             CASE WHEN a.status = 'CANCELLED' AND ${LATE} THEN 1 ELSE 0 END AS late
      FROM appointments a INDEXED BY appointments_day_view
      LEFT JOIN event_types e ON e.id = a.event_type_id
      WHERE a.branch_id = ? AND a.starts_at >= ? AND a.starts_at < ?`)
    this.#byStatus = c.prepare(`
      SELECT a.status AS status, count(*) AS n,
             total(a.visit_state <> 'NONE') AS arrivals,
             total(CASE WHEN a.status = 'CANCELLED' AND ${LATE} THEN 1 ELSE 0 END) AS late,
             total(CASE WHEN a.staff_id IS NOT NULL AND a.status IN (${sqlList(HOLDS_STAFF_TIME)})
                        THEN max(0, min(a.ends_at, @end) - a.starts_at) ELSE 0 END) AS bookedMs
      FROM appointments a INDEXED BY appointments_day_view
      WHERE ${IN_RANGE}
      GROUP BY a.status`)
    this.#revenue = c.prepare(`
      SELECT upper(e.currency) AS currency, sum(e.price) AS amount
      FROM appointments a INDEXED BY appointments_day_view
      JOIN event_types e ON e.id = a.event_type_id
      WHERE ${IN_RANGE} AND a.paid = 1 AND e.price > 0 AND e.currency IS NOT NULL
        AND e.currency <> '' AND a.status NOT IN (${sqlList(NOT_REVENUE)})
      GROUP BY upper(e.currency)`)
  }

  /** The branch's bookings starting in [startMs, endMs), row by row. */
  factsIn(branchId: number, startMs: number, endMs: number): AppointmentFact[] {
    return this.#facts.all(branchId, startMs, endMs).map((r) => ({
      ...r,
      paid: r.paid === 1,
      late: r.late === 1,
    }))
  }

  /** The numbers of the bookings starting in [startMs, endMs), as overviewNumbers counts them. */
  numbersIn(
    branchId: number,
    startMs: number,
    endMs: number,
    scheduledMinutes: number,
  ): OverviewNumbers {
    const params = { branch: branchId, start: startMs, end: endMs }
    const byStatus = emptyByStatus()
    let appointments = 0
    let arrivals = 0
    let lateCancellations = 0
    let bookedMs = 0
    for (const row of this.#byStatus.all(params)) {
      byStatus[row.status] += row.n
      appointments += row.n
      arrivals += row.arrivals
      lateCancellations += row.late
      bookedMs += row.bookedMs
    }
    const revenue = new Map(this.#revenue.all(params).map((r) => [r.currency, r.amount]))
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
}
