// Small desk-wide values by key (settings): the Cal.com schedules, reconcile watermarks.
import { eq, sql } from 'drizzle-orm'
import type { DeskDb } from '../db/open-database'
import { settings } from '../db/schema'

export class SettingsStore {
  readonly #get
  readonly #set

  constructor(db: DeskDb) {
    const p = sql.placeholder
    this.#get = db
      .select({ value: settings.value })
      .from(settings)
      .where(eq(settings.key, p('key')))
      .prepare()
    this.#set = db
      .insert(settings)
      .values({ key: p('key'), value: p('value') })
      .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } })
      .prepare()
  }

  get(key: string): string | undefined {
    return this.#get.get({ key })?.value
  }

  set(key: string, value: string): void {
    this.#set.run({ key, value })
  }
}
