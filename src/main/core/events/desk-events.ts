// The desk core's own events, in process: who changed what, told after the commit. Parts of the
// core follow each other through it (the inbox refreshes held bookings when the outbox moves, the
// slots cache forgets a day a booking changed); the UI's live stream is one more listener
// (live/live-bus.ts), so what the core says to itself is not bound to what the UI is sent.
import { EventEmitter } from 'node:events'

export type DeskEvent =
  /** Appointments changed, with the branch days they were or now are on. */
  | { type: 'appointments'; uids: string[]; dates: string[] }
  /** The branch or its connection changed. */
  | { type: 'branch' }
  /** Sync health changed. */
  | { type: 'sync' }
  /** The outbox queue moved. */
  | { type: 'outbox' }

export class DeskEvents {
  readonly #emitter = new EventEmitter().setMaxListeners(0)

  publish(event: DeskEvent): void {
    this.#emitter.emit('event', event)
  }

  subscribe(listener: (event: DeskEvent) => void): () => void {
    this.#emitter.on('event', listener)
    return () => this.#emitter.off('event', listener)
  }
}
