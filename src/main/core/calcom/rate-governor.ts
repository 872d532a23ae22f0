// Keeps each credential inside Cal.com's budget (REFERENCE.md §6): a fixed 60 s window per
// credential, announced on every answer as X-RateLimit-{Limit,Remaining,Reset}-Default, and a
// block after going over. Cal.com sends no Retry-After, so the governor learns from those headers,
// never sends a call the budget does not cover, and treats a 429 as a block for that credential
// (the announced reset, or 60 s when none is given).
//
// Reset is in whole seconds, rounded up (the throttler's storage does Math.ceil), and counted from
// when Cal.com received the call, so "answer time + Reset" is never before the window's real end.
// Each answer gives such a bound; the earliest is the closest, so the governor waits for that one
// rather than the latest, which could be up to a second late in every window (a tenth of a 10 s
// window's budget). Answers to calls admitted in an earlier window describe that window and are
// not learnt from (a late one would otherwise end the current window early).
//
// Reads must never starve the receptionist's actions (issue 12): a read leaves a reserved share of
// the announced limit untouched, which only actions may spend, and when budget frees up, waiting
// actions are let through before waiting reads. A caller that gives up (its signal aborts) leaves
// the queue at once, so a call nobody waits for any more is never sent.

/** `action`: a receptionist's change (the outbox, the booking's slot check); `read`: the rest. */
export type CallPriority = 'action' | 'read'

/** The share of each window's announced limit that reads leave to actions (at least one call). */
export const ACTION_RESERVE = 0.2

export interface AdmitOptions {
  priority?: CallPriority
  /** Aborted: stop waiting for budget; the call is not to be sent. */
  signal?: AbortSignal
}

export interface RateGovernorOptions {
  /** How long a call may wait for budget before it fails as RATE_LIMITED instead. */
  maxWaitMs?: number
  /** Block after a 429 without a reset header. */
  blockMs?: number
  now?: () => number
}

interface Waiter {
  priority: CallPriority
  wake: () => void
}

interface Budget {
  /** The window's limit, as last announced; undefined until Cal.com has told us. */
  limit: number | undefined
  /** Calls left in the window, as last announced; undefined until Cal.com has told us. */
  remaining: number | undefined
  /** When the current window (or block) ends, epoch ms. */
  resetAt: number
  blockedUntil: number
  /** Counts the windows the governor has seen begin; answers carry the one they were sent in. */
  window: number
  inFlight: number
  waiters: Waiter[]
  timer: NodeJS.Timeout | undefined
}

export type Admission =
  | { ok: true; release: (headers: Headers | null, status: number | null) => void }
  | { ok: false; reason: 'budget'; retryAt: number }
  | { ok: false; reason: 'cancelled' }

const HEADER = (part: 'Limit' | 'Remaining' | 'Reset') =>
  `x-ratelimit-${part.toLowerCase()}-default`

export class RateGovernor {
  readonly #budgets = new Map<string, Budget>()
  readonly #maxWaitMs: number
  readonly #blockMs: number
  readonly #now: () => number

  constructor(opts: RateGovernorOptions = {}) {
    this.#maxWaitMs = opts.maxWaitMs ?? 65_000
    this.#blockMs = opts.blockMs ?? 60_000
    this.#now = opts.now ?? Date.now
  }

  /**
   * Waits until `credential` may send one more call. Resolves `{ok:false, reason:'budget'}` when
   * that would take longer than maxWaitMs (e.g. during a 429 block), so callers can report and
   * move on, and `{ok:false, reason:'cancelled'}` as soon as `signal` aborts.
   */
  async admit(credential: string, opts: AdmitOptions = {}): Promise<Admission> {
    const { priority = 'action', signal } = opts
    const budget = this.#budget(credential)
    for (;;) {
      if (signal?.aborted) return { ok: false, reason: 'cancelled' }
      const now = this.#now()
      if (budget.blockedUntil > now) {
        if (budget.blockedUntil - now > this.#maxWaitMs)
          return { ok: false, reason: 'budget', retryAt: budget.blockedUntil }
        await this.#waitUntil(budget, budget.blockedUntil, priority, signal)
        continue
      }
      if (budget.remaining !== undefined && budget.resetAt <= now) {
        budget.remaining = undefined
        budget.window += 1
      }
      if (this.#free(budget, priority) > 0) break
      if (budget.remaining !== undefined && budget.resetAt - now > this.#maxWaitMs) {
        return { ok: false, reason: 'budget', retryAt: budget.resetAt }
      }
      const until = budget.remaining === undefined ? Infinity : budget.resetAt
      await this.#waitUntil(budget, until, priority, signal)
    }
    budget.inFlight += 1
    const window = budget.window
    let released = false
    return {
      ok: true,
      release: (headers, status) => {
        if (released) return
        released = true
        budget.inFlight -= 1
        this.#learn(budget, headers, status, window)
        this.#wake(budget)
      },
    }
  }

  /** Calls `priority` may still send in this window. */
  #free(b: Budget, priority: CallPriority): number {
    // Unknown budget: one probe at a time until Cal.com announces the numbers.
    if (b.remaining === undefined) return 1 - b.inFlight
    const reserve =
      priority === 'read' && b.limit !== undefined
        ? Math.min(b.limit - 1, Math.max(1, Math.ceil(b.limit * ACTION_RESERVE)))
        : 0
    return b.remaining - b.inFlight - reserve
  }

  /** For sync health: what the governor knows about a credential. */
  snapshot(credential: string): {
    remaining: number | null
    resetAt: number
    blockedUntil: number
    /** Calls queued for budget. */
    waiting: number
  } {
    const b = this.#budget(credential)
    return {
      remaining: b.remaining ?? null,
      resetAt: b.resetAt,
      blockedUntil: b.blockedUntil,
      waiting: b.waiters.length,
    }
  }

  /** Forgets a credential (after disconnect): its waiters fail fast on their next check. */
  forget(credential: string): void {
    const b = this.#budgets.get(credential)
    if (!b) return
    clearTimeout(b.timer)
    this.#budgets.delete(credential)
    for (const w of b.waiters.splice(0)) w.wake()
  }

  #budget(credential: string): Budget {
    let b = this.#budgets.get(credential)
    if (!b) {
      b = {
        limit: undefined,
        remaining: undefined,
        resetAt: 0,
        blockedUntil: 0,
        window: 0,
        inFlight: 0,
        waiters: [],
        timer: undefined,
      }
      this.#budgets.set(credential, b)
    }
    return b
  }

  #learn(b: Budget, headers: Headers | null, status: number | null, window: number): void {
    const now = this.#now()
    const num = (part: 'Limit' | 'Remaining' | 'Reset') => {
      const raw = headers?.get(HEADER(part))
      const n = raw == null || raw === '' ? NaN : Number(raw)
      return Number.isFinite(n) && n >= 0 ? n : undefined
    }
    const limit = num('Limit')
    if (limit !== undefined && limit > 0) b.limit = limit
    const remaining = num('Remaining')
    const reset = num('Reset')
    if (status === 429) {
      // Whatever window it was sent in, Cal.com now blocks the credential.
      b.blockedUntil = now + (reset !== undefined && reset > 0 ? reset * 1000 : this.#blockMs)
      b.remaining = 0
      b.resetAt = b.blockedUntil
      return
    }
    if (remaining === undefined || window !== b.window) return
    const resetAt = now + (reset ?? 60) * 1000
    if (b.remaining === undefined) {
      b.remaining = remaining
      b.resetAt = resetAt
    } else {
      // Answers arrive out of order: the lowest count and the earliest end are the truest.
      b.remaining = Math.min(b.remaining, remaining)
      b.resetAt = Math.min(b.resetAt, resetAt)
    }
  }

  #waitUntil(
    b: Budget,
    at: number,
    priority: CallPriority,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        priority,
        wake: () => {
          signal?.removeEventListener('abort', leave)
          resolve()
        },
      }
      // A caller who gives up leaves the queue now, not when budget would have come.
      const leave = () => {
        const i = b.waiters.indexOf(waiter)
        if (i !== -1) b.waiters.splice(i, 1)
        resolve()
      }
      signal?.addEventListener('abort', leave, { once: true })
      b.waiters.push(waiter)
      if (at !== Infinity) {
        const delay = Math.max(0, at - this.#now()) + 5
        const timer = setTimeout(() => this.#wake(b), delay)
        timer.unref?.()
        clearTimeout(b.timer)
        b.timer = timer
      }
    })
  }

  #wake(b: Budget): void {
    // Everyone re-checks, actions first (they resume in this order); those still without budget
    // queue again.
    const waiters = b.waiters.splice(0)
    for (const w of waiters) if (w.priority === 'action') w.wake()
    for (const w of waiters) if (w.priority !== 'action') w.wake()
  }
}
