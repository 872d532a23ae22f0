// Tells the relay when this branch closes (PUT /v1/branch-hours, branch-closings.ts), so the
// owners' daily summary goes at the branch's real closing in its zone. Sent when the relay comes
// online, when the branch (its zone, its schedules) changes and as the days roll on; a report
// the relay already took (the same days and hours) is not sent again. A failure waits for the
// next occasion: the relay keeps the last report, and 14 days of it cover a long outage.
import type { Logger } from 'pino'
import type { Schedule } from '../calcom/response-schemas'
import type { DeskEvents } from '../events/desk-events'
import type { RelayDevice } from '../inbound/relay-device-store'
import type { SettingsStore } from '../settings/settings-store'
import { branchClosings } from './branch-closings'

const SENT_KEY = 'notify.branchHours.sent'
/** How often the days are looked at again (the report changes once a day). */
export const BRANCH_HOURS_INTERVAL_MS = 60 * 60_000

export interface BranchHoursReportOptions {
  events: DeskEvents
  settings: SettingsStore
  logger: Logger
  device: () => Promise<RelayDevice | null>
  schedules: () => Schedule[]
  zone: () => string
  now?: () => Date
  intervalMs?: number
}

export class BranchHoursReport {
  #offs: (() => void)[] = []
  #timer: NodeJS.Timeout | null = null
  #running: Promise<void> | null = null
  #again = false
  /**
   * Whether a report may be owed: at start, when the branch changes, as the days roll on, and
   * after a pass that could not reach the relay. Sync changes (every event applied) send only
   * while one is owed, so a connected desk does not read its schedules at each of them.
   */
  #due = true

  constructor(private readonly o: BranchHoursReportOptions) {}

  start(): void {
    this.#offs = [
      this.o.events.on('branchChanged', () => this.#owe()),
      this.o.events.on('syncChanged', () => void (this.#due && this.send())),
    ]
    this.#timer = setInterval(() => this.#owe(), this.o.intervalMs ?? BRANCH_HOURS_INTERVAL_MS)
    this.#timer.unref()
    void this.send()
  }

  async stop(): Promise<void> {
    this.#offs.forEach((off) => off())
    if (this.#timer) clearInterval(this.#timer)
    await this.#running
  }

  #owe(): void {
    this.#due = true
    void this.send()
  }

  /** Sends the current report unless the relay has it; one at a time, once more if asked meanwhile. */
  send(): Promise<void> {
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

  async #pass(): Promise<void> {
    this.#due = false
    const report = branchClosings(
      this.o.schedules(),
      this.o.zone(),
      (this.o.now ?? (() => new Date()))(),
    )
    // No schedules yet (not connected, or not synced): owed once they arrive.
    if (!report) return void (this.#due = true)
    const device = await this.o.device().catch(() => null)
    if (!device) return void (this.#due = true)
    const body = JSON.stringify(report)
    // Per channel: a branch enrolled again (a new channel) is told afresh.
    const sent = `${device.channelId} ${body}`
    if (this.o.settings.get(SENT_KEY) === sent) return
    try {
      const res = await fetch(`${device.relayUrl}/v1/branch-hours`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${device.deviceToken}`,
          'content-type': 'application/json',
        },
        body,
        signal: AbortSignal.timeout(15_000),
      })
      await res.arrayBuffer()
      if (!res.ok) throw new Error(`the relay answered ${res.status}`)
      this.o.settings.set(SENT_KEY, sent)
      this.o.logger.info({ zone: report.zone, from: report.days[0]?.date }, 'branch hours reported')
    } catch (err) {
      this.#due = true
      this.o.logger.warn(
        { err: { message: (err as Error).message } },
        'could not tell the relay the branch’s hours',
      )
    }
  }
}
