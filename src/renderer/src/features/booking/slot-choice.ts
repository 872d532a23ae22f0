// Which slots the new booking form offers: the walk-in's next free start, and how old an offline
// answer is, in words the form shows next to the slots.
import type { DaySlots } from '../../../../shared/api/schemas'

/** A walk-in starts now: the first slot not already begun (Cal.com refuses a start in the past). */
export function nextFreeSlot(slots: readonly string[], now: Date): string | null {
  const at = now.getTime()
  let best: string | null = null
  for (const slot of slots) {
    const start = Date.parse(slot)
    if (start >= at && (best === null || start < Date.parse(best))) best = slot
  }
  return best
}

/** Slots the receptionist may still pick: those that have not started. */
export function upcomingSlots(slots: readonly string[], now: Date): string[] {
  const at = now.getTime()
  return slots.filter((s) => Date.parse(s) >= at)
}

/**
 * How often a day's free times are asked again while the desk serves Cal.com's last answer: the
 * desk leaves out of it, on its own clock, the times that have since begun or come inside the
 * service's notice, so a picker left open offline does not keep offering them; and a fresh answer
 * replaces it once Cal.com is back. A fresh answer is kept until a booking change invalidates it.
 */
export const STALE_SLOTS_REFRESH_MS = 60_000

export const refreshWhileStale = (answer: Pick<DaySlots, 'stale'> | undefined): number | false =>
  answer?.stale ? STALE_SLOTS_REFRESH_MS : false

export type SlotFreshness = { stale: false } | { stale: true; minutes: number; hours: number }

/**
 * Fresh, or how old Cal.com's last answer is: whole minutes under two hours, whole hours after
 * (a receptionist reads "3 hours old", not "187 minutes").
 */
export function slotFreshness(answer: Pick<DaySlots, 'stale' | 'ageSeconds'>): SlotFreshness {
  if (!answer.stale) return { stale: false }
  const minutes = Math.max(1, Math.round(answer.ageSeconds / 60))
  return {
    stale: true,
    minutes: minutes < 120 ? minutes : 0,
    hours: minutes < 120 ? 0 : Math.round(minutes / 60),
  }
}
