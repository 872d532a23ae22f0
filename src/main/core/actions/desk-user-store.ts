// The desk's users (desk_users): who an action may name.
import { and, eq, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { deskUsers } from '../db/schema'

export class DeskUserStore {
  readonly #active

  constructor(db: DeskDb) {
    this.#active = db
      .select({ id: deskUsers.id })
      .from(deskUsers)
      .where(and(eq(deskUsers.id, sql.placeholder('id')), eq(deskUsers.active, true)))
      .prepare()
  }

  isActive(id: number): boolean {
    return this.#active.get({ id }) !== undefined
  }
}
