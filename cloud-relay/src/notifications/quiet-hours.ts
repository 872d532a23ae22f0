import { DateTime } from 'luxon'
import type { QuietHours } from '../../../src/shared/notifications/rules.js'

const minutes = (hhmm: string): number => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number)
  return h * 60 + m
}

const local = (at: Date, zone: string): DateTime => {
  const t = DateTime.fromJSDate(at, { zone })
  return t.isValid ? t : DateTime.fromJSDate(at, { zone: 'UTC' })
}

/**
 * When quiet hours hold a notification made at `at` in `zone`: the end of the quiet hours it
 * falls in (the morning digest goes then), or undefined when `at` is outside them.
 */
export function quietUntil(q: QuietHours, at: Date, zone: string): Date | undefined {
  const t = local(at, zone)
  const now = t.hour * 60 + t.minute
  const start = minutes(q.start)
  const end = minutes(q.end)
  const inside = start < end ? now >= start && now < end : now >= start || now < end
  if (!inside) return undefined
  let until = t.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 })
  if (until <= t) until = until.plus({ days: 1 })
  return until.toJSDate()
}
