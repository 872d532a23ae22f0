// Cal.com's reference data — the account, its event types (services), their hosts (staff) and
// its schedules (opening hours) — changes in Cal.com without any webhook telling the desk.
// Connecting reads it once; this reads it again while the branch stays connected, so a service
// renamed, re-priced, hidden or given a new notice, a new staff member or new opening hours
// reach the desk, and a desk upgraded in place fills what its older version did not keep (the
// notices of migration 0009) without reconnecting.
//
// When: after a reconcile succeeds (SyncEngine's `onReconciled`), if no refresh has succeeded
// since the desk started, or the last is older than the interval (30 minutes); "Sync now" (a
// reconcile on demand) reads them at once. The reconcile is the desk's heartbeat with Cal.com —
// at start, on connecting, every 5 minutes, on demand — so the refresh rides on it rather than
// on a timer of its own: once a reconcile succeeded, Cal.com is reachable with this credential,
// so an outage at start is reported once (by the reconcile) rather than twice, and the day's
// bookings come before the services in the rate budget. A failed refresh is due again at the
// next successful reconcile: four reads every 5 minutes at most, well inside Cal.com's 120 a
// minute per key (the rate governor keeps a share for the receptionist's actions anyway).
//
// What it writes goes through applyReferenceData, the same merge as connecting, in one
// transaction, and only after every read succeeded: a failed refresh changes nothing, is logged
// and listed in sync health like any Cal.com problem. A 401 is the token provider's to handle
// (the branch turns reconnect_needed, and sync health says so once). When the rows changed, the
// core's `branchChanged` tells the screens (the live stream's `branch`), which read the services,
// staff and opening hours again: once, after the commit, the branch row included (the merge
// writes it unannounced, reference-sync.ts).
import type { Logger } from 'pino'
import {
  REFERENCE_ACCOUNT_MISMATCH,
  REFERENCE_NOT_APPLIED,
} from '../../../shared/api/sync-problems'
import type { BranchConnection } from './branch-connection'
import { applyReferenceData, fetchReferenceData, type ReferenceStores } from './reference-sync'

export const REFERENCE_REFRESH_INTERVAL_MS = 30 * 60_000

export type RefreshOutcome =
  | { outcome: 'changed' | 'unchanged' }
  | { outcome: 'skipped'; why: 'not-connected' | 'closing' | 'connection-changed' }
  | { outcome: 'failed'; code: string }

/** What the refresh needs of a reconcile's result (inbound/reconcile.ts, a layer above). */
export interface FinishedReconcile {
  ok: boolean
  /** `demand`: the person asked for a sync now. */
  trigger: string
}

export interface ReferenceRefreshOptions extends ReferenceStores {
  connection: Pick<BranchConnection, 'client' | 'onConnected'>
  logger: Logger
  /** A line in sync health's recent problems (source `calcom`). */
  notice: (code: string, message: string) => void
  /** How old the last refresh may be before a reconcile brings another (default 30 minutes). */
  intervalMs?: number
  now?: () => number
}

export class ReferenceRefresh {
  /** When a refresh (or connecting, which reads the same) last succeeded; never, at start. */
  #freshAt = -Infinity
  /** The last refresh failed: the next successful reconcile tries again, whatever the interval. */
  #failed = false
  #running: Promise<RefreshOutcome> | null = null
  #off: (() => void) | null = null
  // Cuts off reads in flight when the desk closes: a hung Cal.com must not hold up quitting.
  readonly #closing = new AbortController()
  readonly #intervalMs: number
  readonly #now: () => number

  constructor(private readonly o: ReferenceRefreshOptions) {
    this.#intervalMs = o.intervalMs ?? REFERENCE_REFRESH_INTERVAL_MS
    this.#now = o.now ?? Date.now
  }

  start(): void {
    // Connecting has just read everything: the next refresh is an interval away.
    this.#off = this.o.connection.onConnected((branch) => {
      if (branch.connection !== 'connected') return
      this.#freshAt = this.#now()
      this.#failed = false
    })
  }

  async stop(): Promise<void> {
    this.#off?.()
    this.#closing.abort()
    await this.#running
  }

  /**
   * After each reconcile: refreshes when one is due (see the top of this file). Answers the
   * refresh it started, or null when none was due.
   */
  afterReconcile(result: FinishedReconcile): Promise<RefreshOutcome> | null {
    if (!result.ok || this.#closing.signal.aborted) return null
    const due = this.#failed || this.#now() - this.#freshAt >= this.#intervalMs
    return due || result.trigger === 'demand' ? this.refresh() : null
  }

  /** Reads and merges now; one refresh at a time (a second caller shares the first's outcome). */
  refresh(): Promise<RefreshOutcome> {
    this.#running ??= this.#refresh()
      .then((result) => {
        if (result.outcome === 'failed') this.#failed = true
        else if (result.outcome !== 'skipped') this.#failed = false
        return result
      })
      .finally(() => (this.#running = null))
    return this.#running
  }

  async #refresh(): Promise<RefreshOutcome> {
    const { branches, connection, logger } = this.o
    const client = connection.client()
    if (!client || branches.current().connection !== 'connected')
      return { outcome: 'skipped', why: 'not-connected' }
    const read = await fetchReferenceData(client, {
      now: this.#now,
      closing: this.#closing.signal,
    })
    if (this.#closing.signal.aborted) return { outcome: 'skipped', why: 'closing' }
    // Disconnected or connected anew meanwhile: what was read may be another credential's.
    if (connection.client() !== client) return { outcome: 'skipped', why: 'connection-changed' }
    if (!read.ok) {
      const { code, kind, status } = read.error
      logger.warn({ code, status }, 'reference data refresh: Cal.com did not answer')
      // A refused credential: the token provider turned the branch reconnect_needed and sync
      // health lists that already.
      if (kind !== 'auth')
        this.o.notice(
          code,
          `Services, staff and opening hours could not be read from Cal.com (${read.error.message}); the desk keeps what it had and tries again later.`,
        )
      return { outcome: 'failed', code }
    }
    const knownAccount = branches.current().calcomAccountId
    if (knownAccount !== null && read.value.me.id !== knownAccount) {
      logger.warn(
        { accountId: knownAccount, answeredFor: read.value.me.id },
        'reference data refresh: Cal.com answered for another account',
      )
      this.o.notice(
        REFERENCE_ACCOUNT_MISMATCH,
        `Cal.com answered for account ${read.value.me.id}, not this branch's ${knownAccount}; nothing was changed. Reconnect the branch if its Cal.com account changed.`,
      )
      return { outcome: 'failed', code: REFERENCE_ACCOUNT_MISMATCH }
    }
    let changed: boolean | null
    let moved: string[] = []
    try {
      changed = this.o.db.transaction(() => {
        const branch = branches.current()
        // Disconnected (or refused) since the read began: written at the next connect instead.
        if (branch.connection !== 'connected') return null
        const before = this.#snapshot(branch.id)
        const applied = applyReferenceData(
          this.o,
          branch.id,
          read.value,
          branch.connection,
          'refresh',
        )
        moved = applied.movedAppointments
        return this.#snapshot(branch.id) !== before
      })
    } catch (err) {
      // Rolled back whole; the desk's own fault, not Cal.com's, but told in the same place.
      logger.error({ err }, 'reference data refresh: writing it failed')
      this.o.notice(
        REFERENCE_NOT_APPLIED,
        `Services, staff and opening hours read from Cal.com could not be kept (${(err as Error).message}); nothing was changed.`,
      )
      return { outcome: 'failed', code: REFERENCE_NOT_APPLIED }
    }
    if (changed === null) return { outcome: 'skipped', why: 'not-connected' }
    this.#freshAt = this.#now()
    logger.info(
      {
        changed,
        eventTypes: read.value.eventTypes.length,
        hosts: read.value.hosts.length,
        schedules: read.value.schedules.length,
      },
      'reference data refreshed from Cal.com',
    )
    if (changed) this.o.branches.announce()
    // A member's second row folded into theirs: its appointments are in their column now.
    this.o.appointments.announce(moved)
    return { outcome: changed ? 'changed' : 'unchanged' }
  }

  /** What the screens read of the reference data, to tell whether a refresh changed any of it. */
  #snapshot(branchId: number): string {
    return JSON.stringify([
      this.o.branches.byId(branchId),
      this.o.eventTypes.list(branchId),
      this.o.staff.rowsOf(branchId),
      this.o.schedules.list(),
    ])
  }
}
