// Wire shape of the owner's overview (DESIGN.md §9, "All branches"): per branch and in total, the
// numbers of today or this week, each branch labelled with how fresh its copy is.
import { Type, type Static } from '@sinclair/typebox'
import { APPOINTMENT_STATUSES } from '../domain/appointment-status'

export const OVERVIEW_RANGES = ['today', 'week'] as const
export type OverviewRange = (typeof OVERVIEW_RANGES)[number]

export const OverviewQuery = Type.Object(
  {
    range: Type.Unsafe<OverviewRange>({ type: 'string', enum: [...OVERVIEW_RANGES] }),
  },
  { additionalProperties: false },
)

const Count = Type.Integer({ minimum: 0 })

export const Money = Type.Object({
  currency: Type.String({ description: 'ISO 4217, upper case' }),
  /** Minor units (cents). */
  amount: Type.Integer(),
})
export type Money = Static<typeof Money>

export const OverviewNumbers = Type.Object({
  appointments: Count,
  byStatus: Type.Object(
    Object.fromEntries(APPOINTMENT_STATUSES.map((s) => [s, Count])) as Record<
      (typeof APPOINTMENT_STATUSES)[number],
      typeof Count
    >,
  ),
  arrivals: Count,
  noShows: Count,
  lateCancellations: Count,
  pendingConfirmations: Count,
  /** Paid bookings of priced services, one entry per currency, largest first. */
  revenue: Type.Array(Money),
  bookedMinutes: Count,
  scheduledMinutes: Count,
  /** bookedMinutes / scheduledMinutes; null when no one was scheduled. */
  utilisation: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
})
export type OverviewNumbers = Static<typeof OverviewNumbers>

export const BranchOverview = Type.Object({
  key: Type.String(),
  name: Type.String(),
  timeZone: Type.String(),
  /** The branch's own days: `from` the first, `to` the last (YYYY-MM-DD, its zone). */
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  /** How fresh these numbers are: the branch's latest sync; null when it never synced. */
  lastSyncAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  offline: Type.Boolean(),
  numbers: OverviewNumbers,
})
export type BranchOverview = Static<typeof BranchOverview>

export const Overview = Type.Object({
  range: Type.Unsafe<OverviewRange>({ type: 'string', enum: [...OVERVIEW_RANGES] }),
  computedAt: Type.String({ format: 'date-time' }),
  branches: Type.Array(BranchOverview),
  total: OverviewNumbers,
  /** The oldest branch sync among them: the total is no fresher than this. */
  oldestSyncAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})
export type Overview = Static<typeof Overview>
