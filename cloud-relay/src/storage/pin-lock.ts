import type { PinLock } from './business-types.js'

/** One more wrong PIN: a lock that has run out starts the count afresh; the `max`th locks. */
export function afterWrongPin(current: PinLock, now: Date, max: number, lockMs: number): PinLock {
  const expired = current.lockedUntil !== null && current.lockedUntil <= now
  const failures = (expired ? 0 : current.failures) + 1
  if (failures >= max) return { failures: 0, lockedUntil: new Date(now.getTime() + lockMs) }
  return { failures, lockedUntil: expired ? null : current.lockedUntil }
}
