import { randomUUID } from 'node:crypto'
import type { BookingChange } from '../bookings.js'
import type { Webhook } from '../model.js'
import type { SandboxStore } from '../store.js'
import { bookingPayload, meetingRow } from './payloads.js'
import { signBody } from './signer.js'
import { type WebhookBody, webhookBody } from './template.js'

export type WebhookFaultMode = 'drop' | 'duplicate' | 'delay' | 'reorder'

export interface WebhookFault {
  mode: WebhookFaultMode
  remaining: number
  delayMs: number
}

export interface DeliveryRecord {
  id: number
  webhookId: string
  target: string
  trigger: string
  /** the answer's status code; null when nothing answered (dropped, network error) */
  statusCode: number | null
  error: string | null
  fault: WebhookFaultMode | null
  headers: Record<string, string>
  body: string
  queuedAt: string
  attemptedAt: string | null
}

interface Job {
  record: DeliveryRecord
}

interface ScheduledTrigger {
  bookingUid: string
  webhookId: string
  trigger: 'MEETING_ENDED' | 'MEETING_STARTED'
  startAfter: number
}

const DAY = 24 * 60 * 60_000
// Cal.com sets no timeout; the sandbox needs one so a stuck receiver cannot stall flush forever.
const SEND_TIMEOUT_MS = 10_000
const NOT_SENT_CLOSED = 'not sent: the sandbox closed'

/**
 * Sends webhooks the way Cal.com does (REFERENCE.md §4): compact JSON, signed, one attempt, no
 * retry on non-2xx, redirects not followed. Deliveries start after the API call has answered.
 */
export class WebhookDispatcher {
  readonly log: DeliveryRecord[] = []
  private faults: WebhookFault[] = []
  private readonly inFlight = new Set<Promise<void>>()
  private held: Job[] = []
  private heldTarget = 0
  private readonly scheduled = new Map<string, ScheduledTrigger>()
  /** delayed deliveries not started yet: cancelling one settles its in-flight promise */
  private readonly delayed = new Map<NodeJS.Timeout, { job: Job; cancel: () => void }>()
  private readonly sending = new Set<AbortController>()
  /** closing: nothing new is queued */
  private closed = false
  /** the close's grace is over: nothing more goes on the wire */
  private cut = false
  private nextId = 1

  constructor(
    private readonly store: SandboxStore,
    private readonly now: () => number,
    private readonly appUrl: () => string,
  ) {}

  addFault(mode: WebhookFaultMode, count: number, delayMs = 1000): void {
    this.faults.push({ mode, remaining: count, delayMs })
  }

  pendingFaults(): WebhookFault[] {
    return this.faults.filter((f) => f.remaining > 0)
  }

  clearFaults(): void {
    this.faults = []
    this.releaseHeld()
  }

  private subscribers(userId: number, trigger: string): Webhook[] {
    return this.store.webhooksOf(userId).filter((w) => w.active && w.triggers.includes(trigger))
  }

  handleChange(change: BookingChange): void {
    const b = change.booking
    for (const webhook of this.subscribers(b.accountId, change.trigger)) {
      const payload = bookingPayload(this.store, change, this.appUrl())
      this.enqueue(webhook, change.trigger, () =>
        webhookBody(
          webhook.payloadTemplate,
          change.trigger,
          new Date(this.now()).toISOString(),
          payload,
        ),
      )
    }
    // MEETING_* posts are scheduled when a booking is accepted and dropped when it goes away.
    if (change.trigger === 'BOOKING_RESCHEDULED' || change.trigger === 'BOOKING_REQUESTED') {
      if (change.previous) this.unschedule(change.previous.uid)
    }
    if (change.trigger === 'BOOKING_CANCELLED' || change.trigger === 'BOOKING_REJECTED')
      this.unschedule(b.uid)
    if (
      (change.trigger === 'BOOKING_CREATED' || change.trigger === 'BOOKING_RESCHEDULED') &&
      b.status === 'accepted'
    ) {
      for (const trigger of ['MEETING_STARTED', 'MEETING_ENDED'] as const) {
        for (const webhook of this.subscribers(b.accountId, trigger)) {
          this.scheduled.set(`${b.uid}:${webhook.id}:${trigger}`, {
            bookingUid: b.uid,
            webhookId: webhook.id,
            trigger,
            startAfter: Date.parse(trigger === 'MEETING_ENDED' ? b.end : b.start),
          })
        }
      }
    }
  }

  private unschedule(uid: string): void {
    for (const [key, job] of this.scheduled) if (job.bookingUid === uid) this.scheduled.delete(key)
  }

  /** Posts the scheduled MEETING_* triggers that are due (Cal.com's per-minute cron). */
  tick(): void {
    if (this.closed) return
    const now = this.now()
    for (const [key, job] of this.scheduled) {
      if (job.startAfter > now) continue
      this.scheduled.delete(key)
      if (now - job.startAfter > DAY) continue // Cal.com drops jobs older than a day
      const webhook = this.store.webhooks.get(job.webhookId)
      const booking = this.store.bookings.get(job.bookingUid)
      if (!webhook?.active || !booking) continue
      const row = meetingRow(this.store, booking, job.trigger, randomUUID())
      // Flat, and payload templates are not applied to MEETING_* (REFERENCE.md §4.2).
      this.enqueue(webhook, job.trigger, () => ({
        body: JSON.stringify(row),
        contentType: 'application/json',
      }))
    }
  }

  private enqueue(webhook: Webhook, trigger: string, render: () => WebhookBody): void {
    let rendered: WebhookBody
    let renderError: string | null = null
    try {
      rendered = render()
    } catch (err) {
      // Cal.com's sendPayload throws on a broken template: that delivery is never posted.
      renderError = `payloadTemplate failed: ${err instanceof Error ? err.message : String(err)}`
      rendered = { body: '', contentType: 'application/json' }
    }
    const { body, contentType } = rendered
    const record: DeliveryRecord = {
      id: this.nextId++,
      webhookId: webhook.id,
      target: webhook.subscriberUrl,
      trigger,
      statusCode: null,
      error: null,
      fault: null,
      headers: {
        'content-type': contentType,
        'x-cal-signature-256': signBody(body, webhook.secret),
        'x-cal-webhook-version': webhook.version,
      },
      body,
      queuedAt: new Date(this.now()).toISOString(),
      attemptedAt: null,
    }
    this.log.push(record)
    if (this.closed || renderError) {
      record.error = renderError ?? NOT_SENT_CLOSED
      return
    }
    const fault = this.faults.find((f) => f.remaining > 0)
    if (fault) fault.remaining -= 1
    this.faults = this.faults.filter((f) => f.remaining > 0)
    const job: Job = { record }
    switch (fault?.mode) {
      case 'drop':
        record.fault = 'drop'
        record.error = 'dropped by sandbox fault'
        record.attemptedAt = record.queuedAt
        return
      case 'duplicate': {
        record.fault = 'duplicate'
        this.start(job, 0)
        const copy: DeliveryRecord = { ...record, id: this.nextId++ }
        this.log.push(copy)
        this.start({ record: copy }, 0)
        return
      }
      case 'delay':
        record.fault = 'delay'
        this.start(job, fault.delayMs)
        return
      case 'reorder':
        record.fault = 'reorder'
        if (this.held.length === 0) this.heldTarget = fault.remaining + 1
        this.held.push(job)
        if (this.held.length >= this.heldTarget) this.releaseHeld()
        return
      default:
        this.start(job, 0)
    }
  }

  /** Sends the held deliveries newest first. */
  private releaseHeld(): void {
    const jobs = this.held.reverse()
    this.held = []
    this.heldTarget = 0
    // Sequential, so the receiver really sees them in reverse order.
    const run = (async () => {
      for (const job of jobs) await this.send(job)
    })()
    this.track(run)
  }

  private start(job: Job, delayMs: number): void {
    const run = new Promise<void>((resolve) => {
      const go = () => void this.send(job).finally(resolve)
      if (delayMs <= 0) return void setImmediate(go)
      const timer = setTimeout(() => {
        this.delayed.delete(timer)
        go()
      }, delayMs)
      this.delayed.set(timer, { job, cancel: resolve })
    })
    this.track(run)
  }

  private track(run: Promise<void>): void {
    this.inFlight.add(run)
    void run.finally(() => this.inFlight.delete(run))
  }

  private async send(job: Job): Promise<void> {
    const { record } = job
    if (this.cut) {
      record.error = NOT_SENT_CLOSED
      return
    }
    record.attemptedAt = new Date(this.now()).toISOString()
    const abort = new AbortController()
    this.sending.add(abort)
    try {
      const res = await fetch(record.target, {
        method: 'POST',
        headers: record.headers,
        body: record.body,
        redirect: 'manual',
        signal: AbortSignal.any([abort.signal, AbortSignal.timeout(SEND_TIMEOUT_MS)]),
      })
      record.statusCode = res.status
      await res.arrayBuffer().catch(() => undefined)
    } catch (err) {
      record.error = abort.signal.aborted
        ? 'cut: the sandbox closed'
        : err instanceof Error
          ? err.message
          : String(err)
    } finally {
      this.sending.delete(abort)
    }
  }

  /**
   * Stops delivering, for the sandbox's close: scheduled MEETING_* posts, delayed and held
   * deliveries are not sent (logged as such); posts already on the wire get `graceMs` to be
   * answered, then are cut. Resolves when nothing is left running.
   */
  async close(graceMs: number): Promise<void> {
    this.closed = true
    this.faults = []
    this.scheduled.clear()
    for (const [timer, { job, cancel }] of this.delayed) {
      clearTimeout(timer)
      job.record.error = NOT_SENT_CLOSED
      cancel()
    }
    this.delayed.clear()
    for (const job of this.held) job.record.error = NOT_SENT_CLOSED
    this.held = []
    const settled = Promise.all([...this.inFlight])
    let grace: NodeJS.Timeout | undefined
    await Promise.race([
      settled,
      new Promise<void>((resolve) => (grace = setTimeout(resolve, graceMs))),
    ])
    clearTimeout(grace)
    this.cut = true
    for (const abort of this.sending) abort.abort()
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight])
  }

  /** Resolves once every queued delivery (delayed and held ones included) has been attempted. */
  async flush(): Promise<number> {
    this.tick()
    if (this.held.length > 0) this.releaseHeld()
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight])
    return this.log.length
  }
}
