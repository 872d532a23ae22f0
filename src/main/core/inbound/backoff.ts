// The relay client's reconnect schedule: capped exponential backoff with full jitter, the same
// formula as the outbox's (../outbound/backoff.ts, the one implementation), kept in memory because
// a reconnect loop starts afresh with the process. Spreading retries over the whole interval
// keeps many desks that lost the relay at the same moment from coming back in lock-step.
import { setTimeout as delay } from 'node:timers/promises'
import { backoffDelay } from '../outbound/backoff'

export class Backoff {
  #attempt = 0

  constructor(
    readonly baseMs = 500,
    readonly capMs = 30_000,
    private readonly random: () => number = Math.random,
  ) {}

  /** The next wait, in ms; each call widens the interval until the cap. */
  next(): number {
    this.#attempt += 1
    return backoffDelay(
      this.#attempt,
      { baseMs: this.baseMs, capMs: this.capMs, floorMs: 0 },
      this.random,
    )
  }

  reset(): void {
    this.#attempt = 0
  }

  get attempts(): number {
    return this.#attempt
  }
}

/** Waits `ms`, or less if `signal` aborts first; never rejects. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal })
  } catch {
    // aborted: the caller checks why
  }
}
