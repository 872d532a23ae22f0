// Instants and days the desk accepts (DESIGN.md §4.3: a bad input is a 400 naming the field).
// JSON Schema's date-time format lets through what RFC 3339 allows but no clock shows, a leap
// second (23:59:60) among them, which JavaScript cannot hold; and any year at all, so year 9999
// was booked. An instant must name a moment that exists, and a booking, a reschedule or a day's
// slots must fall within a couple of years of today; a day view may look further back.
import { ValidationError } from '../errors/validation-error'

/** How far from today a booking, a reschedule or a day's slots may be. */
export const ACTION_YEARS = 2
/** How far from today the day view may be asked for. */
export const DAY_VIEW_YEARS = 10

const DAY_MS = 24 * 3600_000
const YEAR_MS = 365.25 * DAY_MS

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/

/**
 * The epoch milliseconds of an RFC 3339 instant, or undefined when it names no moment that
 * exists: its fields must come back unchanged from the calendar (no 30 February, no 24:00, no
 * leap second, no offset beyond ±23:59).
 */
export function realInstant(value: string): number | undefined {
  const m = RFC3339.exec(value)
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const at = new Date(0)
  at.setUTCFullYear(year, month - 1, day)
  at.setUTCHours(hour, minute, second, 0)
  if (
    at.getUTCFullYear() !== year ||
    at.getUTCMonth() !== month - 1 ||
    at.getUTCDate() !== day ||
    at.getUTCHours() !== hour ||
    at.getUTCMinutes() !== minute ||
    at.getUTCSeconds() !== second
  ) {
    return undefined
  }
  let offsetMs = 0
  if (!m[8]) {
    const [hours, minutes] = [Number(m[10]), Number(m[11])]
    if (hours > 23 || minutes > 59) return undefined
    offsetMs = (m[9] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000
  }
  const fraction = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0
  return at.getTime() + fraction - offsetMs
}

/** An action's instant (a booking's or a reschedule's start), checked; epoch milliseconds. */
export function actionInstant(value: string, field: string, now = Date.now()): number {
  const ms = realInstant(value)
  if (ms === undefined) {
    throw new ValidationError(
      field,
      'not_a_date',
      `${field} "${value}" is not a time that exists (no 30 February, 24:00 or leap second ` +
        `23:59:60); send an ISO 8601 instant such as 2026-03-11T14:00:00Z`,
    )
  }
  withinYears(ms, field, value, ACTION_YEARS, now)
  return ms
}

/** A YYYY-MM-DD day query, checked to lie within `years` of today. */
export function checkDay(date: string, field: string, years: number, now = Date.now()): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return // the schema and branchDay say what is wrong with its form
  const at = new Date(0)
  at.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  withinYears(at.getTime(), field, date, years, now)
}

function withinYears(ms: number, field: string, value: string, years: number, now: number) {
  // A day's slack either way: a branch-zone day and its UTC instants straddle midnight.
  if (Math.abs(ms - now) <= years * YEAR_MS + DAY_MS) return
  const day = (t: number) => new Date(t).toISOString().slice(0, 10)
  throw new ValidationError(
    field,
    'date_out_of_range',
    `${field} must be within ${years} years of today (${day(now - years * YEAR_MS)} to ` +
      `${day(now + years * YEAR_MS)}); ${value} is not`,
    { years },
  )
}
