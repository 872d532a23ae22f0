// The overview's numbers as the owner reads them. Pure, so the rules are tested without a
// browser: money comes in minor units and is shown in its own currency (never converted), how
// fresh a branch's numbers are is said in words, and a branch row opens that branch's today.
import {
  APPOINTMENT_STATUSES,
  type AppointmentStatus,
} from '../../../../shared/domain/appointment-status'
import type { Money, OverviewNumbers } from '../../../../shared/api/overview'

/** Digits after the point of a currency (JPY 0, EUR 2, KWD 3), as Intl knows them. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}

/** An amount in minor units as the currency's major unit (4550 CAD cents → 45.5). */
export function majorAmount(money: Money): number {
  return money.amount / 10 ** minorDigits(money.currency)
}

/** The statuses that happened, in the order a day runs (the rest would be noise of zeros). */
export function statusesSeen(
  byStatus: OverviewNumbers['byStatus'],
): Array<{ status: AppointmentStatus; count: number }> {
  return APPOINTMENT_STATUSES.filter((s) => byStatus[s] > 0).map((s) => ({
    status: s,
    count: byStatus[s],
  }))
}

export type Freshness =
  | { kind: 'never' }
  | { kind: 'offline'; minutesAgo: number | null }
  | { kind: 'synced'; minutesAgo: number }

/** How old a branch's numbers are: its last sync, and whether it is cut off now. */
export function freshness(lastSyncAt: string | null, offline: boolean, nowMs: number): Freshness {
  const minutesAgo =
    lastSyncAt === null ? null : Math.max(0, Math.floor((nowMs - Date.parse(lastSyncAt)) / 60_000))
  if (offline) return { kind: 'offline', minutesAgo }
  if (minutesAgo === null) return { kind: 'never' }
  return { kind: 'synced', minutesAgo }
}
