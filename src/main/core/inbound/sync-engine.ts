// The inbound half of sync, started and stopped with the branch's Cal.com connection:
//   connect     → reconcile the 30-days-back / 90-days-ahead window, enroll with the relay,
//                 pull events, reconcile every 5 minutes
//   desk start  → the same, with an incremental reconcile when a watermark exists
//   disconnect  → stop pulling, revoke the relay device and forget its token, keep every
//                 appointment (a relay out of reach is told at the next enrollment instead)
// Relay events and reconcile pages meet in the same applier, which orders them by Cal.com's
// version, so neither needs to wait for the other. This file is the lifecycle; the pieces are
// named for what they do: relay-client.ts (the transport), inbox.ts (pages in, the cursor's
// progress), reconcile.ts, relay-enrollment.ts, relay-cursor-store.ts, sync-health.ts (what
// GET /api/sync shows) and sync-error-ring.ts (its recent errors).
import { setMaxListeners } from 'node:events'
import type { Logger } from 'pino'
import type { Branch, SyncHealth } from '../../../shared/api/schemas'
import type { BranchStore } from '../branch/branch-store'
import type { BranchConnection } from '../connect/branch-connection'
import type { DeskDb } from '../db/open-database'
import type { CalcomBookings } from '../appointments/calcom-bookings'
import type { OutboxStore } from '../outbound/outbox-store'
import type { DeskEvents } from '../events/desk-events'
import type { SettingsStore } from '../settings/settings-store'
import type { StaffStore } from '../staff/staff-store'
import type { BusinessChangedEvent } from '../../../shared/relay/relay-contract'
import {
  DESK_EVENT_REFUSED,
  DESK_EVENT_UNREADABLE,
  DESK_STATE_UNAVAILABLE,
} from '../../../shared/api/sync-problems'
import { InboundApplier } from './apply-event'
import { Inbox } from './inbox'
import { AppliedEventStore } from './applied-event-store'
import { RelayCursorStore } from './relay-cursor-store'
import { Reconciler, type ReconcileResult, type ReconcileTrigger } from './reconcile'
import { Backoff } from './backoff'
import { RelayClient, RelayProblem, type RelayState } from './relay-client'
import { fetchDeskState } from './relay-desk-state'
import { relayDeviceFile, type RelayDevice, type RelayDeviceStore } from './relay-device-store'
import { RelayEnrollment } from './relay-enrollment'
import { SyncErrorRing, type SyncErrorEntry } from './sync-error-ring'
import { SyncEventRing } from './sync-event-ring'
import { syncHealth } from './sync-health'
import type { SharedState } from '../shared-state/shared-state'

/** Sync timing; production values when omitted (tests shorten them). */
export interface SyncTuning {
  reconcileIntervalMs?: number
  relayWaitSeconds?: number
  /** Relay reconnect backoff (capped exponential, full jitter). */
  relayBackoff?: { baseMs: number; capMs: number }
  /** When a failed refresh of held bookings is tried again (capped exponential, full jitter). */
  heldRetryBackoff?: { baseMs: number; capMs: number }
  /** Extra time past the promised poll before a silent relay connection is abandoned. */
  relayWatchdogGraceMs?: number
}

export interface SyncEngineOptions extends SyncTuning {
  dataDir: string
  relayUrl: string | null
  db: DeskDb
  events: DeskEvents
  branches: BranchStore
  staff: StaffStore
  settings: SettingsStore
  calcomBookings: CalcomBookings
  outbox: OutboxStore
  connection: BranchConnection
  logger: Logger
  deviceStore?: RelayDeviceStore
  /**
   * The business may have changed: a FRONTDESK_BUSINESS_CHANGED event was applied, or the relay
   * came online (news may have been missed). The business copy reads the relay's snapshot.
   */
  onBusinessNews?: () => void
  /** Desk-owned state shared with the branch's other desks (desk events in the log). */
  shared?: SharedState
  /** After every reconcile but a stopped one (the reference data refresh rides on it). */
  onReconciled?: (result: ReconcileResult) => void
}

const BUSINESS_CHANGED: BusinessChangedEvent['triggerEvent'] = 'FRONTDESK_BUSINESS_CHANGED'

/** Event keys are kept a while past the relay's 14-day retention. */
const KEY_RETENTION_MS = 30 * 86_400_000

export class SyncEngine {
  readonly applier: InboundApplier
  readonly reconciler: Reconciler
  readonly #cursor: RelayCursorStore
  readonly #o: SyncEngineOptions & { reconcileIntervalMs: number; deviceStore: RelayDeviceStore }
  readonly #log: Logger
  #relay: RelayClient | null = null
  #relayState: RelayState = 'off'
  /** When the relay state last changed (sync health's "since"). */
  #relayStateSince = Date.now()
  /** Set by a new enrollment: reconcile once the relay first answers (see onState). */
  #reconcileWhenOnline = false
  #retryInMs: number | null = null
  #timer: NodeJS.Timeout | null = null
  #running = false
  #unsubscribe: Array<() => void> = []
  readonly #errors: SyncErrorRing
  /** The event log of the sync health page (since the desk started). */
  readonly events = new SyncEventRing()
  readonly #enrollment: RelayEnrollment
  readonly #inbox: Inbox
  #lastReconcile: SyncHealth['lastReconcile'] = null
  #publishTimer: NodeJS.Timeout | null = null
  readonly #heldBackoff: Backoff
  #heldRetry: NodeJS.Timeout | null = null
  /** The pass over the held bookings under way, and whether another was asked for meanwhile. */
  #releasing: Promise<void> | null = null
  #releaseAgain = false
  #stopped = false
  /**
   * Aborted by stop(): Cal.com reads still waiting (a reconcile page, a booking in doubt or held)
   * are cut off, so a desk quitting while Cal.com hangs does not wait out each read's timeout
   * and its retries (a minute or more).
   */
  readonly #closing = new AbortController()
  /** Work started by events (connect, timer, outbox): stop() waits for it before the DB closes. */
  readonly #tasks = new Set<Promise<unknown>>()

  constructor(opts: SyncEngineOptions) {
    // Every read waiting for Cal.com's rate budget listens for the closing until it is let
    // through, and many can wait at once (a reconcile page, bookings in doubt, held ones): not a
    // leak, so no warning past Node's default of ten.
    setMaxListeners(0, this.#closing.signal)
    this.#o = {
      ...opts,
      reconcileIntervalMs: opts.reconcileIntervalMs ?? 5 * 60_000,
      deviceStore: opts.deviceStore ?? relayDeviceFile(opts.dataDir),
    }
    this.#log = opts.logger.child({ part: 'sync' })
    this.#heldBackoff = new Backoff(
      opts.heldRetryBackoff?.baseMs ?? 2_000,
      opts.heldRetryBackoff?.capMs ?? 60_000,
    )
    this.#cursor = new RelayCursorStore(opts.db)
    this.#errors = new SyncErrorRing(this.#log)
    this.#enrollment = new RelayEnrollment({
      relayUrl: opts.relayUrl,
      branches: opts.branches,
      connection: opts.connection,
      cursor: this.#cursor,
      deviceStore: this.#o.deviceStore,
      logger: this.#log,
      onEnrolling: () => this.#setRelayState('enrolling'),
      onEnrolled: () => (this.#reconcileWhenOnline = true),
    })
    this.applier = new InboundApplier({
      ...opts,
      appliedEvents: new AppliedEventStore(opts.db),
      cursor: this.#cursor,
      logger: this.#log,
    })
    this.#inbox = new Inbox({
      applier: this.applier,
      client: () => (this.#running ? opts.connection.client() : null),
      closing: this.#closing.signal,
      notice: (code, message) => this.#error('inbox', code, message),
      changed: () => this.#publish(),
      logged: (row) => this.events.add(row),
      triggersApplied: (triggers) => {
        if (triggers.includes(BUSINESS_CHANGED)) this.#o.onBusinessNews?.()
      },
    })
    this.reconciler = new Reconciler({
      db: opts.db,
      settings: opts.settings,
      applier: this.applier,
      client: () => opts.connection.client(),
      accountId: () => opts.branches.current().calcomAccountId,
      active: () => !this.#stopped,
      closing: this.#closing.signal,
    })
  }

  /** Follows the connection from now on; begins at once if the branch is connected. */
  start(): void {
    const { connection, events } = this.#o
    this.#unsubscribe.push(
      connection.onConnected((branch) => void this.#track(this.#onBranch(branch, 'connect'))),
      connection.onReconnectNeeded((err) =>
        this.#error('calcom', err.code, `Cal.com refused the credential: ${err.message}`),
      ),
      events.on('outboxChanged', () => void this.#track(this.#releaseHeld())),
    )
    const branch = this.#o.branches.current()
    if (branch.connection === 'connected' && connection.client())
      void this.#track(this.#onBranch(branch, 'start'))
  }

  async stop(): Promise<void> {
    this.#stopped = true
    this.#closing.abort()
    for (const off of this.#unsubscribe.splice(0)) off()
    await this.#halt()
    await Promise.allSettled([...this.#tasks])
    if (this.#publishTimer) clearTimeout(this.#publishTimer)
    if (this.#heldRetry) clearTimeout(this.#heldRetry)
    await this.#inbox.idle()
  }

  /** The enrolled relay device (enrolling if needed); null without a relay or a connection. */
  async relayDevice(): Promise<RelayDevice | null> {
    const branch = this.#o.branches.current()
    if (!this.#o.relayUrl || branch.connection !== 'connected') return null
    return this.#enrollment.device()
  }

  /** The relay device the sync has enrolled, without enrolling one (null when there is none). */
  async enrolledRelayDevice(): Promise<RelayDevice | null> {
    const branch = this.#o.branches.current()
    if (!this.#o.relayUrl || branch.connection !== 'connected') return null
    return this.#enrollment.enrolled()
  }

  /** This desk's relay channel and device, as last enrolled (null before). */
  relayIdentity(): { channelId: string | null; deviceId: string | null } {
    const row = this.#cursor.row(this.#o.branches.current().id)
    return { channelId: row?.channelId ?? null, deviceId: row?.deviceId ?? null }
  }

  /** Reconciles now (POST /api/sync/reconcile); `window` re-reads the whole booking window. */
  async reconcileNow(opts: { window?: boolean } = {}): Promise<ReconcileResult> {
    return this.#reconcile('demand', opts.window ?? false)
  }

  /** A problem found beside sync (the branch's Cal.com webhook off) among its recent errors. */
  notice(source: SyncErrorEntry['source'], code: string, message: string): void {
    this.#error(source, code, message)
  }

  health(): SyncHealth {
    const branch = this.#o.branches.current()
    return syncHealth({
      connection: branch.connection,
      relayUrl: this.#o.relayUrl,
      relayState: this.#relayState,
      relayStateSince: this.#relayStateSince,
      retryInMs: this.#retryInMs,
      lagMs: this.#inbox.lagMs,
      cursor: this.#cursor.row(branch.id),
      lastEvent: this.#inbox.lastEvent,
      lastReconcile: this.#lastReconcile,
      // Desk events waiting for the relay count as waiting to sync too.
      queueDepth: this.#o.outbox.queueDepth() + (this.#o.shared?.waiting() ?? 0),
      heldBookings: this.#o.calcomBookings.held.count(),
      recentErrors: this.#recentErrors(),
    })
  }

  /**
   * The ring's recent errors, and each desk event the relay refused: those are kept in the
   * database (like a change Cal.com refused), so they are still listed after a restart.
   */
  #recentErrors(): SyncErrorEntry[] {
    const refused = (this.#o.shared?.refused() ?? []).map((r): SyncErrorEntry => ({
      at: new Date(r.at).toISOString(),
      source: 'relay',
      code: DESK_EVENT_REFUSED,
      message: `The relay refused a ${r.kind} desk event; the other desks will not show it: ${r.refusal}`,
    }))
    if (refused.length === 0) return this.#errors.recent()
    return [...refused, ...this.#errors.recent()].sort((a, b) => b.at.localeCompare(a.at))
  }

  // -------------------------------------------------------------------------------------------

  #track<T>(task: Promise<T>): Promise<T> {
    this.#tasks.add(task)
    void task.catch(() => undefined).finally(() => this.#tasks.delete(task))
    return task
  }

  async #onBranch(branch: Branch, why: 'start' | 'connect'): Promise<void> {
    if (this.#stopped) return
    if (branch.connection !== 'connected') {
      if (branch.connection === 'disconnected') {
        await this.#halt(() => this.#enrollment.retire())
        this.#log.info('sync stopped: branch disconnected')
      }
      this.#publish()
      return
    }
    this.#running = true
    if (this.#o.relayUrl && !this.#relay && !this.#stopped) {
      this.#relay = this.#relayClient()
      this.#relay.start()
    }
    this.#timer ??= setInterval(
      () => void this.#track(this.#reconcile('interval', false)),
      this.#o.reconcileIntervalMs,
    )
    this.#timer.unref()
    await this.#reconcile(why, why === 'connect')
  }

  /** Stops pulling and reconciling; `cleanup` runs before sync health reports the relay off. */
  async #halt(cleanup?: () => Promise<void>): Promise<void> {
    this.#running = false
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
    const relay = this.#relay
    this.#relay = null
    await relay?.stop()
    await cleanup?.()
    this.#setRelayState('off')
  }

  async #reconcile(trigger: ReconcileTrigger, window: boolean): Promise<ReconcileResult> {
    const result = await this.reconciler.run(trigger, { window })
    const branchId = this.#o.branches.current().id
    if (result.ok) {
      this.#cursor.reconciled(branchId)
      this.applier.pruneKeys(KEY_RETENTION_MS)
      await this.#releaseHeld()
    } else if (result.error && result.error.code !== 'STOPPED') {
      this.#error('reconcile', result.error.code, result.error.message)
    }
    for (const [status, n] of Object.entries(result.unknownStatuses)) {
      this.#error(
        'reconcile',
        'UNKNOWN_STATUS',
        `Cal.com returned status "${status}" for ${n} booking(s), which the desk does not know; their status was kept.`,
      )
    }
    if (result.error?.code !== 'STOPPED') {
      this.events.add({
        at: result.finishedAt,
        kind: 'reconcile',
        what: result.trigger,
        seq: null,
        uids: [],
        result: !result.ok ? 'failed' : result.changed > 0 ? 'changed' : 'unchanged',
        changed: result.changed,
        fetched: result.fetched,
        error: result.error?.message ?? null,
      })
    }
    this.#lastReconcile = {
      at: result.finishedAt,
      trigger: result.trigger,
      mode: result.mode,
      ok: result.ok,
      fetched: result.fetched,
      changed: result.changed,
      error: result.error?.message ?? null,
    }
    this.#log.info(
      {
        trigger,
        mode: result.mode,
        ok: result.ok,
        fetched: result.fetched,
        changed: result.changed,
      },
      'reconcile finished',
    )
    this.#publish()
    if (result.error?.code !== 'STOPPED') this.#o.onReconciled?.(result)
    return result
  }

  /**
   * Reads the held bookings the outbox has let go. One pass at a time: each outbox change asks
   * for one, and a queue draining ten changes would otherwise read the same booking ten times
   * over; a change during a pass asks for one more after it (it may have let another go).
   */
  #releaseHeld(): Promise<void> {
    if (this.#releasing) {
      this.#releaseAgain = true
      return this.#releasing
    }
    this.#releasing = (async () => {
      try {
        let ok: boolean
        do {
          this.#releaseAgain = false
          ok = await this.#releaseHeldOnce()
          // After a failed read, the retry below comes back after its backoff, not at once.
        } while (ok && this.#releaseAgain && !this.#stopped)
      } finally {
        this.#releasing = null
      }
    })()
    return this.#releasing
  }

  /** One pass; false when Cal.com could not be read (a retry is then set). */
  async #releaseHeldOnce(): Promise<boolean> {
    const client = this.#o.connection.client()
    if (!client || this.#o.calcomBookings.held.count() === 0) return true
    const r = await this.applier.releaseHeld(client, this.#closing.signal)
    if (!r.error) {
      this.#heldBackoff.reset()
      return true
    }
    if (this.#stopped) return false
    this.#error('calcom', r.error.code, r.error.message)
    // Tried again by itself: the outbox, whose change normally triggers this, may have nothing
    // more to send, and the next reconcile can be minutes away.
    if (this.#heldRetry) return false
    this.#heldRetry = setTimeout(() => {
      this.#heldRetry = null
      if (!this.#stopped) void this.#track(this.#releaseHeld())
    }, this.#heldBackoff.next())
    this.#heldRetry.unref()
    return false
  }

  #relayClient(): RelayClient {
    return new RelayClient({
      logger: this.#log.child({ part: 'relay' }),
      waitSeconds: this.#o.relayWaitSeconds,
      watchdogGraceMs: this.#o.relayWatchdogGraceMs,
      backoff: this.#o.relayBackoff
        ? new Backoff(this.#o.relayBackoff.baseMs, this.#o.relayBackoff.capMs)
        : undefined,
      device: () => this.#enrollment.device(),
      forgetDevice: () => this.#enrollment.forget(),
      cursor: () => this.#cursor.seq(this.#o.branches.current().id),
      applyEvents: (events) => this.#inbox.apply(events),
      resync: async (resumeAfter, device) => {
        this.#error(
          'relay',
          'RESYNC_REQUIRED',
          'The relay no longer holds every event this desk missed; reconciling.',
        )
        const result = await this.#reconcile('resync', false)
        if (!result.ok)
          throw new RelayProblem('RESYNC_FAILED', 'Reconcile after resync failed; will retry')
        // Cal.com knows nothing of visit states, notes, alerts or walk-ins: the relay's desk
        // state gives back what the pruned log held. Thrown if it cannot: tried again, as above,
        // except from a relay too old to keep one (404), which would refuse it for ever.
        await this.#restoreDeskState(device).catch((err: unknown) => {
          if (!(err instanceof RelayProblem) || err.status !== 404) throw err
          this.#error(
            'relay',
            DESK_STATE_UNAVAILABLE,
            `The relay keeps no desk state (${err.code}); what its pruned log held is not restored.`,
          )
        })
        this.#cursor.skipTo(this.#o.branches.current().id, resumeAfter)
        return this.#cursor.seq(this.#o.branches.current().id)
      },
      fromStart: async (device) => {
        // From the start, the log itself gives every desk event back, unless retention pruned
        // some (then the relay answers RESYNC_REQUIRED, and the resync reads the state for
        // sure). Read now, a whole branch's state lands in one step rather than event by event;
        // a relay that cannot answer it only costs that.
        await this.#restoreDeskState(device).catch((err: unknown) =>
          this.#log.warn({ err: (err as Error).message }, 'desk state not read at start'),
        )
      },
      onState: (state, detail) => {
        if (state === 'online' && this.#reconcileWhenOnline) {
          // Connecting reconciles while the relay still creates the channel's Cal.com webhook;
          // a booking changed in between fired no webhook for us and may have been read before
          // it changed. One more pass once the webhook surely exists closes that gap at once
          // rather than at the next 5-minute reconcile.
          this.#reconcileWhenOnline = false
          void this.#track(this.#reconcile('enrolled', false))
        }
        if (state === 'online' && this.#relayState !== 'online') this.#o.onBusinessNews?.()
        this.#setRelayState(state)
        this.#retryInMs = detail?.retryInMs ?? null
        if (detail?.error) this.#error('relay', detail.error.code, detail.error.message)
        this.#publish()
      },
    })
  }

  /** Applies the relay's desk state of the branch (a new, wiped or long-away desk). */
  async #restoreDeskState(device: RelayDevice): Promise<void> {
    const shared = this.#o.shared
    if (!shared?.enabled) return
    const state = await fetchDeskState(device)
    const { applied, unreadable } = shared.applyState(state)
    for (const why of unreadable)
      this.#error('relay', DESK_EVENT_UNREADABLE, `A desk state entry could not be read (${why}).`)
    this.#log.info({ asOf: state.asOf, applied }, 'desk state restored from the relay')
    this.#publish()
  }

  #setRelayState(state: RelayState): void {
    // Each retry reconnects (and may enroll) before it fails again: that is still the relay out
    // of reach, since it was lost, not a new state every few seconds (Settings says "cannot be
    // reached since 10:02", the banner stays up instead of blinking with each try).
    if (this.#relayState === 'retrying' && (state === 'connecting' || state === 'enrolling')) return
    if (state !== this.#relayState) this.#relayStateSince = Date.now()
    this.#relayState = state
  }

  #error(source: SyncErrorEntry['source'], code: string, message: string): void {
    this.#errors.add(source, code, message)
    this.#publish()
  }

  /** Tells the UI sync health changed, at most every 100 ms. */
  #publish(): void {
    if (this.#publishTimer) return
    this.#publishTimer = setTimeout(() => {
      this.#publishTimer = null
      this.#o.events.emit('syncChanged', {})
    }, 100)
    this.#publishTimer.unref()
  }
}
