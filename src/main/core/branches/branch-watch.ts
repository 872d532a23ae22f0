// Tells when what the app shows of its branches (the switcher's marks, the tray) changed, at any
// branch: it listens to every branch core's internal events in this process and compares one
// cheap summary per branch, so the page on branch A hears of branch B's refused booking without
// opening B's live stream. A burst of events (a reconcile applies hundreds) is read once, and a
// change that moves nothing the summary shows (the last event's time) tells no one.
import type { DeskEvents } from '../events/desk-events'

/** The events that can move a branch's offline, waiting or attention marks, or its name. */
const MOVING = ['outboxChanged', 'syncChanged', 'branchChanged'] as const

export class BranchWatch {
  readonly #listeners = new Set<() => void>()
  readonly #followed = new Map<string, () => void>()
  /** What was shown when last told; null until the app's first branches are all started. */
  #last: string | null = null
  #pending: NodeJS.Immediate | null = null

  /** `shown` is what the app shows of every branch now, as a comparable string. */
  constructor(private readonly shown: () => string) {}

  /** The branches the app started with are followed: what they show now is the baseline. */
  start(): void {
    this.#last = this.shown()
  }

  /** Follows a branch core's events from now on (a branch started or added). */
  follow(key: string, events: Pick<DeskEvents, 'on'>): void {
    this.#followed.get(key)?.()
    const offs = MOVING.map((name) => events.on(name, () => this.#changed()))
    this.#followed.set(key, () => offs.forEach((off) => off()))
    this.#changed()
  }

  /** Stops following a branch (removed); the others hear it is gone. */
  unfollow(key: string): void {
    this.#followed.get(key)?.()
    this.#followed.delete(key)
    this.#changed()
  }

  /** Calls `listener` after each change of what is shown; returns how to stop. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  close(): void {
    for (const off of this.#followed.values()) off()
    this.#followed.clear()
    this.#listeners.clear()
    this.#last = null
    if (this.#pending) clearImmediate(this.#pending)
    this.#pending = null
  }

  #changed(): void {
    if (this.#last === null) return
    // Events come in bursts within one turn of the loop: read the summaries once after it.
    this.#pending ??= setImmediate(() => {
      this.#pending = null
      const now = this.shown()
      if (this.#last === null || now === this.#last) return
      this.#last = now
      for (const listener of [...this.#listeners]) listener()
    })
  }
}
