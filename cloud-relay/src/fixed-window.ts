/**
 * Counts events per key (a channel, a client address) in fixed windows: a Map lookup per
 * request, so it can sit on the intake's hot path. Keys are forgotten when their window ends;
 * at most `maxKeys` are held, so a flood from many addresses cannot grow it without bound.
 */
export class FixedWindow {
  readonly #windows = new Map<string, { count: number; endsAt: number }>()

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one event for `key`; returns how many it has in the current window. */
  add(key: string, now = Date.now()): number {
    const w = this.#windows.get(key)
    if (w && w.endsAt > now) return ++w.count
    if (w) this.#windows.delete(key)
    else if (this.#windows.size >= this.maxKeys) this.#makeRoom(now)
    this.#windows.set(key, { count: 1, endsAt: now + this.windowMs })
    return 1
  }

  /** Whether `key` has used up its window. */
  spent(key: string, now = Date.now()): boolean {
    const w = this.#windows.get(key)
    return w !== undefined && w.endsAt > now && w.count >= this.limit
  }

  /** Whole seconds until `key`'s window ends (at least 1). */
  retryAfterSeconds(key: string, now = Date.now()): number {
    const w = this.#windows.get(key)
    return Math.max(1, Math.ceil(((w?.endsAt ?? now) - now) / 1000))
  }

  #makeRoom(now: number): void {
    for (const [key, w] of this.#windows) if (w.endsAt <= now) this.#windows.delete(key)
    // Still full: the oldest windows go first (a Map iterates in insertion order).
    for (const key of this.#windows.keys()) {
      if (this.#windows.size < this.maxKeys) break
      this.#windows.delete(key)
    }
  }
}
