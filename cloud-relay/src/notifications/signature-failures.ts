// Deliveries to a known branch whose signature does not match its secret, counted per branch
// over an hour on this instance. Cal.com signing with a secret the relay does not have (a webhook
// recreated by hand, a secret changed in Cal.com) looks like this, and then every booking change
// is refused and lost to the desks: past the threshold it is a relay.delivery_problem.

export const SIGNATURE_FAILURE_THRESHOLD = 5
const WINDOW_MS = 3_600_000

export class SignatureFailures {
  readonly #seen = new Map<string, { first: number; count: number }>()

  /** Counts one; true exactly when this one reaches the threshold within the window. */
  note(channelId: string, at: number): { reached: boolean; since: number } {
    let e = this.#seen.get(channelId)
    if (!e || at - e.first > WINDOW_MS) {
      e = { first: at, count: 0 }
      this.#seen.set(channelId, e)
    }
    e.count += 1
    // Bounded: a flood naming many branches forgets the oldest rather than growing.
    if (this.#seen.size > 10_000) this.#seen.delete(this.#seen.keys().next().value as string)
    return { reached: e.count === SIGNATURE_FAILURE_THRESHOLD, since: e.first }
  }
}
