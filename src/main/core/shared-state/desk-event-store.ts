// The desk's half of desk events (DESIGN.md §9): the outbox of desk events this desk made
// (desk_event_outbox; one the relay refused stays there until its field is changed again) and,
// per desk-owned field, the relay seq and value that won (desk_field_seqs). Statements are
// prepared once on the desk's one connection, so a caller's transaction (an action, a page of
// relay events) sees and joins their writes.
import { randomUUID } from 'node:crypto'
import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  lte,
  like,
  not,
  sql,
} from 'drizzle-orm'
import { deskFieldOf, type DeskChange } from '../../../shared/relay/desk-events'
import type { DeskDb } from '../db/open-database'
import { deskEventOutbox, deskFieldSeqs } from '../db/schema'

export type QueuedDeskEvent = typeof deskEventOutbox.$inferSelect

/** The booking a change is about, if any. */
export const bookingOf = (change: DeskChange): string | null =>
  'bookingUid' in change ? change.bookingUid : null

export class DeskEventStore {
  readonly #insert
  readonly #field
  readonly #setField
  readonly #byKey
  readonly #deleteByKey
  readonly #waiting
  readonly #count

  constructor(private readonly db: DeskDb) {
    this.#insert = db
      .insert(deskEventOutbox)
      .values({
        key: sql.placeholder('key'),
        bookingUid: sql.placeholder('bookingUid'),
        change: sql.placeholder('change'),
        madeAt: sql.placeholder('madeAt'),
      })
      .prepare()
    this.#field = db
      .select()
      .from(deskFieldSeqs)
      .where(eq(deskFieldSeqs.field, sql.placeholder('field')))
      .prepare()
    this.#setField = db
      .insert(deskFieldSeqs)
      .values({
        field: sql.placeholder('field'),
        seq: sql.placeholder('seq'),
        value: sql.placeholder('value'),
      })
      .onConflictDoUpdate({
        target: deskFieldSeqs.field,
        set: { seq: sql`excluded.seq`, value: sql`excluded.value` },
      })
      .prepare()
    this.#byKey = db
      .select({ id: deskEventOutbox.id })
      .from(deskEventOutbox)
      .where(eq(deskEventOutbox.key, sql.placeholder('key')))
      .prepare()
    this.#deleteByKey = db
      .delete(deskEventOutbox)
      .where(eq(deskEventOutbox.key, sql.placeholder('key')))
      .prepare()
    const open = isNull(deskEventOutbox.refusedAt)
    this.#waiting = db
      .select()
      .from(deskEventOutbox)
      .where(open)
      .orderBy(asc(deskEventOutbox.id))
      .prepare()
    this.#count = db.select({ n: count() }).from(deskEventOutbox).where(open).prepare()
  }

  /**
   * Queues a desk event, inside the caller's transaction when there is one. The field changed
   * again: a refusal of an earlier change to it is over (this one may be refused in its turn).
   */
  enqueue(change: DeskChange, madeAt: number): string {
    const field = deskFieldOf(change)
    const over = this.refused()
      .filter((r) => deskFieldOf(r.change) === field)
      .map((r) => r.id)
    if (over.length) this.db.delete(deskEventOutbox).where(inArray(deskEventOutbox.id, over)).run()
    const key = `de_${randomUUID()}`
    this.#insert.run({
      key,
      bookingUid: bookingOf(change),
      change,
      madeAt,
    })
    return key
  }

  /** Every desk event not yet applied back from the log, oldest first (the sent ones too). */
  waiting(): QueuedDeskEvent[] {
    return this.#waiting.all()
  }

  /** How many desk events wait: to be sent, or to come back from the relay's log. */
  count(): number {
    return this.#count.get()?.n ?? 0
  }

  /** The next ones to send, oldest first: not sent yet, and about a booking Cal.com has named. */
  sendable(prefix: string, limit: number): QueuedDeskEvent[] {
    return this.db
      .select()
      .from(deskEventOutbox)
      .where(
        and(
          isNull(deskEventOutbox.sentSeq),
          isNull(deskEventOutbox.refusedAt),
          sql`(${deskEventOutbox.bookingUid} is null or ${not(like(deskEventOutbox.bookingUid, `${prefix}%`))})`,
        ),
      )
      .orderBy(asc(deskEventOutbox.id))
      .limit(limit)
      .all()
  }

  sent(id: number, seq: number): void {
    this.db.update(deskEventOutbox).set({ sentSeq: seq }).where(eq(deskEventOutbox.id, id)).run()
  }

  /** A try that failed: counted, the row stays in its place. */
  failed(id: number): void {
    this.db
      .update(deskEventOutbox)
      .set({ attempts: sql`${deskEventOutbox.attempts} + 1` })
      .where(eq(deskEventOutbox.id, id))
      .run()
  }

  /**
   * The relay refused it for good (400): no longer sent or waited for, the local change stays at
   * this desk alone, and the row stays so sync health can say so, after a restart too.
   */
  refuse(id: number, refusal: string, at: number): void {
    this.db
      .update(deskEventOutbox)
      .set({ refusedAt: at, refusal })
      .where(eq(deskEventOutbox.id, id))
      .run()
  }

  /** Desk events the relay refused, newest first (at most `limit`). */
  refused(limit = 20): QueuedDeskEvent[] {
    return this.db
      .select()
      .from(deskEventOutbox)
      .where(isNotNull(deskEventOutbox.refusedAt))
      .orderBy(desc(deskEventOutbox.refusedAt), desc(deskEventOutbox.id))
      .limit(limit)
      .all()
  }

  /** Whether this desk queued the event with this key (and has not seen it in the log yet). */
  isOwn(key: string): boolean {
    return this.#byKey.get({ key }) !== undefined
  }

  /** The event came back from the log: it no longer waits. */
  settle(key: string): void {
    this.#deleteByKey.run({ key })
  }

  /**
   * The relay's desk state as of `seq` includes every event this desk sent at or below it, each
   * either there or overtaken by a later one: none of them waits to come back any more.
   */
  settleSentThrough(seq: number): void {
    this.db.delete(deskEventOutbox).where(lte(deskEventOutbox.sentSeq, seq)).run()
  }

  /** Cal.com gave a desk booking its uid: the events about it follow, inside the caller's tx. */
  renameBooking(from: string, to: string): void {
    this.db
      .update(deskEventOutbox)
      .set({
        bookingUid: to,
        change: sql`json_set(${deskEventOutbox.change}, '$.bookingUid', ${to})`,
      })
      .where(eq(deskEventOutbox.bookingUid, from))
      .run()
  }

  field(field: string): { seq: number; value: unknown } | undefined {
    const row = this.#field.get({ field })
    return row ? { seq: row.seq, value: row.value } : undefined
  }

  setField(field: string, seq: number, value: unknown): void {
    this.#setField.run({ field, seq, value })
  }
}
