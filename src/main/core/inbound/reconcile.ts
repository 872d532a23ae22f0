// Reconcile: Cal.com is the truth, webhooks are hints (DESIGN.md §2). Reads `GET /v2/bookings`
// page by page and applies each page by state, which heals dropped, duplicated and reordered
// webhooks and changes that fired none.
//
//   window       after connecting (or with no watermark): bookings starting 30 days back to
//                90 days ahead
//   incremental  otherwise: bookings Cal.com updated since the watermark (minus an overlap, for
//                bookings committed a little out of order)
//
// The watermark is the newest `updatedAt` Cal.com has shown us, per account, so it follows
// Cal.com's clock rather than the desk's.
import { DateTime } from 'luxon'
import type { CalcomClient } from '../calcom/calcom-client'
import type { ListBookingsQuery } from '../calcom/bookings-api'
import type { DeskDb } from '../db/open-database'
import type { SettingsStore } from '../settings/settings-store'
import type { InboundApplier } from './apply-event'
import { apiVersion, mapStatus } from '../appointments/booking-mapping'

export type ReconcileTrigger =
  | 'start'
  | 'connect'
  | 'interval'
  | 'demand'
  | 'resync'
  /** The relay answered a newly enrolled device: its channel's webhook exists from now on. */
  | 'enrolled'

export interface ReconcileResult {
  trigger: ReconcileTrigger
  mode: 'window' | 'incremental'
  startedAt: string
  finishedAt: string
  ok: boolean
  pages: number
  fetched: number
  changed: number
  error?: { code: string; message: string }
  /** Cal.com statuses the desk does not know, with how many bookings had each (kept as they were). */
  unknownStatuses: Record<string, number>
}

export interface ReconcilerOptions {
  db: DeskDb
  settings: SettingsStore
  applier: InboundApplier
  client: () => CalcomClient | null
  accountId: () => number | null
  pageSize?: number
  overlapMs?: number
  /** Desk clock, for the booking window. */
  now?: () => number
  /** False once the desk is closing: stop between pages. */
  active?: () => boolean
  /** Aborted when the desk closes: a page still being read is cut off, not waited for. */
  closing?: AbortSignal
}

const MAX_PAGES = 200

export class Reconciler {
  readonly #o: Required<ReconcilerOptions>
  readonly #settings: SettingsStore
  #running: Promise<ReconcileResult> | null = null
  #next: { window: boolean; result: Promise<ReconcileResult> } | null = null

  constructor(opts: ReconcilerOptions) {
    this.#settings = opts.settings
    this.#o = {
      ...opts,
      pageSize: opts.pageSize ?? 100,
      overlapMs: opts.overlapMs ?? 5 * 60_000,
      now: opts.now ?? Date.now,
      active: opts.active ?? (() => true),
      closing: opts.closing ?? new AbortController().signal,
    }
  }

  /** The newest Cal.com updatedAt applied by reconcile for this account (epoch ms), if any. */
  watermark(): number | null {
    const key = this.#key()
    if (!key) return null
    const value = this.#settings.get(key)
    const n = value !== undefined ? Number(value) : NaN
    return Number.isFinite(n) ? n : null
  }

  /**
   * Runs a pass. A call while one runs queues one more pass after it (changes may have landed
   * after the running pass read them); every caller waiting meanwhile shares that next pass.
   */
  run(trigger: ReconcileTrigger, opts: { window?: boolean } = {}): Promise<ReconcileResult> {
    const window = opts.window ?? false
    if (!this.#running) {
      this.#running = this.#run(trigger, window).finally(() => (this.#running = null))
      return this.#running
    }
    if (this.#next) {
      this.#next.window ||= window
      return this.#next.result
    }
    const next = { window, result: undefined as unknown as Promise<ReconcileResult> }
    next.result = this.#running
      .catch(() => undefined)
      .then(() => {
        this.#next = null
        return this.run(trigger, { window: next.window })
      })
    this.#next = next
    return next.result
  }

  async #run(trigger: ReconcileTrigger, forceWindow: boolean): Promise<ReconcileResult> {
    const startedAt = new Date().toISOString()
    const client = this.#o.client()
    const mark = this.watermark()
    const mode = forceWindow || mark === null ? 'window' : 'incremental'
    const result: ReconcileResult = {
      trigger,
      mode,
      startedAt,
      finishedAt: startedAt,
      ok: false,
      pages: 0,
      fetched: 0,
      changed: 0,
      unknownStatuses: {},
    }
    if (!client) {
      result.error = { code: 'NOT_CONNECTED', message: 'The branch is not connected to Cal.com.' }
      return result
    }
    const now = DateTime.fromMillis(this.#o.now()).toUTC()
    const base: ListBookingsQuery =
      mode === 'window'
        ? {
            afterStart: now.minus({ days: 30 }).toISO()!,
            beforeEnd: now.plus({ days: 90 }).toISO()!,
            sortUpdatedAt: 'asc',
          }
        : {
            afterUpdatedAt: new Date(mark! - this.#o.overlapMs).toISOString(),
            sortUpdatedAt: 'asc',
          }
    let newest = mark
    for (let skip = 0; result.pages < MAX_PAGES;) {
      const page = await client.bookings.list(
        { ...base, take: this.#o.pageSize, skip },
        this.#o.closing,
      )
      if (!this.#o.active()) {
        result.error = { code: 'STOPPED', message: 'The desk is closing.' }
        break
      }
      if (!page.ok) {
        result.error = { code: page.error.code, message: page.error.message }
        break
      }
      const bookings = page.value.data
      result.pages += 1
      result.fetched += bookings.length
      result.changed += this.#o.applier.applyApiBookings(bookings, 'reconcile').changed.length
      for (const b of bookings) {
        if (mapStatus(b.status) === null)
          result.unknownStatuses[b.status] = (result.unknownStatuses[b.status] ?? 0) + 1
        // Read as the merge reads it: an updatedAt that does not exist (a Feb 30, which
        // Date.parse rolls into March) must not carry the watermark past bookings not yet read.
        const t = apiVersion(b)
        if (t !== null && (newest === null || t > newest)) newest = t
      }
      skip += bookings.length
      const more = page.value.pagination?.hasNextPage ?? bookings.length === this.#o.pageSize
      if (!more || bookings.length === 0) {
        result.ok = true
        break
      }
    }
    // Only a complete pass moves the watermark: a failed one is retried from where it was.
    if (result.ok && newest !== null && newest !== mark) this.#saveWatermark(newest)
    result.finishedAt = new Date().toISOString()
    return result
  }

  #key(): string | null {
    const account = this.#o.accountId()
    return account === null ? null : `sync.reconcile_watermark.${account}`
  }

  #saveWatermark(ms: number): void {
    const key = this.#key()
    if (!key) return
    this.#settings.set(key, String(ms))
  }
}
