// The quiet hours an update may install itself in follow the business's notification rules
// (DESIGN.md §8: one set of quiet hours for the business), read from the relay at most hourly.
// Until they are read — no business, not enrolled, offline — or when the rules keep no quiet
// hours, §8's default night (21:00–08:00) stands, since the desk is closed then.
import type { RelayDevice } from '../inbound/relay-device-store'
import { fetchRules } from './relay-notifications'
import { DEFAULT_QUIET_WINDOW, type QuietWindow } from '../updates/install-policy'

export interface RulesQuietWindowOptions {
  device: () => Promise<RelayDevice | null>
  /** Default: an hour. */
  everyMs?: number
  now?: () => number
}

export class RulesQuietWindow {
  private window: QuietWindow = DEFAULT_QUIET_WINDOW
  private readAt = -Infinity
  private reading: Promise<QuietWindow> | undefined

  constructor(private readonly o: RulesQuietWindowOptions) {}

  /** The window known now; starts a fresh read in the background when the last one is old. */
  current(): QuietWindow {
    const now = (this.o.now ?? Date.now)()
    if (now - this.readAt >= (this.o.everyMs ?? 3_600_000)) void this.refresh()
    return this.window
  }

  /** Reads the rules now; a failure keeps what was known. */
  refresh(): Promise<QuietWindow> {
    this.reading ??= this.read().finally(() => {
      this.reading = undefined
    })
    return this.reading
  }

  private async read(): Promise<QuietWindow> {
    this.readAt = (this.o.now ?? Date.now)()
    try {
      const device = await this.o.device()
      if (!device) return this.window
      const { rules } = await fetchRules(device)
      this.window = rules.quietHours ?? DEFAULT_QUIET_WINDOW
    } catch {
      // Offline or no business yet: the last known window (or the default) stays.
    }
    return this.window
  }
}
