// The walk-in's next free time, and how far off it is when that is not soon: "Next free time:
// 16:30" read at 11:10 sounds like now, so a time more than a few minutes away says how long the
// client would wait ("16:30 (in 5 h 20 min)"). Counted on the desk clock the dialog uses, from
// its minute to the slot's, as the receptionist would count on the clock on the wall.
import type { MessageId } from '../../app/i18n/messages'
import { formatTime } from './format-time'

/** A wait this short reads as "now": the time alone says it. */
export const SOON_MINUTES = 15

const MINUTE_MS = 60_000

/** Whole minutes from the minute `now` is in to the slot's. */
export function minutesUntil(slot: string, now: Date): number {
  return Math.floor(Date.parse(slot) / MINUTE_MS) - Math.floor(now.getTime() / MINUTE_MS)
}

export function nextFreeWords(
  slot: string,
  now: Date,
  timeZone: string,
  locale: string,
):
  | { id: MessageId; values: { time: string } }
  | { id: MessageId; values: { time: string; hours: number; minutes: number } } {
  const time = formatTime(slot, timeZone, locale)
  const wait = minutesUntil(slot, now)
  if (wait <= SOON_MINUTES) return { id: 'booking.nextFree', values: { time } }
  return {
    id: 'booking.nextFreeIn',
    values: { time, hours: Math.floor(wait / 60), minutes: wait % 60 },
  }
}
