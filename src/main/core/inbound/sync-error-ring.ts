// The last problems sync ran into, newest first in GET /api/sync, each also logged.
import type { Logger } from 'pino'
import type { SyncHealth } from '../../../shared/api/schemas'

export type SyncErrorEntry = SyncHealth['recentErrors'][number]

const MAX_ERRORS = 20

export class SyncErrorRing {
  readonly #errors: SyncErrorEntry[] = []

  constructor(private readonly log: Logger) {}

  add(source: SyncErrorEntry['source'], code: string, message: string): void {
    this.#errors.push({ at: new Date().toISOString(), source, code, message })
    if (this.#errors.length > MAX_ERRORS) this.#errors.splice(0, this.#errors.length - MAX_ERRORS)
    this.log.warn({ source, code }, message)
  }

  /** Newest first. */
  recent(): SyncErrorEntry[] {
    return [...this.#errors].reverse()
  }
}
