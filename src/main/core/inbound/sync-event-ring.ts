// The event log of the sync health page: each Cal.com event the inbox applied and each reconcile,
// newest first. Kept in memory (no table of its own): it covers the time since the desk started,
// at most CAPACITY rows, and the page says so.
import type { SyncEventPage, SyncEventQuery, SyncEventRow } from '../../../shared/api/sync-logs'

export const SYNC_EVENT_CAPACITY = 500

export class SyncEventRing {
  readonly #rows: SyncEventRow[] = []
  readonly #since = new Date().toISOString()

  add(row: Omit<SyncEventRow, 'at'> & { at?: string }): void {
    this.#rows.push({ ...row, at: row.at ?? new Date().toISOString() })
    if (this.#rows.length > SYNC_EVENT_CAPACITY)
      this.#rows.splice(0, this.#rows.length - SYNC_EVENT_CAPACITY)
  }

  /** Newest first, narrowed by kind, result and text (trigger, booking uid or error). */
  page(query: SyncEventQuery = {}): SyncEventPage {
    const text = query.text?.toLowerCase()
    const rows = this.#rows
      .filter(
        (r) =>
          (!query.kind || r.kind === query.kind) &&
          (!query.result || r.result === query.result) &&
          (!text ||
            r.what.toLowerCase().includes(text) ||
            r.uids.some((uid) => uid.toLowerCase().includes(text)) ||
            (r.error ?? '').toLowerCase().includes(text)),
      )
      .reverse()
    return { since: this.#since, capacity: SYNC_EVENT_CAPACITY, rows }
  }
}
