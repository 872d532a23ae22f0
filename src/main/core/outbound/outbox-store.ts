// The outbox table is the queue (DESIGN.md §2): a desk action adds a row in the same transaction
// as its local change, and the worker moves each row pending → in_flight → done, back to pending
// with a later next_attempt_at, or to needs_attention. Rows are never deleted: done and
// discarded rows stay as the record of what the desk sent.
//
// Order per booking: a row may run only when no earlier row of the same booking is still open
// (pending, in flight or needing attention), so a cancel never overtakes the create it follows.
import type { OutboxReason } from '../../../shared/api/outbox-reasons'
import { randomUUID } from 'node:crypto'
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { OutboxState, SyncState } from '../../../shared/domain/appointment-status'
import type { DeskDb } from '../db/open-database'
import { outbox } from '../db/schema'
import type { OutboxOp, StoredPayload } from './outbox-payloads'

export type OutboxRow = typeof outbox.$inferSelect
/** The database or an open transaction: the store's writes join the caller's transaction. */
export type DeskTx = Pick<DeskDb, 'select' | 'insert' | 'update' | 'delete'>

export const OPEN_STATES: readonly OutboxState[] = ['pending', 'in_flight', 'needs_attention']

/** A pending row with no earlier open row of the same booking. */
const headOfItsBooking = sql`${outbox.state} = 'pending' and not exists (
  select 1 from ${outbox} as earlier
  where earlier.booking_uid = ${outbox.bookingUid} and earlier.id < ${outbox.id}
    and earlier.state in ('pending', 'in_flight', 'needs_attention'))`

export interface NewOutboxRow<O extends OutboxOp = OutboxOp> {
  op: O
  bookingUid: string
  payload: StoredPayload<O>
  createdBy: number | null
}

export class OutboxStore {
  readonly #stateOfMutation
  readonly #openStatesOf
  readonly #queueDepth
  readonly #needingAttention
  readonly #byId
  readonly #openRowsOf
  readonly #countsByState
  readonly #headDueBy
  readonly #claim
  readonly #nextDueAt

  // Statements are prepared once on the desk's one connection; a caller's transaction runs on
  // that same connection, so they see and join its writes.
  constructor(private readonly db: DeskDb) {
    const p = sql.placeholder
    this.#stateOfMutation = db
      .select({ state: outbox.state })
      .from(outbox)
      .where(eq(outbox.mutationId, p('mutationId')))
      .prepare()
    this.#openStatesOf = db
      .select({ state: outbox.state })
      .from(outbox)
      .where(and(eq(outbox.bookingUid, p('uid')), inArray(outbox.state, [...OPEN_STATES])))
      .prepare()
    this.#queueDepth = db
      .select({ n: sql<number>`count(*)` })
      .from(outbox)
      .where(inArray(outbox.state, ['pending', 'in_flight']))
      .prepare()
    this.#needingAttention = db
      .select({ n: sql<number>`count(*)` })
      .from(outbox)
      .where(eq(outbox.state, 'needs_attention'))
      .prepare()
    this.#byId = db
      .select()
      .from(outbox)
      .where(eq(outbox.id, p('id')))
      .prepare()
    this.#openRowsOf = db
      .select()
      .from(outbox)
      .where(and(eq(outbox.bookingUid, p('uid')), inArray(outbox.state, [...OPEN_STATES])))
      .orderBy(asc(outbox.id))
      .prepare()
    this.#countsByState = db
      .select({ state: outbox.state, n: sql<number>`count(*)` })
      .from(outbox)
      .groupBy(outbox.state)
      .prepare()
    this.#headDueBy = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(sql`${headOfItsBooking} and ${outbox.nextAttemptAt} <= ${p('now')}`)
      .orderBy(asc(outbox.id))
      .limit(1)
      .prepare()
    this.#claim = db
      .update(outbox)
      .set({
        state: 'in_flight',
        attempts: sql`${outbox.attempts} + 1`,
        updatedAt: sql`${p('now')}`,
      })
      .where(eq(outbox.id, p('id')))
      .returning()
      .prepare()
    this.#nextDueAt = db
      .select({ at: sql<number | null>`min(${outbox.nextAttemptAt})` })
      .from(outbox)
      .where(headOfItsBooking)
      .prepare()
  }

  /** Whether the row that sent this mutation is still queued or out (not yet answered). */
  isSending(mutationId: string): boolean {
    const state = this.#stateOfMutation.get({ mutationId })?.state
    return state === 'pending' || state === 'in_flight'
  }

  /**
   * An appointment's sync mark follows its open outbox rows: any row needing attention wins,
   * then any row still queued; with none left the desk agrees with Cal.com. Reads through the
   * one connection, so inside a transaction it sees that transaction's rows.
   */
  syncStateOf(bookingUid: string): SyncState {
    const states = this.#openStatesOf.all({ uid: bookingUid }).map((r) => r.state)
    if (states.includes('needs_attention')) return 'needs_attention'
    return states.length > 0 ? 'pending' : 'synced'
  }

  /** Rows queued or out (sync health). */
  queueDepth(): number {
    return this.#queueDepth.get()?.n ?? 0
  }

  /** Rows Cal.com refused that wait for a person (the "needs attention" count). */
  needingAttention(): number {
    return this.#needingAttention.get()?.n ?? 0
  }

  /** Adds a row inside the caller's transaction. */
  enqueue(tx: DeskTx, row: NewOutboxRow): OutboxRow {
    return tx
      .insert(outbox)
      .values({
        mutationId: randomUUID(),
        op: row.op,
        bookingUid: row.bookingUid,
        payload: row.payload,
        createdBy: row.createdBy,
        state: 'pending',
        nextAttemptAt: 0,
      })
      .returning()
      .get()
  }

  byId(id: number): OutboxRow | undefined {
    return this.#byId.get({ id })
  }

  /** Rows in the given states, oldest first (open ones) or newest first (finished ones). */
  list(states: readonly OutboxState[], limit = 200): OutboxRow[] {
    const finished = states.every((s) => s === 'done' || s === 'discarded')
    return this.db
      .select()
      .from(outbox)
      .where(inArray(outbox.state, [...states]))
      .orderBy(finished ? desc(outbox.id) : asc(outbox.id))
      .limit(limit)
      .all()
  }

  /** How many rows are in each state (queue depth for sync health and benchmarks). */
  counts(): Record<OutboxState, number> {
    const out: Record<OutboxState, number> = {
      pending: 0,
      in_flight: 0,
      needs_attention: 0,
      done: 0,
      discarded: 0,
    }
    for (const r of this.#countsByState.all()) out[r.state] = r.n
    return out
  }

  /**
   * Takes the oldest due row that heads its booking's queue and marks it in flight (one more
   * attempt). Synchronous, so two claims in this process can never take the same row.
   */
  claimNext(now: number): OutboxRow | undefined {
    return this.db.transaction(() => {
      const head = this.#headDueBy.get({ now })
      if (!head) return undefined
      return this.#claim.get({ id: head.id, now })
    })
  }

  /**
   * When the next runnable row falls due (for the worker's timer); undefined when none waits.
   * Rows behind an open row of their booking are not counted: that row's end wakes the worker.
   */
  nextDueAt(): number | undefined {
    return this.#nextDueAt.get()?.at ?? undefined
  }

  /**
   * After a crash or a kill, rows left in flight may or may not have reached Cal.com: they go
   * back to pending, marked so their next attempt looks before it sends.
   */
  recoverInterrupted(): number {
    return this.db.transaction((tx) => {
      const rows = tx.select().from(outbox).where(eq(outbox.state, 'in_flight')).all()
      for (const r of rows) {
        tx.update(outbox)
          .set({
            state: 'pending',
            nextAttemptAt: 0,
            payload: { ...(r.payload as object), outcomeUnknown: true },
            lastError: r.lastError ?? { code: 'interrupted', params: {} },
            updatedAt: Date.now(),
          })
          .where(eq(outbox.id, r.id))
          .run()
      }
      return rows.length
    })
  }

  /** Finished: Cal.com holds the change. */
  markDone(tx: DeskTx, id: number): void {
    tx.update(outbox)
      .set({ state: 'done', lastError: null, updatedAt: Date.now() })
      .where(eq(outbox.id, id))
      .run()
  }

  /** Back to the queue, due at `nextAttemptAt`. */
  markPending(
    tx: DeskTx,
    row: OutboxRow,
    changes: { nextAttemptAt: number; lastError: OutboxReason | null; outcomeUnknown?: boolean },
  ): void {
    tx.update(outbox)
      .set({
        state: 'pending',
        nextAttemptAt: changes.nextAttemptAt,
        lastError: changes.lastError,
        payload: withOutcome(row.payload, changes.outcomeUnknown),
        updatedAt: Date.now(),
      })
      .where(eq(outbox.id, row.id))
      .run()
  }

  /** Out of the queue until someone retries or discards it, with Cal.com's reason. */
  markNeedsAttention(
    tx: DeskTx,
    row: OutboxRow,
    reason: OutboxReason,
    outcomeUnknown?: boolean,
  ): void {
    tx.update(outbox)
      .set({
        state: 'needs_attention',
        lastError: reason,
        payload: withOutcome(row.payload, outcomeUnknown),
        updatedAt: Date.now(),
      })
      .where(eq(outbox.id, row.id))
      .run()
  }

  markDiscarded(tx: DeskTx, id: number): void {
    tx.update(outbox)
      .set({ state: 'discarded', updatedAt: Date.now() })
      .where(eq(outbox.id, id))
      .run()
  }

  /** The booking got (another) Cal.com uid: its open rows follow it. */
  moveOpenRows(tx: DeskTx, fromUid: string, toUid: string): void {
    tx.update(outbox)
      .set({ bookingUid: toUid, updatedAt: Date.now() })
      .where(and(eq(outbox.bookingUid, fromUid), inArray(outbox.state, [...OPEN_STATES])))
      .run()
  }

  /** Open rows of a booking, oldest first. */
  openRowsOf(bookingUid: string): OutboxRow[] {
    return this.#openRowsOf.all({ uid: bookingUid })
  }
}

function withOutcome(payload: unknown, outcomeUnknown: boolean | undefined): unknown {
  if (outcomeUnknown === undefined) return payload
  const { outcomeUnknown: _old, ...rest } = payload as StoredPayload
  return outcomeUnknown ? { ...rest, outcomeUnknown: true } : rest
}
