// A calendar day in the branch's time zone as a UTC range. Luxon does the zone math, so DST days
// come out 23 or 25 hours long instead of a naive 24.
import { DateTime } from 'luxon'

export interface DayRange {
  date: string
  timeZone: string
  startsAt: number
  endsAt: number
}

export class InvalidDayError extends Error {}

const DAY = /^\d{4}-\d{2}-\d{2}$/

export function branchDay(date: string, timeZone: string): DayRange {
  const start = DAY.test(date) ? DateTime.fromISO(date, { zone: timeZone }) : undefined
  if (!start?.isValid) {
    throw new InvalidDayError(`must be a calendar day (YYYY-MM-DD); "${date}" is not one`)
  }
  // A date-only ISO string is read as the first instant of that day in the zone. The day ends
  // where the next calendar day begins, found the same way rather than by adding a day to the
  // start: where DST begins at midnight (America/Santiago) a day begins at 01:00, and adding a
  // day to that would end it at 01:00 on the next day, an hour into that day.
  const next = DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 1 }).toISODate()!
  return {
    date,
    timeZone,
    startsAt: start.toMillis(),
    endsAt: DateTime.fromISO(next, { zone: timeZone }).toMillis(),
  }
}

/** The branch-zone calendar day an instant falls on. */
export function dayOf(epochMs: number, timeZone: string): string {
  return DateTime.fromMillis(epochMs, { zone: timeZone }).toISODate()!
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid
}
