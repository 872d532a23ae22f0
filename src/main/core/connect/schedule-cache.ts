// The account's Cal.com schedules (opening hours, each host's working hours), kept as Cal.com
// sent them so the desk can show hours and judge slots while offline. One settings row.
import { eq } from 'drizzle-orm'
import type { Schedule } from '../calcom/response-schemas'
import type { DeskDb } from '../db/open-database'
import { settings } from '../db/schema'

const KEY = 'calcom_schedules'

export class ScheduleCache {
  constructor(private readonly db: DeskDb) {}

  replace(schedules: Schedule[]): void {
    const value = JSON.stringify(schedules)
    this.db
      .insert(settings)
      .values({ key: KEY, value })
      .onConflictDoUpdate({ target: settings.key, set: { value } })
      .run()
  }

  list(): Schedule[] {
    const row = this.db.select().from(settings).where(eq(settings.key, KEY)).get()
    if (!row) return []
    try {
      return JSON.parse(row.value) as Schedule[]
    } catch {
      return []
    }
  }
}
