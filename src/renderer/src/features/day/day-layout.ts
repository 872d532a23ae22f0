// The grid's geometry for one day, computed once per day answer and opening hours (DayGrid
// memoises it): the staff columns, the window of hours, and each card's place as plain numbers,
// so a card whose appointment did not change gets equal props and is not rendered again.
import type { Appointment, DayView } from '../../../../shared/api/schemas'
import type { OpeningHours } from '../../../../shared/api/opening-hours'
import { gridWindow, placeInLanes, spanOf, type Span } from './grid-layout'
import { groupIntoColumns, type ColumnWords, type StaffColumn } from './staff-columns'

/** Pixels per minute: a 30-minute appointment is 48 px, room for two lines and its marks. */
export const MINUTE_PX = 1.6
/** Shorter cards show one line; the rest is in the accessible name and the drawer. */
const COMPACT_BELOW_MINUTES = 25
/** A 5-minute card would be a sliver nobody can read or click. */
const SHORTEST_CARD_PX = 22

export interface CardPlace {
  appointment: Appointment
  /** Its wall-clock minutes on the day, from which `top` and `height` are drawn. */
  span: Span
  /** Pixels below the top of the window. */
  top: number
  height: number
  /** 0-based lane of `lanes` side by side. */
  lane: number
  lanes: number
  compact: boolean
}

export interface ColumnLayout extends Omit<StaffColumn, 'appointments'> {
  cards: CardPlace[]
}

export interface DayLayout {
  window: Span
  /** The columns' height in pixels. */
  height: number
  /** Each whole hour of the window, in minutes after midnight. */
  hourMarks: number[]
  columns: ColumnLayout[]
}

export function layOutDay(
  day: DayView,
  hours: Pick<OpeningHours, 'opensAtMinute' | 'closesAtMinute'> | undefined,
  words: ColumnWords,
): DayLayout {
  const spans = new Map(day.appointments.map((a) => [a.uid, spanOf(a, day, day.timeZone)]))
  const window = gridWindow(hours, [...spans.values()])
  const hourMarks: number[] = []
  for (let m = window.startMinute; m < window.endMinute; m += 60) hourMarks.push(m)
  const columns = groupIntoColumns(day, words).map(({ appointments, ...column }) => ({
    ...column,
    cards: placeInLanes(appointments, (a) => spans.get(a.uid)!).map(({ item, lane, lanes }) => {
      const span = spans.get(item.uid)!
      const minutes = span.endMinute - span.startMinute
      return {
        appointment: item,
        span,
        top: (span.startMinute - window.startMinute) * MINUTE_PX,
        height: Math.max(minutes * MINUTE_PX, SHORTEST_CARD_PX),
        lane,
        lanes,
        compact: minutes < COMPACT_BELOW_MINUTES,
      }
    }),
  }))
  return {
    window,
    height: (window.endMinute - window.startMinute) * MINUTE_PX,
    hourMarks,
    columns,
  }
}
