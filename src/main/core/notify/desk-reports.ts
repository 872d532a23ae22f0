// Desk-side problems for the owner's notification rules (DESIGN.md §8): an action Cal.com refused
// (a row of the outbox needs attention), a branch that must reconnect and the branch's Cal.com
// webhook found off (webhook-watch.ts; once a day: the relay keeps one per branch and day too)
// reach the relay through
// POST /v1/reports, which is idempotent by the key sent, so a report repeated after a restart or
// a lost answer is still one notification. Which keys the relay accepted is kept in settings.
import type { Logger } from 'pino'
import type { DeskReportRequest } from '../../../shared/relay/relay-contract'
import type { DeskEvents } from '../events/desk-events'
import type { RelayDevice } from '../inbound/relay-device-store'
import type { WebhookProblem } from '../inbound/webhook-watch'
import type { OutboxRow } from '../outbound/outbox-store'
import type { SettingsStore } from '../settings/settings-store'

const SENT_KEY = 'notify.reports.sent'
/** Keys remembered; older ones are long settled at the relay (it keeps its own keys too). */
const MOST_REMEMBERED = 500

export interface DeskReportsOptions {
  events: DeskEvents
  settings: SettingsStore
  logger: Logger
  device: () => Promise<RelayDevice | null>
  needingAttention: () => OutboxRow[]
  /** The branch's connection state and since when it has been so (a reconnect is one problem). */
  connection: () => { state: string; name: string }
  /** Whether this desk belongs to a business (reports are for its owners). */
  inBusiness: () => boolean
  /** What the last look at the branch's Cal.com webhook found wrong (null: nothing). */
  webhookProblem?: () => WebhookProblem | null
}

export function webhookReport(p: WebhookProblem, branchName: string): DeskReportRequest {
  const what =
    p.finding === 'missing'
      ? 'is gone from Cal.com'
      : p.reenabled
        ? 'was turned off by Cal.com; this desk turned it back on'
        : 'was turned off by Cal.com'
  return {
    key: `webhook:${p.finding}:${new Date(p.at).toISOString().slice(0, 10)}`,
    kind: 'webhook_disabled',
    summary: `The Cal.com webhook of ${branchName} ${what}`.slice(0, 500),
    webhook: { finding: p.finding, reenabled: p.reenabled },
  }
}

export function reportFor(row: OutboxRow): DeskReportRequest {
  const why = row.lastError?.params.message ?? row.lastError?.code ?? 'refused'
  return {
    key: `attention:${row.mutationId}`,
    kind: 'desk.needs_attention',
    summary: `Cal.com refused ${row.op.replaceAll('_', ' ')}: ${why}`.slice(0, 500),
    bookingUid: row.bookingUid,
  }
}

export class DeskReports {
  #offs: (() => void)[] = []
  #running: Promise<void> | null = null
  #again = false

  constructor(private readonly o: DeskReportsOptions) {}

  start(): void {
    this.#offs = [
      this.o.events.on('outboxChanged', () => this.check()),
      this.o.events.on('branchChanged', () => this.check()),
    ]
    this.check()
  }

  async stop(): Promise<void> {
    this.#offs.forEach((off) => off())
    await this.#running
  }

  /** Sends what is not yet reported; one pass at a time, another after if asked meanwhile. */
  check(): Promise<void> {
    if (this.#running) {
      this.#again = true
      return this.#running
    }
    this.#running = (async () => {
      do {
        this.#again = false
        await this.#pass()
      } while (this.#again)
    })().finally(() => (this.#running = null))
    return this.#running
  }

  #sent(): string[] {
    try {
      return JSON.parse(this.o.settings.get(SENT_KEY) ?? '[]') as string[]
    } catch {
      return []
    }
  }

  async #pass(): Promise<void> {
    if (!this.o.inBusiness()) return
    const reports = this.o.needingAttention().map(reportFor)
    const connection = this.o.connection()
    if (connection.state === 'reconnect_needed')
      reports.push({
        key: `reconnect:${connection.name}:${new Date().toISOString().slice(0, 10)}`,
        kind: 'desk.reconnect_needed',
        summary: `${connection.name} must reconnect to Cal.com: it no longer accepts this desk's sign-in`,
      })
    const webhook = this.o.webhookProblem?.()
    if (webhook) reports.push(webhookReport(webhook, connection.name))
    const sent = new Set(this.#sent())
    const due = reports.filter((r) => !sent.has(r.key))
    if (due.length === 0) return
    const device = await this.o.device().catch(() => null)
    if (!device) return
    for (const report of due) {
      try {
        const res = await fetch(`${device.relayUrl}/v1/reports`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${device.deviceToken}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(report),
          signal: AbortSignal.timeout(15_000),
        })
        await res.arrayBuffer()
        if (!res.ok) throw new Error(`the relay answered ${res.status}`)
        sent.add(report.key)
        this.o.settings.set(SENT_KEY, JSON.stringify([...sent].slice(-MOST_REMEMBERED)))
        this.o.logger.info({ kind: report.kind, key: report.key }, 'desk problem reported')
      } catch (err) {
        // Tried again at the next change of the queue or the branch.
        this.o.logger.warn(
          { kind: report.kind, err: { message: (err as Error).message } },
          'could not report a desk problem to the relay',
        )
        return
      }
    }
  }
}
