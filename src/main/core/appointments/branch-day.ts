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

export function branchDay(date: string, timeZone: string): DayRange {
  const start = DateTime.fromISO(date, { zone: timeZone })
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !start.isValid) {
    throw new InvalidDayError(`must be a calendar day (YYYY-MM-DD); "${date}" is not one`)
  }
  const day = start.startOf('day')
  return {
    date,
    timeZone,
    startsAt: day.toMillis(),
    endsAt: day.plus({ days: 1 }).toMillis(),
  }
}

/** The branch-zone calendar day an instant falls on. */
export function dayOf(epochMs: number, timeZone: string): string {
  return DateTime.fromMillis(epochMs, { zone: timeZone }).toISODate()!
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid
}
