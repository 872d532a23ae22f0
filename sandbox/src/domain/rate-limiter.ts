// Cal.com's throttler (REFERENCE.md §6): a fixed window per tracker; going over the limit blocks
// the tracker for blockMs. Real time, not the sandbox clock: moving "now" must not reset limits.

export interface RateLimitResult {
  limit: number
  remaining: number
  /** seconds until the block or the window ends */
  resetSeconds: number
  blocked: boolean
}

interface Bucket {
  hits: number
  windowEnds: number
  blockedUntil: number
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    private readonly windowMs: number,
    private readonly blockMs: number,
  ) {}

  hit(tracker: string, limit: number, nowMs = Date.now()): RateLimitResult {
    let bucket = this.buckets.get(tracker)
    if (!bucket || (bucket.windowEnds <= nowMs && bucket.blockedUntil <= nowMs)) {
      bucket = { hits: 0, windowEnds: nowMs + this.windowMs, blockedUntil: 0 }
      this.buckets.set(tracker, bucket)
    }
    if (bucket.blockedUntil > nowMs) {
      return {
        limit,
        remaining: 0,
        resetSeconds: Math.ceil((bucket.blockedUntil - nowMs) / 1000),
        blocked: true,
      }
    }
    bucket.hits += 1
    if (bucket.hits > limit) {
      bucket.blockedUntil = nowMs + this.blockMs
      return { limit, remaining: 0, resetSeconds: Math.ceil(this.blockMs / 1000), blocked: true }
    }
    return {
      limit,
      remaining: Math.max(0, limit - bucket.hits),
      resetSeconds: Math.ceil((bucket.windowEnds - nowMs) / 1000),
      blocked: false,
    }
  }
}
