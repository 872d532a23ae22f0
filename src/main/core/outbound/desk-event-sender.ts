// Takes queued desk events to the relay (POST /v1/desk-events), oldest first, one at a time, so
// the relay's seqs follow the order the desk made them in. Offline they wait in
// desk_event_outbox and go when the relay answers again (retried with capped backoff, and at
// once when a new one is queued). A 400 is the relay's final word: the event is set aside as
// refused and the change stays at this desk alone rather than blocking every later one — and sync
// health says so (`DESK_EVENT_REFUSED`, from the kept row, so after a restart too), since the
// other desks will not show it. An answer that does not say the seq the event got is not taken
// as sent: the event is posted again later (its key makes that the same event at the relay).
import type { Logger } from 'pino'
import type { DeskEventRequest } from '../../../shared/relay/desk-events'
import { DeskEventResponseSchema } from '../../../shared/relay/log-answers'
import { readAnswer } from '../inbound/relay-answer'
import { PLACEHOLDER_PREFIX } from '../actions/desk-actions'
import { Backoff } from '../inbound/backoff'
import type { RelayDevice } from '../inbound/relay-device-store'
import type { DeskEventStore } from '../shared-state/desk-event-store'
import type { SharedState } from '../shared-state/shared-state'

export interface DeskEventSenderOptions {
  store: DeskEventStore
  shared: SharedState
  device: () => Promise<RelayDevice | null>
  logger: Logger
  backoff?: Backoff
  /** The relay refused a desk event for good (the row records it): sync health changed. */
  onRefused?: () => void
  /** The relay's answer could not be read (`message` names the call and the field). */
  onBadAnswer?: (message: string) => void
}

export class DeskEventSender {
  readonly #o: DeskEventSenderOptions
  readonly #backoff: Backoff
  #running: Promise<void> | null = null
  #again = false
  #timer: NodeJS.Timeout | null = null
  #stopped = false
  #off: (() => void) | null = null

  constructor(opts: DeskEventSenderOptions) {
    this.#o = opts
    this.#backoff = opts.backoff ?? new Backoff(500, 15_000)
  }

  start(): void {
    if (!this.#o.shared.enabled) return
    this.#off = this.#o.shared.onQueued(() => void this.wake())
    void this.wake()
  }

  async stop(): Promise<void> {
    this.#stopped = true
    this.#off?.()
    if (this.#timer) clearTimeout(this.#timer)
    await this.#running
  }

  /** Sends what waits; one pass at a time, another after if woken meanwhile. */
  wake(): Promise<void> {
    if (this.#stopped) return Promise.resolve()
    if (this.#running) {
      this.#again = true
      return this.#running
    }
    this.#running = (async () => {
      do {
        this.#again = false
        await this.#pass()
      } while (this.#again && !this.#stopped)
    })().finally(() => (this.#running = null))
    return this.#running
  }

  async #pass(): Promise<void> {
    const device = await this.#o.device().catch(() => null)
    for (;;) {
      if (this.#stopped) return
      const [row] = this.#o.store.sendable(PLACEHOLDER_PREFIX, 1)
      if (!row) return
      if (!device) return this.#retryLater()
      const request: DeskEventRequest = {
        key: row.key,
        madeAt: new Date(row.madeAt).toISOString(),
        change: row.change,
      }
      let status = 0
      try {
        const res = await fetch(`${device.relayUrl}/v1/desk-events`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${device.deviceToken}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(request),
          signal: AbortSignal.timeout(15_000),
        })
        status = res.status
        if (res.ok) {
          const answer = await readAnswer(res, 'POST /v1/desk-events', DeskEventResponseSchema)
          if (!answer.ok) {
            this.#o.logger.warn({ key: row.key }, answer.message)
            this.#o.onBadAnswer?.(answer.message)
            throw new Error(answer.message)
          }
          this.#o.store.sent(row.id, answer.value.seq)
          this.#backoff.reset()
          continue
        }
        const text = await res.text()
        if (status === 400) {
          this.#o.store.refuse(row.id, text.slice(0, 300), Date.now())
          this.#o.logger.warn(
            { key: row.key, kind: row.change.kind, answer: text.slice(0, 300) },
            'the relay refused a desk event; the change stays at this desk only',
          )
          this.#o.onRefused?.()
          continue
        }
        throw new Error(`the relay answered ${status}`)
      } catch (err) {
        this.#o.store.failed(row.id)
        this.#o.logger.info(
          { key: row.key, err: { message: (err as Error).message } },
          'desk event not sent yet; will retry',
        )
        return this.#retryLater()
      }
    }
  }

  #retryLater(): void {
    if (this.#stopped || this.#timer) return
    this.#timer = setTimeout(() => {
      this.#timer = null
      void this.wake()
    }, this.#backoff.next())
    this.#timer.unref()
  }
}
