// Cal.com turns a webhook off after deliveries fail (and anyone can delete it in Cal.com); then
// no booking change reaches the relay and nobody is told. The relay holds no Cal.com credential,
// so the desk looks: at start (once the relay answers) and every 15 minutes while online it lists
// the account's webhooks and finds the one pointing at this branch's relay channel. One turned
// off it turns back on itself (the secret stays Cal.com's copy of the relay's); one deleted it
// cannot re-create (only the relay knows the secret: reconnecting the branch does it). Either way
// sync health says so and the owners hear of it through the relay (desk-reports.ts).
import type { Logger } from 'pino'
import type { WebhookFinding } from '../../../shared/notifications/kinds'
import type { CalcomClient } from '../calcom/calcom-client'
import type { DeskEvents } from '../events/desk-events'

/** What the last look found wrong; null while the webhook is fine or not yet looked at. */
export interface WebhookProblem {
  finding: WebhookFinding
  /** The desk turned it back on. */
  reenabled: boolean
  /** When it was found (ms since the epoch). */
  at: number
}

export type WebhookCheck =
  | { outcome: 'ok' }
  | {
      outcome: 'skipped'
      why: 'not-connected' | 'not-enrolled' | 'calcom-unreachable' | 'closing'
    }
  | { outcome: 'problem'; problem: WebhookProblem }

export interface WebhookWatchOptions {
  client: () => CalcomClient | null
  /** This desk's relay channel (null before enrollment). */
  channelId: () => string | null
  relayOnline: () => boolean
  events: DeskEvents
  logger: Logger
  /** A line in sync health's recent problems (WEBHOOK_REENABLED, WEBHOOK_DISABLED, WEBHOOK_MISSING). */
  notice: (code: string, message: string) => void
  /** Something was found wrong (the owners are to be told). */
  onProblem: (problem: WebhookProblem) => void
  /** Turned back on: what changed while it was off is read from Cal.com now. */
  onReenabled: () => void
  /** How often to look while online (default 15 minutes). */
  intervalMs?: number
  now?: () => number
}

export const WEBHOOK_CHECK_INTERVAL_MS = 15 * 60_000

/** The relay's intake path for a channel (DESIGN.md §4.1); the host is the relay's public URL. */
const isForChannel = (subscriberUrl: string, channelId: string): boolean =>
  subscriberUrl.replace(/\/+$/, '').endsWith(`/hooks/calcom/${channelId}`)

export class WebhookWatch {
  #problem: WebhookProblem | null = null
  #checkedAt = -Infinity
  #running: Promise<WebhookCheck> | null = null
  #timer: NodeJS.Timeout | null = null
  #off: (() => void) | null = null
  // Cancels a look in flight when the desk closes: Cal.com hanging must not hold up quitting.
  readonly #closing = new AbortController()
  readonly #intervalMs: number
  readonly #now: () => number

  constructor(private readonly o: WebhookWatchOptions) {
    this.#intervalMs = o.intervalMs ?? WEBHOOK_CHECK_INTERVAL_MS
    this.#now = o.now ?? Date.now
  }

  /** What the last look found wrong, if anything. */
  get problem(): WebhookProblem | null {
    return this.#problem
  }

  start(): void {
    // The relay coming online (at start, after a reconnect) is when a look is first possible.
    this.#off = this.o.events.on('syncChanged', () => this.#lookIfDue())
    this.#timer = setInterval(() => this.#lookIfDue(), this.#intervalMs)
    this.#timer.unref()
    this.#lookIfDue()
  }

  async stop(): Promise<void> {
    this.#off?.()
    if (this.#timer) clearInterval(this.#timer)
    this.#closing.abort()
    await this.#running
  }

  #lookIfDue(): void {
    if (this.#running || this.#closing.signal.aborted || !this.o.relayOnline()) return
    if (this.#now() - this.#checkedAt < this.#intervalMs) return
    void this.check()
  }

  /** Looks now (one look at a time). */
  check(): Promise<WebhookCheck> {
    this.#running ??= this.#look().finally(() => (this.#running = null))
    return this.#running
  }

  async #look(): Promise<WebhookCheck> {
    const client = this.o.client()
    if (!client) return { outcome: 'skipped', why: 'not-connected' }
    const channelId = this.o.channelId()
    if (!channelId) return { outcome: 'skipped', why: 'not-enrolled' }
    const listed = await client.webhooks.list(this.#closing.signal)
    if (!listed.ok && listed.error.code === 'CANCELLED')
      return { outcome: 'skipped', why: 'closing' }
    if (!listed.ok) {
      // Cal.com out of reach or refusing: sync health shows that already; look again later.
      this.o.logger.info({ code: listed.error.code }, 'webhook check: Cal.com did not answer')
      return { outcome: 'skipped', why: 'calcom-unreachable' }
    }
    this.#checkedAt = this.#now()
    const mine = listed.value.find((w) => isForChannel(w.subscriberUrl, channelId))
    if (mine?.active) {
      this.#problem = null
      return { outcome: 'ok' }
    }
    let problem: WebhookProblem
    if (!mine) {
      problem = { finding: 'missing', reenabled: false, at: this.#now() }
      this.o.notice(
        'WEBHOOK_MISSING',
        `Cal.com has no webhook to this branch's relay channel ${channelId}: it was deleted.`,
      )
    } else {
      const turnedOn = await client.webhooks.update(mine.id, { active: true }, this.#closing.signal)
      problem = { finding: 'inactive', reenabled: turnedOn.ok, at: this.#now() }
      if (turnedOn.ok) {
        this.o.notice(
          'WEBHOOK_REENABLED',
          `Cal.com had turned off webhook ${mine.id} to this branch's relay channel; the desk turned it back on.`,
        )
        this.o.onReenabled()
      } else {
        this.o.notice(
          'WEBHOOK_DISABLED',
          `Cal.com has turned off webhook ${mine.id} to this branch's relay channel; turning it back on failed: ${turnedOn.error.message}`,
        )
      }
    }
    this.o.logger.warn(
      { finding: problem.finding, reenabled: problem.reenabled },
      'the branch’s Cal.com webhook was found off',
    )
    this.#problem = problem
    this.o.onProblem(problem)
    return { outcome: 'problem', problem }
  }
}
