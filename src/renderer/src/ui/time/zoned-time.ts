// Times on the desk are always shown in the BRANCH's time zone (DESIGN.md §3), never the
// machine's: a desk PC set to the wrong zone must still show the right appointment times.
// The browser's Intl has full ICU data, so it does the zone math; no library needed here.

import { dateTimeFormat } from './date-time-format'
import { minuteOfDay } from './wall-clock'

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when `value` is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const match = DAY_PATTERN.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}

/** The calendar day (YYYY-MM-DD) that `instant` falls on in `timeZone`. */
export function calendarDateInZone(instant: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD; formatToParts keeps us independent of that detail anyway.
  const parts = dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value
  return `${part('year')}-${part('month')}-${part('day')}`
}

/** Today in the branch's zone: what "Today" means to the receptionist at that branch. */
export function todayInZone(timeZone: string, now: Date = new Date()): string {
  return calendarDateInZone(now, timeZone)
}

/** Calendar arithmetic on a YYYY-MM-DD day; independent of any zone or DST. */
export function addDays(date: string, days: number): string {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`)
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const shifted = new Date(Date.UTC(year, month - 1, day + days))
  return shifted.toISOString().slice(0, 10)
}

/** "Sunday, 29 March 2026" (in the reader's locale) for a calendar day. */
export function formatCalendarDate(date: string, locale?: string): string {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`)
  // A calendar day is not an instant: render UTC midnight of that day in UTC.
  return dateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`))
}

/** Same-day ranges read the same whatever the day, up to this length (DST days included). */
const SAME_DAY_LONGEST_MS = 20 * 3_600_000
// Intl's formatRange costs ten times a plain format (ICU builds an interval formatter each call;
// a 300-card day spent most of its first paint in it). Within one day its words depend only on
// the two wall-clock times, so those ranges are remembered by them.
const ranges = new Map<string, string>()
const RANGES_REMEMBERED = 5_000

/**
 * "09:00–09:30" for a UTC start and end, read in `timeZone`. Always the 24-hour clock: a day
 * board is scanned across columns at a glance, "2:15" without its AM/PM is ambiguous, and the
 * desk then reads the same on every machine whatever the OS locale. Separators follow the locale.
 */
export function formatTimeRange(
  startIso: string,
  endIso: string,
  timeZone: string,
  locale?: string,
): string {
  const format = () =>
    dateTimeFormat(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatRange(new Date(startIso), new Date(endIso))
  const length = Date.parse(endIso) - Date.parse(startIso)
  const from = minuteOfDay(startIso, timeZone)
  const to = minuteOfDay(endIso, timeZone)
  if (!(length >= 0 && length < SAME_DAY_LONGEST_MS && to >= from)) return format()
  const key = `${locale ?? ''} ${timeZone} ${from} ${to} ${length === 0}`
  let words = ranges.get(key)
  if (words === undefined) {
    if (ranges.size >= RANGES_REMEMBERED) ranges.clear()
    words = format()
    ranges.set(key, words)
  }
  return words
}
