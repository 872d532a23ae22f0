// Capped exponential backoff with full jitter: wait a random time between 0 and
// min(cap, base·2^attempt). Spreading retries over the whole interval keeps many desks that lost
// the relay at the same moment from coming back in lock-step.
import { setTimeout as delay } from 'node:timers/promises'

export class Backoff {
  #attempt = 0

  constructor(
    readonly baseMs = 500,
    readonly capMs = 30_000,
    private readonly random: () => number = Math.random,
  ) {}

  /** The next wait, in ms; each call widens the interval until the cap. */
  next(): number {
    const ceiling = Math.min(this.capMs, this.baseMs * 2 ** Math.min(this.#attempt, 30))
    this.#attempt += 1
    return Math.floor(this.random() * ceiling)
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
