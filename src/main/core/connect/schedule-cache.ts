// The account's Cal.com schedules (opening hours, each host's working hours), kept as Cal.com
// sent them so the desk can show hours and judge slots while offline. One settings row.
import type { Schedule } from '../calcom/response-schemas'
import type { SettingsStore } from '../settings/settings-store'

const KEY = 'calcom_schedules'

export class ScheduleCache {
  constructor(private readonly settings: SettingsStore) {}

  replace(schedules: Schedule[]): void {
    this.settings.set(KEY, JSON.stringify(schedules))
  }

  list(): Schedule[] {
    const value = this.settings.get(KEY)
    if (value === undefined) return []
    try {
      return JSON.parse(value) as Schedule[]
    } catch {
      return []
    }
  }
}
