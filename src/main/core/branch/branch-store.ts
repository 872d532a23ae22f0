// The branch this desk serves. A fresh desk has one local branch in the machine's time zone;
// connecting to Cal.com later fills in the account, its name and its zone.
import { eq } from 'drizzle-orm'
import type { Branch } from '../../../shared/api/schemas'
import type { ConnectionState } from '../../../shared/domain/appointment-status'
import type { DeskDb } from '../db/open-database'
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
  /** The desk's branch, read on every request; this store is its only writer. */
  #current: Branch | undefined

  constructor(
    private readonly db: DeskDb,
    private readonly events: DeskEvents,
  ) {}

  /** The desk's branch, created on first use. */
  current(): Branch {
    if (this.#current) return this.#current
    const row = this.db
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, CURRENT_BRANCH))
      .get()
    const found = row && this.byId(Number(row.value))
    if (found) return (this.#current = found)
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
    return this.create({ name: 'This branch', timeZone: zone }, { makeCurrent: true })
  }

  byId(id: number): Branch | undefined {
    const row = this.db.select().from(branches).where(eq(branches.id, id)).get()
    return row && toBranch(row)
  }

  create(input: BranchInput, opts: { makeCurrent?: boolean } = {}): Branch {
    if (!isValidTimeZone(input.timeZone)) throw new Error(`Unknown time zone "${input.timeZone}"`)
    const branch = this.db.transaction((tx) => {
      const row = tx
        .insert(branches)
        .values({
          name: input.name,
          timeZone: input.timeZone,
          calcomAccountId: input.calcomAccountId ?? null,
          calcomUsername: input.calcomUsername ?? null,
          connection: input.connection ?? 'disconnected',
        })
        .returning()
        .get()
      if (opts.makeCurrent) {
        tx.insert(settings)
          .values({ key: CURRENT_BRANCH, value: String(row.id) })
          .onConflictDoUpdate({ target: settings.key, set: { value: String(row.id) } })
          .run()
      }
      return toBranch(row)
    })
    if (opts.makeCurrent) {
      this.#current = branch
      this.events.emit('branchChanged', {})
    }
    return branch
  }

  update(id: number, changes: Partial<BranchInput>): Branch {
    if (changes.timeZone !== undefined && !isValidTimeZone(changes.timeZone)) {
      throw new Error(`Unknown time zone "${changes.timeZone}"`)
    }
    const row = this.db
      .update(branches)
      .set({ ...changes, updatedAt: Date.now() })
      .where(eq(branches.id, id))
      .returning()
      .get()
    if (!row) throw new Error(`No branch ${id}`)
    const branch = toBranch(row)
    if (this.#current?.id === id) this.#current = branch
    this.events.emit('branchChanged', {})
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
