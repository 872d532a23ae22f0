// Where things sit on the day grid, as pure functions: minutes of the branch-zone day, the window
// of hours the grid covers, and side-by-side lanes for appointments that overlap.

import { minuteOfDay } from '../../ui/time/wall-clock'

export { minuteOfDay }

export interface Span {
  startMinute: number
  /** Exclusive; an appointment ending after midnight ends at 1440 on this day's grid. */
  endMinute: number
}

/** The appointment's span on its day's grid (a day view's appointments start on that day). */
export function spanOf(
  appointment: { start: string; end: string },
  day: { startsAt: string; endsAt: string },
  timeZone: string,
): Span {
  const startMinute =
    Date.parse(appointment.start) <= Date.parse(day.startsAt)
      ? 0
      : minuteOfDay(appointment.start, timeZone)
  const endsNextDay = Date.parse(appointment.end) >= Date.parse(day.endsAt)
  const endMinute = endsNextDay ? 1440 : minuteOfDay(appointment.end, timeZone)
  return { startMinute, endMinute: Math.max(endMinute, startMinute + 1) }
}

/** "10:30" for minutes after midnight, on the 24-hour clock the grid's axis reads. */
export function wallClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
}

const DEFAULT_WINDOW: Span = { startMinute: 9 * 60, endMinute: 18 * 60 }

/**
 * The hours the grid shows: the opening hours, widened to whole hours and to any appointment
 * outside them (nothing is ever off the grid); without opening hours, 09:00–18:00 widened the same.
 */
export function gridWindow(
  hours: { opensAtMinute: number | null; closesAtMinute: number | null } | undefined,
  spans: Span[],
): Span {
  const open =
    hours && hours.opensAtMinute !== null && hours.closesAtMinute !== null
      ? { startMinute: hours.opensAtMinute, endMinute: hours.closesAtMinute }
      : DEFAULT_WINDOW
  let start = open.startMinute
  let end = open.endMinute
  for (const span of spans) {
    start = Math.min(start, span.startMinute)
    end = Math.max(end, span.endMinute)
  }
  return {
    startMinute: Math.floor(start / 60) * 60,
    endMinute: Math.min(1440, Math.max(Math.ceil(end / 60) * 60, Math.floor(start / 60) * 60 + 60)),
  }
}

export interface Placed<T> {
  item: T
  /** 0-based lane within its group of overlapping appointments. */
  lane: number
  /** How many lanes that group needs: the card is 1/lanes wide. */
  lanes: number
}

/**
 * Lays a column's appointments out side by side where they overlap: each takes the first lane
 * free at its start, and every appointment of a group that overlaps (directly or through others)
 * shares the group's lane count, so cards in a group are equally wide.
 */
export function placeInLanes<T>(items: T[], spanOfItem: (item: T) => Span): Placed<T>[] {
  const sorted = items
    .map((item) => ({ item, span: spanOfItem(item) }))
    .sort((a, b) => a.span.startMinute - b.span.startMinute || b.span.endMinute - a.span.endMinute)
  const placed: Placed<T>[] = []
  let group: Placed<T>[] = []
  let laneEnds: number[] = []
  let groupEnd = -1
  const closeGroup = () => {
    for (const p of group) p.lanes = laneEnds.length
    group = []
    laneEnds = []
  }
  for (const { item, span } of sorted) {
    if (span.startMinute >= groupEnd) closeGroup()
    let lane = laneEnds.findIndex((end) => end <= span.startMinute)
    if (lane === -1) {
      lane = laneEnds.length
      laneEnds.push(span.endMinute)
    } else laneEnds[lane] = span.endMinute
    const p = { item, lane, lanes: 1 }
    group.push(p)
    placed.push(p)
    groupEnd = Math.max(groupEnd, span.endMinute)
  }
  closeGroup()
  return placed
}
