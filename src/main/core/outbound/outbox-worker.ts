// Drains the outbox to Cal.com by itself (DESIGN.md §2): woken by new rows, and by a timer for
// rows whose retry falls due. Rows of one booking go strictly in order; rows of different bookings
// run concurrently, as fast as the client's rate governor admits them. Every failure is decided by
// failure-policy.ts; nothing is dropped. Auth trouble pauses the whole queue until the branch is
// connected again.
import type { SharedState } from '../shared-state/shared-state'
import type { Logger } from 'pino'
import type { HistoryChange } from '../../../shared/api/history-codes'
import type { AppointmentStore } from '../appointments/appointment-store'
import { apiVersion, mapApiBooking } from '../appointments/booking-mapping'
import type { CalcomBookings } from '../appointments/calcom-bookings'
import type { BranchStore } from '../branch/branch-store'
import type { CalcomClient } from '../calcom/calcom-client'
import { CalcomError } from '../calcom/calcom-errors'
import type { Booking } from '../calcom/response-schemas'
import type { BranchConnection } from '../connect/branch-connection'
import type { DeskDb } from '../db/open-database'
import type { DeskEvents } from '../events/desk-events'
import type { StaffStore } from '../staff/staff-store'
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff'
import { decideOnFailure } from './failure-policy'
import { callCalcom, type CallOutcome } from './outbox-calls'
import type { OutboxOp, PayloadOf } from './outbox-payloads'
import type { DeskTx, OutboxRow, OutboxStore } from './outbox-store'

export interface OutboxWorkerTuning {
  /**
   * Rows of different bookings in flight at once (the rate governor still has the last word).
   * Enough to spend Cal.com's largest default budget (500 calls a minute, ~8 a second) while each
   * booking call takes up to two seconds; 4 used only ~70 % of a budget at 300 ms a call.
   */
  concurrency?: number
  backoff?: Partial<BackoffPolicy>
  /** Longest sleep between looks at the queue, in case a wake-up was missed. */
  pollMs?: number
  /** How long close() waits for calls in flight before leaving them to the next start. */
  closeGraceMs?: number
  random?: () => number
  /**
   * The clock the schedule is kept by (claims, next_attempt_at), when not the deps' one: a test
   * walks it through minutes of backoff and wakes the worker itself. Never the desk's demo clock,
   * which may stand still: a retry would then never fall due.
   */
  now?: () => number
}

export interface OutboxWorkerDeps {
  db: DeskDb
  events: DeskEvents
  outbox: OutboxStore
  appointments: AppointmentStore
  calcomBookings: CalcomBookings
  branches: BranchStore
  connection: BranchConnection
  logger: Logger
  now?: () => number
  /** Desk events about a desk booking wait for its Cal.com uid (shared-state/). */
  shared?: Pick<SharedState, 'renameBooking'>
  /** Who a queued booking's staff member is to Cal.com when it is sent (outbox-calls.ts). */
  staff?: Pick<StaffStore, 'rowById'>
}

const AUTH_REPROBE_MS = 60_000

export type WorkerState = 'running' | 'paused' | 'stopped'

export class OutboxWorker {
  readonly #d: OutboxWorkerDeps
  readonly #concurrency: number
  readonly #backoff: BackoffPolicy
  readonly #pollMs: number
  readonly #closeGraceMs: number
  readonly #random: (() => number) | undefined
  readonly #now: () => number
  readonly #active = new Set<Promise<void>>()
  readonly #unsubscribe: Array<() => void> = []
  #timer: NodeJS.Timeout | undefined
  #scheduled = false
  #started = false
  #stopped = false
  /** Set by an auth failure; cleared when the branch connects again. */
  #authPaused = false

  constructor(deps: OutboxWorkerDeps, tuning: OutboxWorkerTuning = {}) {
    this.#d = deps
    this.#concurrency = tuning.concurrency ?? 16
    this.#backoff = { ...DEFAULT_BACKOFF, ...tuning.backoff }
    this.#pollMs = tuning.pollMs ?? 30_000
    this.#closeGraceMs = tuning.closeGraceMs ?? 2_000
    this.#random = tuning.random
    this.#now = tuning.now ?? deps.now ?? Date.now
  }

  /** Recovers rows a previous run left in flight, then drains. */
  start(): void {
    if (this.#started) return
    this.#started = true
    const recovered = this.#d.outbox.recoverInterrupted()
    if (recovered > 0) {
      this.#d.logger.warn(
        { rows: recovered },
        'outbox rows were in flight when the desk stopped; they will look before they resend',
      )
    }
    this.#unsubscribe.push(
      this.#d.connection.onConnected((branch) => {
        if (branch.connection === 'connected') this.#authPaused = false
        this.wake()
      }),
      this.#d.connection.onReconnectNeeded(() => {
        this.#authPaused = true
      }),
    )
    this.wake()
  }

  /** Something was queued or changed: look at the queue soon. */
  wake(): void {
    if (this.#stopped || !this.#started || this.#scheduled) return
    this.#scheduled = true
    setImmediate(() => {
      this.#scheduled = false
      this.#drain()
    })
  }

  get state(): WorkerState {
    if (this.#stopped) return 'stopped'
    return this.#client() ? 'running' : 'paused'
  }

  /** Resolves when no row is in flight in this process (tests, benchmarks, shutdown). */
  async idle(): Promise<void> {
    while (this.#active.size > 0) await Promise.allSettled([...this.#active])
  }

  async stop(): Promise<void> {
    if (this.#stopped) return
    this.#stopped = true
    clearTimeout(this.#timer)
    for (const off of this.#unsubscribe.splice(0)) off()
    // Calls still out after the grace period stay in_flight in the database: the next start
    // treats them as unknown outcomes, which is always safe.
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      this.idle(),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, this.#closeGraceMs))),
    ])
    clearTimeout(timer)
  }

  #client(): CalcomClient | null {
    if (this.#authPaused) return null
    if (this.#d.branches.current().connection !== 'connected') return null
    return this.#d.connection.client()
  }

  #drain(): void {
    if (this.#stopped) return
    clearTimeout(this.#timer)
    this.#timer = undefined
    const client = this.#client()
    if (client) {
      while (this.#active.size < this.#concurrency) {
        const row = this.#d.outbox.claimNext(this.#now())
        if (!row) break
        const run = this.#run(client, row).catch((err: unknown) => {
          this.#d.logger.error({ err, outboxId: row.id }, 'outbox row failed unexpectedly')
        })
        this.#active.add(run)
        void run.finally(() => {
          this.#active.delete(run)
          this.wake()
        })
        this.#d.events.emit('outboxChanged', {})
      }
    }
    if (this.#stopped || !client) return
    const due = this.#d.outbox.nextDueAt()
    const wait =
      due === undefined ? this.#pollMs : Math.min(this.#pollMs, Math.max(due - this.#now(), 0) + 5)
    if (this.#active.size >= this.#concurrency && due !== undefined && due <= this.#now()) return
    this.#timer = setTimeout(() => this.#drain(), wait)
    this.#timer.unref?.()
  }

  async #run(client: CalcomClient, row: OutboxRow): Promise<void> {
    const appointment = this.#d.appointments.rowByUid(row.bookingUid)
    const attendeeEmail = appointment?.attendeeEmail ?? null
    const member =
      appointment?.staffId != null ? this.#d.staff?.rowById(appointment.staffId) : undefined
    const host = member && { hostId: member.calcomHostId, username: member.calcomUsername }
    let result: CallOutcome
    try {
      result = await callCalcom(client, row, { attendeeEmail, ...(host ? { host } : {}) })
    } catch (err) {
      result = {
        ok: false,
        error: new CalcomError(
          'transient',
          'NETWORK',
          `The call failed: ${(err as Error).message}`,
        ),
      }
    }
    if (this.#stopped && !this.#d.db.$client.open) return
    const log = { outboxId: row.id, op: row.op, bookingUid: row.bookingUid, attempt: row.attempts }
    if (result.ok) {
      this.#applySuccess(row, result.booking, result.adopted === true)
      this.#d.logger.info(
        { ...log, calcomUid: result.booking.uid, adopted: result.adopted },
        'outbox row synced',
      )
      return
    }
    const decision = decideOnFailure(
      result.error,
      row.attempts,
      this.#now(),
      this.#backoff,
      this.#random,
    )
    const errorLog = { ...log, code: result.error.code, status: result.error.status }
    if (decision.action === 'pause') {
      this.#pauseForAuth()
      this.#d.db.transaction((tx) =>
        this.#d.outbox.markPending(tx, row, { nextAttemptAt: 0, lastError: decision.reason }),
      )
      this.#d.logger.warn(
        errorLog,
        'Cal.com refused the credential; the outbox waits for a reconnect',
      )
    } else if (decision.action === 'retry') {
      this.#d.db.transaction((tx) =>
        this.#d.outbox.markPending(tx, row, {
          nextAttemptAt: decision.nextAttemptAt,
          lastError: decision.reason,
          outcomeUnknown: row.op === 'create' ? decision.outcomeUnknown || undefined : undefined,
        }),
      )
      this.#d.logger.info(
        { ...errorLog, retryInMs: decision.nextAttemptAt - this.#now() },
        'outbox row will be retried',
      )
    } else {
      this.#d.db.transaction((tx) => {
        this.#d.outbox.markNeedsAttention(
          tx,
          row,
          decision.reason,
          row.op === 'create' ? decision.outcomeUnknown || undefined : undefined,
        )
        this.#d.appointments.patchInTx(
          tx,
          row.bookingUid,
          { syncState: this.#d.outbox.syncStateOf(row.bookingUid) },
          { code: 'needs_attention', params: { op: row.op, reason: decision.reason } },
        )
      })
      this.#d.appointments.announce([row.bookingUid])
      this.#d.logger.warn(errorLog, 'Cal.com refused an outbox row; it needs attention')
    }
    this.#d.events.emit('outboxChanged', {})
  }

  /**
   * Stops sending until the branch connects again. A 401 that did not cost the branch its
   * connection (the token was renewed, yet refused once more) is probed again after a minute.
   */
  #pauseForAuth(): void {
    this.#authPaused = true
    const probe = setTimeout(() => {
      if (this.#d.branches.current().connection !== 'connected') return
      this.#authPaused = false
      this.wake()
    }, AUTH_REPROBE_MS)
    probe.unref?.()
  }

  /** Cal.com's state becomes the appointment's, the row is done, later rows follow the uid. */
  #applySuccess(row: OutboxRow, booking: Booking, adopted: boolean): void {
    const { appointments: store, outbox } = this.#d
    const uid = row.bookingUid
    const op = row.op as OutboxOp
    const alsoStartsAt: number[] = []
    this.#d.db.transaction((tx) => {
      if (op === 'create') {
        // The create row itself moves too: it records which booking it made.
        outbox.moveOpenRows(tx, uid, booking.uid)
        outbox.markDone(tx, row.id)
        store.renameInTx(tx, uid, booking.uid)
        this.#d.shared?.renameBooking(uid, booking.uid)
        this.#takeState(tx, booking.uid, booking, adopted ? 'found_in_calcom' : 'booked_in_calcom')
      } else if (op === 'reschedule') {
        outbox.markDone(tx, row.id)
        const before = (row.payload as PayloadOf['reschedule']).before
        const old = store.rowByUid(uid)
        outbox.moveOpenRows(tx, uid, booking.uid)
        if (old && !store.rowByUid(booking.uid)) {
          store.insertInTx(
            tx,
            {
              uid: booking.uid,
              branchId: old.branchId,
              eventTypeId: old.eventTypeId,
              staffId: old.staffId,
              title: booking.title,
              start: booking.start,
              end: booking.end,
              status: 'SCHEDULED',
              walkIn: old.walkIn,
              visitState: old.visitState,
              paid: old.paid,
              attendee: {
                name: old.attendeeName,
                email: old.attendeeEmail,
                phone: old.attendeePhone,
                timeZone: old.attendeeTimeZone,
              },
              rescheduledFromUid: uid,
              syncState: 'pending',
            },
            { code: 'rescheduled_here_from', params: { from: uid } },
          )
          store.patchInTx(tx, booking.uid, { deskNotes: old.deskNotes, clientId: old.clientId })
        }
        this.#takeState(tx, booking.uid, booking, 'rescheduled_in_calcom')
        if (old) alsoStartsAt.push(old.startsAt)
        store.patchInTx(
          tx,
          uid,
          {
            status: 'RESCHEDULED',
            statusBeforeNoShow: null,
            rescheduledToUid: booking.uid,
            startsAt: before.startsAt,
            endsAt: before.endsAt,
            // Desk changes queued after the reschedule moved to the new booking with their rows;
            // the old booking keeps what Cal.com holds for it.
            cancellationReason: before.cancellationReason,
            rejectionReason: before.rejectionReason,
            syncState: this.#d.outbox.syncStateOf(uid),
          },
          { code: 'rescheduled_in_calcom', params: { to: booking.uid } },
        )
      } else {
        outbox.markDone(tx, row.id)
        this.#takeState(tx, uid, booking, 'synced_in_calcom', { op })
      }
    })
    store.announce(
      op === 'reschedule' || op === 'create' ? [uid, booking.uid] : [uid],
      alsoStartsAt,
    )
    this.#d.events.emit('outboxChanged', {})
  }

  /** Cal.com's answer becomes the appointment's state, the way the inbox lays it. */
  #takeState(
    tx: DeskTx,
    uid: string,
    booking: Booking,
    code: 'found_in_calcom' | 'booked_in_calcom' | 'rescheduled_in_calcom' | 'synced_in_calcom',
    params: { op?: string } = {},
  ): void {
    const branch = this.#d.branches.current()
    this.#d.calcomBookings.applyCalcomBooking(
      {
        kind: 'state',
        booking: { ...mapApiBooking(booking), uid },
        version: apiVersion(booking),
        origin: 'api',
      },
      'calcom',
      {
        branch,
        answer: {
          code,
          params: { ...params, status: booking.status, updatedAt: booking.updatedAt },
        } as HistoryChange,
      },
    )
    this.#d.appointments.patchInTx(tx, uid, { syncState: this.#d.outbox.syncStateOf(uid) })
  }
}
