// When a cancellation is late (DESIGN.md §8 "Cancellation policy"): one pure rule used by the
// relay (booking.late_cancellation), the desk (the cancel dialog, the history mark) and the
// client card, so the three never disagree about the same cancellation.

/** Per service (a Cal.com event type of one branch): the window and what the receptionist reads out. */
export interface CancellationPolicy {
  /** The branch: its relay channel id. */
  branchId: string
  /** The service: its Cal.com event type id. */
  eventTypeId: number
  /** Cancelling less than this many hours before the start is late. */
  windowHours: number
  /** Read to the client when they cancel. */
  text: string
}

type Instant = Date | number | string

const ms = (t: Instant): number => (t instanceof Date ? t.getTime() : new Date(t).getTime())

/**
 * True when cancelling at `cancelledAt` is inside the window before `startsAt`: less than
 * `windowHours` ahead, or after the start. Exactly `windowHours` ahead is on time. A window of 0
 * makes only cancellations after the start late. Unreadable instants are never late.
 */
export function isLateCancellation(c: {
  startsAt: Instant
  cancelledAt: Instant
  windowHours: number
}): boolean {
  const lead = ms(c.startsAt) - ms(c.cancelledAt)
  if (Number.isNaN(lead)) return false
  return lead < c.windowHours * 3_600_000
}

/** The policy of one service at one branch, if the business set one. */
export function policyFor(
  policies: readonly CancellationPolicy[],
  branchId: string,
  eventTypeId: number,
): CancellationPolicy | undefined {
  return policies.find((p) => p.branchId === branchId && p.eventTypeId === eventTypeId)
}
