// The branch this desk serves. A fresh desk has one local branch in the machine's time zone;
// connecting to Cal.com later fills in the account, its name and its zone.
import { eq, sql } from 'drizzle-orm'
import type { Branch } from '../../../shared/api/schemas'
import type { ConnectionState } from '../../../shared/domain/appointment-status'
import type { DeskDb } from '../db/open-database'
import { placeholders, PreparedByShape } from '../db/prepared-by-shape'
import { branches, settings } from '../db/schema'
import type { DeskEvents } from '../events/desk-events'
import { isValidTimeZone } from '../time/branch-day'

const CURRENT_BRANCH = 'current_branch_id'

export interface BranchInput {
  name: string
  timeZone: string
  calcomAccountId?: number | null
  calcomUsername?: string | null
  connection?: ConnectionState
}

export class BranchStore {
  /**
   * The desk's branch, read on every request; this store is its only writer. It holds only what
   * is committed: a write inside a caller's transaction (the reference refresh, connecting) drops
   * it, and reads inside a transaction do not fill it, so a rolled-back write is never what the
   * desk goes on serving — the next read after the transaction takes the row as it stands.
   */
  #current: Branch | undefined
  readonly #currentId
  readonly #byId
  readonly #insert
  readonly #makeCurrent
  /** An update sets the fields it is given: one statement per set of fields. */
  readonly #update

  constructor(
    private readonly db: DeskDb,
    private readonly events: DeskEvents,
  ) {
    this.#currentId = db
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, CURRENT_BRANCH))
      .prepare()
    this.#byId = db
      .select()
      .from(branches)
      .where(eq(branches.id, sql.placeholder('id')))
      .prepare()
    this.#insert = db
      .insert(branches)
      .values({
        name: sql.placeholder('name'),
        timeZone: sql.placeholder('timeZone'),
        calcomAccountId: sql.placeholder('calcomAccountId'),
        calcomUsername: sql.placeholder('calcomUsername'),
        connection: sql.placeholder('connection'),
      })
      .returning()
      .prepare()
    this.#makeCurrent = db
      .insert(settings)
      .values({ key: CURRENT_BRANCH, value: sql.placeholder('value') })
      .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } })
      .prepare()
    this.#update = new PreparedByShape((fields) =>
      db
        .update(branches)
        .set(placeholders(fields))
        .where(eq(branches.id, sql.placeholder('id')))
        .returning()
        .prepare(),
    )
  }

  /** The desk's branch, created on first use. */
  current(): Branch {
    if (this.#current) return this.#current
    const row = this.#currentId.get()
    const found = row && this.byId(Number(row.value))
    if (found) return this.#keep(found)
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
    return this.create({ name: 'This branch', timeZone: zone }, { makeCurrent: true })
  }

  byId(id: number): Branch | undefined {
    const row = this.#byId.get({ id })
    return row && toBranch(row)
  }

  create(input: BranchInput, opts: { makeCurrent?: boolean } = {}): Branch {
    if (!isValidTimeZone(input.timeZone)) throw new Error(`Unknown time zone "${input.timeZone}"`)
    // The prepared statements run on the one connection, so inside this transaction.
    const branch = this.db.transaction(() => {
      const row = this.#insert.get({
        name: input.name,
        timeZone: input.timeZone,
        calcomAccountId: input.calcomAccountId ?? null,
        calcomUsername: input.calcomUsername ?? null,
        connection: input.connection ?? 'disconnected',
      })!
      if (opts.makeCurrent) this.#makeCurrent.run({ value: String(row.id) })
      return toBranch(row)
    })
    if (opts.makeCurrent) {
      this.#current = undefined
      this.#keep(branch)
      this.events.emit('branchChanged', {})
    }
    return branch
  }

  /**
   * Writes `changes` and announces `branchChanged`, unless `announce` is false: a caller that
   * writes more inside its transaction (the reference refresh) announces once, after the commit,
   * so the screens neither hear of it twice nor of a change that was rolled back.
   */
  update(id: number, changes: Partial<BranchInput>, opts: { announce?: boolean } = {}): Branch {
    if (changes.timeZone !== undefined && !isValidTimeZone(changes.timeZone)) {
      throw new Error(`Unknown time zone "${changes.timeZone}"`)
    }
    const values = { ...changes, updatedAt: Date.now() }
    const row = this.#update.for(values).get({ ...values, id })
    if (!row) throw new Error(`No branch ${id}`)
    const branch = toBranch(row)
    if (this.#current?.id === id) {
      this.#current = undefined
      this.#keep(branch)
    }
    if (opts.announce !== false) this.events.emit('branchChanged', {})
    return branch
  }

  /** Tells the screens the branch or its reference data changed, after the caller's commit. */
  announce(): void {
    this.events.emit('branchChanged', {})
  }

  /** Caches `branch` as the current one when it is committed (no transaction is open). */
  #keep(branch: Branch): Branch {
    if (!this.db.$client.inTransaction) this.#current = branch
    return branch
  }
}

function toBranch(row: typeof branches.$inferSelect): Branch {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    calcomAccountId: row.calcomAccountId,
    calcomUsername: row.calcomUsername,
    connection: row.connection,
  }
}
