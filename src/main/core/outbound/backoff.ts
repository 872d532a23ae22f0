// When a transiently failed outbox row is tried again. The schedule is persisted in the row
// (next_attempt_at) so it survives a restart, which rules out the in-memory loops of retry
// libraries; the formula is the well-known capped "full jitter" one (AWS Architecture Blog,
// "Exponential Backoff And Jitter"): delay = random(0, min(cap, base · 2^attempt)). Full jitter
// spreads a burst of rows that failed together (Cal.com down, a 429) so they do not come back
// together. A small floor keeps an unlucky draw of ~0 from retrying in a tight loop.

export interface BackoffPolicy {
  /** Delay scale of the first retry (ms). */
  baseMs: number
  /** Longest wait between attempts (ms). */
  capMs: number
  /** Shortest wait between attempts (ms). */
  floorMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000, floorMs: 250 }

/** The wait before attempt number `attempts + 1`, after `attempts` failed ones (≥ 1). */
export function backoffDelay(
  attempts: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(
    policy.capMs,
    policy.baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30),
  )
  return Math.max(policy.floorMs, Math.floor(random() * ceiling))
}
