import type { Account, Schedule, Webhook } from '../model.js'

/** `MeOutput` */
export function renderMe(a: Account) {
  return {
    id: a.userId,
    username: a.username,
    email: a.email,
    name: a.name,
    avatarUrl: null,
    bio: null,
    timeFormat: a.timeFormat,
    defaultScheduleId: a.defaultScheduleId,
    weekStart: a.weekStart,
    timeZone: a.timeZone,
    organizationId: null,
  }
}

/** `ScheduleOutput_2024_06_11` */
export function renderSchedule(s: Schedule) {
  return {
    id: s.id,
    ownerId: s.ownerId,
    name: s.name,
    timeZone: s.timeZone,
    availability: s.availability,
    isDefault: s.isDefault,
    overrides: s.overrides,
  }
}

/**
 * A user webhook as Cal.com returns it: `id` is a uuid string and `triggers` an array (the spec
 * says number and string; REFERENCE.md §2.6).
 */
export function renderWebhook(w: Webhook) {
  return {
    payloadTemplate: w.payloadTemplate,
    userId: w.userId,
    id: w.id,
    triggers: w.triggers,
    subscriberUrl: w.subscriberUrl,
    active: w.active,
    ...(w.secret ? { secret: w.secret } : {}),
  }
}
