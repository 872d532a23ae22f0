// The inbox: where relay pages meet the desk, one page at a time. It owns the relay cursor's
// progress: each page is applied in one transaction that reads the cursor once and moves it
// (InboundApplier.applyRelayEvents), and the page's answer is the new seq, which the relay
// client acks and asks after. It keeps what sync health shows of the last event (lag, trigger)
// and reports each event's notices (an unknown trigger, say).
import type { SyncHealth } from '../../../shared/api/schemas'
import type { SyncEventRow } from '../../../shared/api/sync-logs'
import type { RelayEvent } from '../../../shared/relay/relay-contract'
import { uidsOf } from '../appointments/booking-mapping'
import type { CalcomClient } from '../calcom/calcom-client'
import type { InboundApplier } from './apply-event'

export interface InboxOptions {
  applier: InboundApplier
  /** Cal.com, to settle bookings a page leaves in doubt; null while sync is not running. */
  client(): CalcomClient | null
  /** Aborted when the desk closes: such a fetch still waiting for Cal.com is cut off. */
  closing?: AbortSignal
  /** A notice from an applied event (code, words for sync health). */
  notice(code: string, message: string): void
  /** Something sync health shows changed. */
  changed(): void
  /** The triggers of a page just committed (the business copy listens for its own). */
  triggersApplied?(triggers: readonly string[]): void
  /** One row of the event log per event applied or refused (sync-event-ring.ts). */
  logged?(row: Omit<SyncEventRow, 'at'>): void
}

export class Inbox {
  readonly #o: InboxOptions
  #queue: Promise<unknown> = Promise.resolve()
  #busy = 0
  #lastEvent: SyncHealth['lastEvent'] = null
  #lagMs: number | null = null

  constructor(opts: InboxOptions) {
    this.#o = opts
  }

  get lastEvent(): SyncHealth['lastEvent'] {
    return this.#lastEvent
  }

  get lagMs(): number | null {
    return this.#lagMs
  }

  /**
   * Applies a page, in seq order, in one transaction, after any page still being applied;
   * resolves with the seq the cursor now stands at. An event SQLite refused is thrown after
   * what came before it is committed and reported, so the relay client backs off and asks again
   * from the cursor, which stays just before it.
   */
  apply(events: readonly RelayEvent[]): Promise<number> {
    this.#busy++
    const run = () => this.#apply(events)
    const next = this.#queue.then(run, run)
    this.#queue = next.catch(() => undefined)
    void next.catch(() => undefined).finally(() => this.#busy--)
    return next
  }

  /** Resolves once no page is being applied. */
  async idle(): Promise<void> {
    while (this.#busy > 0) await this.#queue
  }

  async #apply(events: readonly RelayEvent[]): Promise<number> {
    const { applied, error, seq } = await this.#o.applier.applyRelayEvents(events, {
      client: this.#o.client(),
      closing: this.#o.closing,
    })
    for (const { delivery } of applied)
      for (const n of delivery.mapped.notices) this.#o.notice(n.code, n.message)
    this.#log(events, applied, error)
    const last = applied.at(-1)?.delivery
    if (last) {
      this.#lagMs = Number.isFinite(last.relay.receivedAt)
        ? Math.max(0, Date.now() - last.relay.receivedAt)
        : null
      this.#lastEvent = {
        at: new Date().toISOString(),
        seq: last.relay.seq,
        trigger: last.mapped.trigger,
        uids: uidsOf(last.mapped.changes),
      }
    }
    if (applied.length > 0)
      this.#o.triggersApplied?.(applied.map(({ delivery }) => delivery.mapped.trigger))
    if (error) throw error
    this.#o.changed()
    return seq
  }

  #log(
    events: readonly RelayEvent[],
    applied: Awaited<ReturnType<InboundApplier['applyRelayEvents']>>['applied'],
    error: unknown,
  ): void {
    const logged = this.#o.logged
    if (!logged) return
    for (const { delivery, result } of applied) {
      logged({
        kind: 'webhook',
        what: delivery.mapped.trigger,
        seq: delivery.relay.seq,
        uids: uidsOf(delivery.mapped.changes),
        result: !result.duplicate && result.changed.length > 0 ? 'changed' : 'unchanged',
        changed: result.duplicate ? 0 : result.changed.length,
        fetched: null,
        error: null,
      })
    }
    if (!error) return
    // The event SQLite refused is the first one after the last applied.
    const after = applied.at(-1)?.delivery.relay.seq ?? -Infinity
    const refused = events.find((e) => e.seq > after)
    logged({
      kind: 'webhook',
      what: triggerOf(refused?.body),
      seq: refused?.seq ?? null,
      uids: [],
      result: 'failed',
      changed: 0,
      fetched: null,
      error: error instanceof Error ? error.message : String(error),
    })
  }
}

/** The trigger a raw Cal.com body names, without trusting it to be JSON. */
function triggerOf(body: string | undefined): string {
  try {
    const trigger = (JSON.parse(body ?? '') as { triggerEvent?: unknown }).triggerEvent
    return typeof trigger === 'string' ? trigger.slice(0, 100) : 'UNKNOWN'
  } catch {
    return 'UNKNOWN'
  }
}
