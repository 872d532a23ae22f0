// One branch's appointments of a range, as the overview needs them: a single prepared read over
// the day view's covering index (branch, start), with each booking's service price and whether
// its cancellation was late (the history's `late` mark, looked up only for cancelled ones).
import type { Statement } from 'better-sqlite3'
import type { DeskDb } from '../db/open-database'
import type { AppointmentStatus, VisitState } from '../../../shared/domain/appointment-status'

/** One booking as the overview counts it (overview-numbers.ts says how). */
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

interface Row extends Omit<AppointmentFact, 'paid' | 'late'> {
  paid: number
  late: number
}

export class OverviewStore {
  readonly #inRange: Statement<[number, number, number], Row>

  constructor(db: DeskDb) {
    this.#inRange = db.$client.prepare(`
      SELECT a.status AS status, a.visit_state AS visitState, a.paid AS paid,
             a.staff_id AS staffId, a.starts_at AS startsAt, a.ends_at AS endsAt,
             COALESCE(e.price, 0) AS price, e.currency AS currency,
             CASE WHEN a.status = 'CANCELLED' AND EXISTS (
               SELECT 1 FROM appointment_history h
               WHERE h.uid = a.uid AND json_extract(h.detail, '$.late') = 1
             ) THEN 1 ELSE 0 END AS late
      FROM appointments a INDEXED BY appointments_day_view
      LEFT JOIN event_types e ON e.id = a.event_type_id
      WHERE a.branch_id = ? AND a.starts_at >= ? AND a.starts_at < ?`)
  }

  /** The branch's bookings starting in [startMs, endMs). */
  factsIn(branchId: number, startMs: number, endMs: number): AppointmentFact[] {
    return this.#inRange.all(branchId, startMs, endMs).map((r) => ({
      ...r,
      paid: r.paid === 1,
      late: r.late === 1,
    }))
  }
}
