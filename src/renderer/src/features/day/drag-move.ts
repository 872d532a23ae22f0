// Moving a card up or down its staff column with the mouse: where it lands. The drop only
// proposes a time; the reschedule dialog then checks it against the staff member's free times
// in Cal.com and the receptionist confirms, so a slip of the hand never moves a booking.
import { MINUTE_PX } from './day-layout'
import type { Span } from './grid-layout'

/** Drops land on the grid's quarter hours, the times bookings are usually offered at. */
export const DROP_STEP_MINUTES = 15
/** Pointer travel before a press becomes a drag: a click with a shaky hand still opens the card. */
export const DRAG_THRESHOLD_PX = 6

/**
 * The wall-clock minute a card starting at `span.startMinute` lands on when dragged `dy` pixels
 * (down is positive): on a quarter hour, and whole inside the grid's window of hours.
 */
export function droppedMinute(span: Span, dy: number, window: Span): number {
  const length = span.endMinute - span.startMinute
  const wanted = span.startMinute + dy / MINUTE_PX
  const snapped = Math.round(wanted / DROP_STEP_MINUTES) * DROP_STEP_MINUTES
  const latest = Math.max(window.startMinute, window.endMinute - length)
  const earliest = Math.ceil(window.startMinute / DROP_STEP_MINUTES) * DROP_STEP_MINUTES
  return Math.min(Math.max(snapped, earliest), latest)
}
