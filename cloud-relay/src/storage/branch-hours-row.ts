// A branch's reported closings as both engines store them: the days as JSON text, the time as
// epoch milliseconds (a string from PostgreSQL's bigint).
import type { BranchClosing } from '../../../src/shared/relay/relay-contract.js'
import type { BranchHours } from './notification-types.js'

export interface BranchHoursRow {
  zone: string
  days: string
  reported_at: number | string
}

export const toBranchHours = (r: BranchHoursRow): BranchHours => ({
  zone: r.zone,
  days: JSON.parse(r.days) as BranchClosing[],
  reportedAt: new Date(Number(r.reported_at)),
})
