// In-process fan-out of changes to the UI's live stream (GET /api/live) and to tests watching as
// the UI would; fed from the core's internal events by live-feed.ts.
import { EventEmitter } from 'node:events'
import type { LiveEvent } from '../../../shared/api/schemas'

export class LiveBus {
  readonly #emitter = new EventEmitter().setMaxListeners(0)

  publish(event: LiveEvent): void {
    this.#emitter.emit('change', event)
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.#emitter.on('change', listener)
    return () => this.#emitter.off('change', listener)
  }
}
