// The desk core's internal events: what one module tells the others after a change commits
// (the slots cache forgets days when appointments change; held Cal.com news is refreshed when
// the outbox lets go of a booking). Modules wire to each other here, never to the UI's live
// stream, which is fed from these events (live/live-feed.ts) and only listens.
import { EventEmitter } from 'node:events'

export interface DeskEventMap {
  /** Appointments changed at the desk (committed): their uids and the branch days they touch. */
  appointmentsChanged: { uids: readonly string[]; dates: readonly string[] }
  /** The outbox queue moved: a row was queued, claimed, settled, retried or discarded. */
  outboxChanged: Record<string, never>
  /** The branch or its connection changed. */
  branchChanged: Record<string, never>
  /** Sync health changed (relay state, an event applied, a reconcile, an error). */
  syncChanged: Record<string, never>
  /** Desktop notifications arrived for this desk to show (notify/desktop-feed.ts). */
  desktopNotifications: Record<string, never>
}

export type DeskEventName = keyof DeskEventMap

export class DeskEvents {
  readonly #emitter = new EventEmitter().setMaxListeners(0)

  emit<K extends DeskEventName>(name: K, event: DeskEventMap[K]): void {
    this.#emitter.emit(name, event)
  }

  /** Listens until the returned function is called. */
  on<K extends DeskEventName>(name: K, listener: (event: DeskEventMap[K]) => void): () => void {
    this.#emitter.on(name, listener)
    return () => this.#emitter.off(name, listener)
  }
}
