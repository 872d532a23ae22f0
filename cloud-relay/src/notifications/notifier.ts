// The dispatch loop every relay instance runs (DESIGN.md §8). Two stages, both claim-based so
// any number of instances share them: jobs (one per stored delivery or desk report) become
// notifications under their unique keys; due notifications are sent — email through SMTP,
// desktop ones by taking their place in the served order — alone, as a burst, or as the
// morning digest. A crashed instance's claims expire and another picks the work up.
import { createHash } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import { DateTime } from 'luxon'
import type { DailyBranch, StoredNotification, NotifyJob } from '../storage/notification-types.js'
import type { RelayStorage } from '../storage/types.js'
import { classifyDelivery, type NotificationSource } from './classify.js'
import { closedDays, closingBefore } from './closing-time.js'
import { currentRules } from './current-rules.js'
import type { Mailer } from './mailer.js'
import { emailOf, languageOf } from './messages.js'
import { planNotifications } from './plan.js'
import { SignatureFailures } from './signature-failures.js'

export interface NotifierOptions {
  storage: RelayStorage
  log: FastifyBaseLogger
  mailer: Mailer | undefined
  now: () => Date
  /** How long a claim holds before another instance may take the work (default 60 s). */
  leaseMs?: number
  /** Background pass interval; 0 runs only when woken or asked (default 2 s). */
  pollMs?: number
  /** False: no background passes at all, only runOnce() (tests that step the clock). */
  background?: boolean
  /** Called when a desktop notification becomes available here (wakes parked polls). */
  onDesktop?: () => void
  /**
   * A branch whose deliveries no desk has collected for this long is a relay.delivery_problem
   * (default 60 min; RELAY_DELIVERY_PROBLEM_MINUTES).
   */
  stallMs?: number
  /** How often a pass looks for such branches and due summaries (default 60 s; 0: every pass). */
  problemCheckMs?: number
  /** The local hour a branch closes: its day's summary goes then (default 20); null: none. */
  summaryHour?: number | null
}

export const MAX_EMAIL_ATTEMPTS = 6
/** The local hour a branch's day is summarised at (its closing), unless configured. */
export const SUMMARY_HOUR = 20
/** Emails sent at once by one instance (the SMTP pool's connections, mailer.ts). */
export const SEND_CONCURRENCY = 5
// Jobs are idempotent (unique keys), so a batch whose claim outlives its lease costs only work.
const JOB_BATCH = 20

/** 30 s, 1 min, 2 min, … up to an hour. */
export const retryDelayMs = (attempts: number): number =>
  Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1))

export class Notifier {
  private readonly leaseMs: number
  private running: Promise<void> | undefined
  private again = false
  private timer: NodeJS.Timeout | undefined
  private stopped = false
  private unsubscribe: (() => void) | undefined
  private problemsCheckedAt = -Infinity
  private summariesCheckedAt = -Infinity
  /** Summary keys this instance queued (or found queued): not read again. */
  private readonly summarised = new Set<string>()
  private readonly signatureFailures = new SignatureFailures()
  private readonly zones = new Map<string, { zone: string | null; at: number }>()

  constructor(private readonly o: NotifierOptions) {
    this.leaseMs = o.leaseMs ?? 60_000
  }

  /** The dispatch clock: when notifications made outside a job (proposals) are due. */
  now(): Date {
    return this.o.now()
  }

  get emailEnabled(): boolean {
    return this.o.mailer !== undefined
  }

  start(): void {
    if (this.o.background === false) return
    // A delivery stored by any instance wakes this one's dispatch.
    this.unsubscribe = this.o.storage.onEvents(() => this.wake())
    const pollMs = this.o.pollMs ?? 2000
    if (pollMs > 0) {
      this.timer = setInterval(() => this.wake(), pollMs)
      this.timer.unref()
    }
    this.wake()
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearInterval(this.timer)
    this.unsubscribe?.()
    await this.running
    this.o.mailer?.close()
  }

  /** Runs a pass soon; a pass already running runs once more after. */
  wake(): void {
    if (this.stopped || this.o.background === false) return
    if (this.running) {
      this.again = true
      return
    }
    this.running = this.loop().finally(() => {
      this.running = undefined
    })
  }

  private async loop(): Promise<void> {
    do {
      this.again = false
      try {
        await this.pass()
      } catch (err) {
        this.o.log.error({ err }, 'notifications: pass failed')
      }
    } while (this.again && !this.stopped)
  }

  /** Until nothing is claimable: every job dispatched, every due notification sent or rescheduled. */
  async runOnce(): Promise<void> {
    await this.running
    await this.pass()
  }

  /**
   * The relay's own problems become jobs like a desk's reports, keyed by the episode (the branch
   * and its first uncollected delivery): every instance may find the same stall, the unique key
   * keeps it one notification; a branch that catches up and stalls again is a new episode.
   */
  private async findProblems(): Promise<void> {
    const now = this.o.now()
    if (now.getTime() - this.problemsCheckedAt < (this.o.problemCheckMs ?? 60_000)) return
    this.problemsCheckedAt = now.getTime()
    const before = new Date(now.getTime() - (this.o.stallMs ?? 3_600_000))
    for (const b of await this.o.storage.notifications.stalledBranches(before)) {
      const queued = await this.o.storage.notifications.enqueueReport(
        `relay:not-collecting:${b.channelId}:${b.seq}`,
        b.channelId,
        {
          kind: 'relay.delivery_problem',
          summary: '',
          problem: { code: 'branch_not_collecting', since: b.receivedAt.toISOString() },
          bookingUid: null,
          deviceId: 'relay',
          at: now.toISOString(),
        },
        now,
      )
      if (queued)
        this.o.log.warn(
          { channel: b.channelId, since: b.receivedAt.toISOString() },
          'notifications: no desk is collecting this branch’s deliveries',
        )
    }
  }

  /**
   * summary.daily, per branch at its closing (DESIGN.md §8): once the branch's day has closed in
   * its zone (closing-time.ts: the closings its desks report from its Cal.com schedules, else
   * SUMMARY_HOUR), one job per (branch, local day) under a unique key, so every instance may try
   * and one summary is made. It counts the branch's stored deliveries since the closing before;
   * the job is the branch's, so the rules' recipients for that branch get it (plan.ts).
   */
  private async findSummaries(): Promise<void> {
    const hour = this.o.summaryHour === undefined ? SUMMARY_HOUR : this.o.summaryHour
    if (hour === null) return
    const now = this.o.now()
    if (now.getTime() - this.summariesCheckedAt < (this.o.problemCheckMs ?? 60_000)) return
    this.summariesCheckedAt = now.getTime()
    for (const b of await this.o.storage.notifications.businessBranches()) {
      const business = await this.o.storage.business.businessOfChannel(b.channelIds[0]!)
      if (!business) continue
      for (const channelId of b.channelIds) {
        const hours = await this.o.storage.notifications.branchHours(channelId)
        const zone = hours?.zone ?? (await this.zoneOf(channelId, now))
        for (const { day, closing } of closedDays(now, zone ?? 'UTC', hours, hour)) {
          const key = `summary:${channelId}:${day}`
          if (this.summarised.has(key)) continue
          const since = closingBefore(day, zone ?? 'UTC', hours, hour)
          const dayBefore = DateTime.fromISO(day).minus({ days: 1 }).toISODate()
          await this.summarise(key, channelId, business.cancellationPolicies, {
            day,
            ...(since.toISODate() === dayBefore ? {} : { since: since.toISODate() as string }),
            zone,
            from: since.toJSDate(),
            to: closing.toJSDate(),
          })
          this.summarised.add(key)
        }
      }
    }
  }

  /** Counts a branch's deliveries in [from, to) by kind and queues its summary job. */
  private async summarise(
    key: string,
    channelId: string,
    policies: Parameters<typeof classifyDelivery>[1],
    o: { day: string; since?: string; zone: string | null; from: Date; to: Date },
  ): Promise<void> {
    const now = this.o.now()
    const seen = new Set<string>()
    const counts: DailyBranch['counts'] = {}
    // From the closing before to this one: a change after hours is in the next day's summary.
    for (const d of await this.o.storage.notifications.receivedBetween(channelId, o.from, o.to)) {
      const source = classifyDelivery(d, policies)
      // A redelivery in a fresh envelope is the same change: counted once.
      if (!source || seen.has(source.sourceKey)) continue
      seen.add(source.sourceKey)
      counts[source.kind] = (counts[source.kind] ?? 0) + 1
    }
    await this.o.storage.notifications.enqueueReport(
      key,
      channelId,
      {
        kind: 'summary.daily',
        summary: '',
        daily: {
          day: o.day,
          ...(o.since ? { since: o.since } : {}),
          zone: o.zone ?? 'UTC',
          ...(o.zone === null ? { zoneUnknown: true } : {}),
          branches: [{ branchId: channelId, counts }],
        },
        bookingUid: null,
        deviceId: 'relay',
        at: now.toISOString(),
      },
      now,
    )
  }

  /**
   * A branch's zone: the organizer's, as Cal.com's recent deliveries to that branch say; null
   * while none has (the summary then goes by UTC and says so). Looked up at most hourly.
   */
  private async zoneOf(channelId: string, now: Date): Promise<string | null> {
    const known = this.zones.get(channelId)
    if (known && now.getTime() - known.at < 3_600_000) return known.zone
    const recent = await this.o.storage.notifications.receivedBetween(
      channelId,
      new Date(now.getTime() - 30 * 86_400_000),
      new Date(now.getTime() + 60_000),
    )
    const zone =
      recent
        .reverse()
        .map((d) => classifyDelivery(d, [])?.zone)
        .find((z) => z && DateTime.local().setZone(z).isValid) ?? null
    this.zones.set(channelId, { zone, at: now.getTime() })
    return zone
  }

  /**
   * A delivery to this branch whose signature did not match. Repeated, it is a delivery problem:
   * one per branch and day (the key), however many instances count it or forgeries repeat it.
   */
  async noteBadSignature(channelId: string): Promise<void> {
    const now = this.o.now()
    const { reached, since } = this.signatureFailures.note(channelId, now.getTime())
    if (!reached) return
    const day = now.toISOString().slice(0, 10)
    const queued = await this.o.storage.notifications.enqueueReport(
      `relay:signatures-failing:${channelId}:${day}`,
      channelId,
      {
        kind: 'relay.delivery_problem',
        summary: '',
        problem: { code: 'signatures_failing', since: new Date(since).toISOString() },
        bookingUid: null,
        deviceId: 'relay',
        at: now.toISOString(),
      },
      now,
    )
    if (queued) {
      this.o.log.warn({ channel: channelId }, 'notifications: deliveries fail their signature')
      this.wake()
    }
  }

  private async pass(): Promise<void> {
    await this.settleCrashed()
    await this.findProblems()
    await this.findSummaries()
    for (;;) {
      const jobs = await this.o.storage.notifications.claimJobs(
        this.o.now(),
        this.leaseMs,
        JOB_BATCH,
      )
      if (jobs.length === 0) break
      for (const job of jobs) await this.dispatch(job)
    }
    // A few at a time, all sent at once: a claim's lease covers one send (each runs in
    // parallel, never queued behind the others), so another instance cannot take over a
    // notification this one is about to send. Desktop ones keep their order (served in turn).
    for (;;) {
      const due = await this.o.storage.notifications.claimDue(
        this.o.now(),
        this.leaseMs,
        SEND_CONCURRENCY,
      )
      if (due.length === 0) break
      for (const n of due) if (n.channel === 'desktop') await this.deliver(n)
      await Promise.all(due.filter((n) => n.channel !== 'desktop').map((n) => this.deliver(n)))
    }
  }

  /** Emails an instance died sending (their claim expired while `sending`): shown, not resent. */
  private async settleCrashed(): Promise<void> {
    for (const n of await this.o.storage.notifications.settleCrashed(this.o.now()))
      this.o.log.warn(
        { notification: n.id, person: n.personId },
        'notifications: an instance stopped while sending this email; not sent again, marked uncertain',
      )
  }

  private async sourceOf(job: NotifyJob, policies: Parameters<typeof classifyDelivery>[1]) {
    if (job.report) {
      const r = job.report
      const source: NotificationSource = {
        kind: r.kind,
        sourceKey: job.sourceKey,
        branchId: job.channelId,
        occurredAt: new Date(r.at),
        zone: null,
        booking: r.bookingUid
          ? { uid: r.bookingUid, title: null, startTime: null, attendee: null }
          : null,
        summary: r.summary,
        problem: r.problem ?? null,
        daily: r.daily ?? null,
      }
      return source
    }
    const seq = job.seq as number
    const read = await this.o.storage.read(job.channelId, seq - 1, 1)
    const event = read.ok ? read.events.find((e) => e.seq === seq) : undefined
    if (!event) return undefined
    return classifyDelivery({ ...event, channelId: job.channelId }, policies)
  }

  private async dispatch(job: NotifyJob): Promise<void> {
    const store = this.o.storage.notifications
    try {
      const business = await this.o.storage.business.businessOfChannel(job.channelId)
      if (!business) return await store.finishJob(job, [])
      const { rules } = await currentRules(this.o.storage, business)
      const source = await this.sourceOf(job, business.cancellationPolicies)
      const planned = source
        ? planNotifications(source, {
            business,
            rules,
            now: this.o.now(),
            emailEnabled: this.emailEnabled,
          })
        : []
      await store.finishJob(job, planned)
    } catch (err) {
      this.o.log.error({ err, job: job.sourceKey }, 'notifications: dispatch failed; will retry')
      await store
        .retryJob(job, new Date(this.o.now().getTime() + retryDelayMs(job.attempts)), String(err))
        .catch(() => {})
    }
  }

  private async deliver(n: StoredNotification): Promise<void> {
    const store = this.o.storage.notifications
    const now = this.o.now()
    if (n.channel === 'desktop') {
      if (await store.markSent(n, now)) this.o.onDesktop?.()
      return
    }
    if (!this.o.mailer) {
      await store.markFailed(n, 'email_off')
      return
    }
    const followers = await store.followers(n.id)
    const items = [n, ...followers].map((x) => ({ kind: x.kind, ...x.facts }))
    const email = emailOf(items, languageOf(n.facts.language), n.status === 'held')
    const messageId = `<${createHash('sha256').update(n.key).digest('hex').slice(0, 32)}@frontdesk.relay>`
    // At most once: `sending` is committed before SMTP hears of it, so if this process dies
    // before the answer is recorded, the row says so and no instance sends it again.
    if (!(await store.markSending(n))) return
    const outcome = await this.o.mailer.send(n.facts.email, email, messageId)
    if (outcome.ok) {
      if (!(await store.markSent(n, this.o.now())))
        this.o.log.warn({ notification: n.id }, 'notifications: sent after the claim was lost')
      return
    }
    const attempts = n.attempts + 1
    if (outcome.permanent || attempts >= MAX_EMAIL_ATTEMPTS) {
      this.o.log.warn({ notification: n.id, attempts }, 'notifications: email failed for good')
      await store.markFailed(n, outcome.reason)
      return
    }
    await store.markRetry(n, new Date(now.getTime() + retryDelayMs(attempts)), outcome.reason)
  }
}
