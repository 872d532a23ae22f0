// Desktop notifications at this desk (DESIGN.md §8): the core long-polls the relay's
// GET /v1/notifications for this device and keeps what it has still to show in the settings
// store, so each is shown exactly once here — by the Electron app when it has attached its
// notifier, else by the first page that claims it (the browser desk). The cursor moves only
// after a page is kept, so a crash in between re-reads rather than loses. A notification of a kind
// a newer relay added is skipped, the cursor moving past it, and its kind said once in the log.
import type { Logger } from 'pino'
import type { DesktopNotificationView } from '../../../shared/api/notifications'
import type { DesktopNotification } from '../../../shared/relay/relay-contract'
import type { DeskEvents } from '../events/desk-events'
import { Backoff, sleep } from '../inbound/backoff'
import type { RelayDevice } from '../inbound/relay-device-store'
import type { SettingsStore } from '../settings/settings-store'
import { pollDesktop } from './relay-notifications'

const CURSOR_KEY = 'notify.desktop.cursor'
const PENDING_KEY = 'notify.desktop.pending'
const OPT_INS_KEY = 'notify.desktop.people'
/** A desk nobody looks at keeps the newest ones only. */
const MOST_PENDING = 50

export interface DesktopFeedTuning {
  /** How long the relay may hold a poll, in seconds (≤ 25). */
  waitSeconds?: number
  /** How often to look again for a relay device while there is none, in ms. */
  idleMs?: number
  backoff?: { baseMs: number; capMs: number }
}

export interface DesktopFeedOptions extends DesktopFeedTuning {
  settings: SettingsStore
  events: DeskEvents
  logger: Logger
  device: () => Promise<RelayDevice | null>
}

/** Shows one notification natively (the Electron app's OS notifications). */
export type NativeNotifier = (notification: DesktopNotificationView) => void

const read = <T>(settings: SettingsStore, key: string, fallback: T): T => {
  const raw = settings.get(key)
  if (raw === undefined) return fallback
  try {
    return JSON.parse(raw) as T
  } catch {
    return fallback
  }
}

export const viewOf = (n: DesktopNotification): DesktopNotificationView => ({
  id: n.seq,
  title: n.title,
  body: n.body,
  href: n.bookingUid ? `/appointment/${encodeURIComponent(n.bookingUid)}` : null,
  count: n.count,
  createdAt: n.createdAt,
})

export class DesktopFeed {
  #running = false
  #loop: Promise<void> | null = null
  #wake = new AbortController()
  #native: NativeNotifier | null = null
  /** Seqs at or below this were the opted-in person's past when they opted in: never shown. */
  #skipUpTo = 0
  /** A newer relay's kinds already said in the log: each once while the desk runs. */
  #toldOfKinds = new Set<string>()

  constructor(private readonly o: DesktopFeedOptions) {}

  start(): void {
    if (this.#running) return
    this.#running = true
    this.#loop = this.#run()
  }

  async stop(): Promise<void> {
    this.#running = false
    this.#wake.abort()
    await this.#loop
  }

  /** The Electron app shows them from now on; what waits is handed over at once. */
  attachNative(notifier: NativeNotifier): void {
    this.#native = notifier
    this.#deliverNative()
  }

  get shownByApp(): boolean {
    return this.#native !== null
  }

  /** What this desk has still to show (empty when the app shows them itself). */
  pending(): DesktopNotificationView[] {
    if (this.#native) return []
    return read<DesktopNotificationView[]>(this.o.settings, PENDING_KEY, [])
  }

  /** Marks one shown; true only for the first caller, so two open pages never both show it. */
  markShown(id: number): boolean {
    const pending = read<DesktopNotificationView[]>(this.o.settings, PENDING_KEY, [])
    const rest = pending.filter((n) => n.id !== id)
    if (rest.length === pending.length) return false
    this.o.settings.set(PENDING_KEY, JSON.stringify(rest))
    return true
  }

  /** Who turned on "notify me on this computer" here (for this relay device). */
  optedIn(deviceId: string | null): string[] {
    const stored = read<{ deviceId: string; people: string[] } | null>(
      this.o.settings,
      OPT_INS_KEY,
      null,
    )
    return stored && stored.deviceId === deviceId ? stored.people : []
  }

  /**
   * Records a person's choice the relay accepted. Turning it on first reads past what the relay
   * already holds for them, so their old notifications do not pop up now.
   */
  async optIn(device: RelayDevice, personId: string, enabled: boolean): Promise<void> {
    const people = new Set(this.optedIn(device.deviceId))
    if (enabled) {
      let after = this.#cursor(device.deviceId)
      for (let page = 0; page < 100; page++) {
        const { notifications, nextAfter } = await pollDesktop(
          device,
          after,
          0,
          AbortSignal.timeout(15_000),
        )
        after = nextAfter
        if (notifications.length === 0) break
      }
      this.#skipUpTo = Math.max(this.#skipUpTo, after)
      this.#setCursor(device.deviceId, after)
      people.add(personId)
    } else {
      people.delete(personId)
    }
    this.o.settings.set(
      OPT_INS_KEY,
      JSON.stringify({ deviceId: device.deviceId, people: [...people] }),
    )
    // The poll under way asked with the old cursor: start again from the new one.
    this.#wake.abort()
  }

  #cursor(deviceId: string): number {
    const stored = read<{ deviceId: string; after: number } | null>(
      this.o.settings,
      CURSOR_KEY,
      null,
    )
    return stored && stored.deviceId === deviceId ? stored.after : 0
  }

  #setCursor(deviceId: string, after: number): void {
    this.o.settings.set(CURSOR_KEY, JSON.stringify({ deviceId, after }))
  }

  async #run(): Promise<void> {
    const backoff = new Backoff(this.o.backoff?.baseMs ?? 1000, this.o.backoff?.capMs ?? 60_000)
    while (this.#running) {
      if (this.#wake.signal.aborted) this.#wake = new AbortController()
      const signal = this.#wake.signal
      let device: RelayDevice | null = null
      try {
        device = await this.o.device()
      } catch {
        device = null
      }
      if (!device || this.optedIn(device.deviceId).length === 0) {
        await sleep(this.o.idleMs ?? 5000, signal)
        continue
      }
      try {
        const after = this.#cursor(device.deviceId)
        const page = await pollDesktop(device, after, this.o.waitSeconds ?? 25, signal)
        if (signal.aborted) continue
        this.#tellSkipped(page.skippedKinds)
        this.#keep(device.deviceId, page.notifications, page.nextAfter)
        backoff.reset()
      } catch (err) {
        if (signal.aborted) continue
        const wait = backoff.next()
        this.o.logger.warn(
          { err: { message: (err as Error).message }, retryInMs: wait },
          'desktop notifications: the relay poll failed',
        )
        await sleep(wait, signal)
      }
    }
  }

  /** Only the kind is said: a notification's title and body name clients and people. */
  #tellSkipped(kinds: readonly string[]): void {
    for (const kind of kinds) {
      if (this.#toldOfKinds.has(kind)) continue
      this.#toldOfKinds.add(kind)
      this.o.logger.warn(
        { kind },
        'desktop notifications of a kind this desk does not know are skipped: a newer Frontdesk shows them',
      )
    }
  }

  #keep(deviceId: string, list: DesktopNotification[], nextAfter: number): void {
    const fresh = list.filter((n) => n.seq > this.#skipUpTo).map(viewOf)
    if (fresh.length > 0) {
      const pending = read<DesktopNotificationView[]>(this.o.settings, PENDING_KEY, [])
      const known = new Set(pending.map((n) => n.id))
      const next = [...pending, ...fresh.filter((n) => !known.has(n.id))].slice(-MOST_PENDING)
      this.o.settings.set(PENDING_KEY, JSON.stringify(next))
    }
    this.#setCursor(deviceId, Math.max(nextAfter, this.#cursor(deviceId)))
    if (fresh.length === 0) return
    this.o.logger.info({ count: fresh.length }, 'desktop notifications received')
    this.#deliverNative()
    this.o.events.emit('desktopNotifications', {})
  }

  #deliverNative(): void {
    const native = this.#native
    if (!native) return
    for (const n of read<DesktopNotificationView[]>(this.o.settings, PENDING_KEY, [])) {
      if (!this.markShown(n.id)) continue
      try {
        native(n)
      } catch (err) {
        this.o.logger.warn({ err: { message: (err as Error).message } }, 'could not show one')
      }
    }
  }
}
