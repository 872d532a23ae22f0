/** One source's refusals for one reason over an interval: what a log line reports. */
export interface RefusalSummary {
  from: string
  reason: string
  count: number
  /** How many of them were answered 429 because the source had spent its refusals. */
  rateLimited: number
  /** The channels they named (the first few), for intake refusals. */
  channels?: string[]
}

const CHANNELS_LISTED = 5

/**
 * Refusals counted by (source address, reason) between flushes, so a flood costs one log line
 * per source and reason per interval instead of one per request.
 */
export class RefusalTally {
  readonly #entries = new Map<string, RefusalSummary & { seen: Set<string> }>()

  note(from: string, reason: string, rateLimited: boolean, channelId?: string): void {
    const key = `${from} ${reason}`
    let e = this.#entries.get(key)
    if (!e) {
      e = { from, reason, count: 0, rateLimited: 0, seen: new Set() }
      this.#entries.set(key, e)
    }
    e.count += 1
    if (rateLimited) e.rateLimited += 1
    if (channelId !== undefined && e.seen.size < CHANNELS_LISTED) e.seen.add(channelId)
  }

  /** Hands over what was counted since the last flush, and starts again from nothing. */
  flush(): RefusalSummary[] {
    const out = [...this.#entries.values()].map(({ seen, ...e }) =>
      seen.size ? { ...e, channels: [...seen] } : e,
    )
    this.#entries.clear()
    return out
  }
}
