import type { RetentionPolicy } from './types.js'

/**
 * The highest seq retention may drop on one channel. Deletion is always a prefix of the log
 * (seq ≤ result), so a cursor is either fully served or answered with RESYNC_REQUIRED — never a
 * silent hole.
 */
export function pruneThrough(input: {
  /** Lowest cursor among active devices; undefined when the channel has none (nothing counts as acked). */
  minActiveCursor: number | undefined
  /** Highest seq received before now − minAge. */
  lastSeqOlderThanMin: number
  /** Highest seq received before now − maxAge. */
  lastSeqOlderThanMax: number
}): number {
  const acked = Math.min(input.minActiveCursor ?? 0, input.lastSeqOlderThanMin)
  return Math.max(acked, input.lastSeqOlderThanMax)
}

export function cutoffs(policy: RetentionPolicy): { minCutoff: number; maxCutoff: number } {
  const now = policy.now.getTime()
  return { minCutoff: now - policy.minAgeMs, maxCutoff: now - policy.maxAgeMs }
}
