// What the desk says once a booking is made. The dialog closes and the day it is on opens, but
// the new card can sit below the fold (a walk-in at 15:00 seen at 10:40): without a line saying
// who was booked at what time, Book looks as if it did nothing.
import type { ActionResult } from '../../../../shared/api/schemas'
import type { MessageId } from '../../app/i18n/messages'
import { formatTime } from './format-time'

export function bookedWords(
  result: Pick<ActionResult, 'appointment'>,
  timeZone: string,
  locale: string,
): { id: MessageId; values: { name: string; time: string } } {
  const { attendee, start } = result.appointment
  return {
    id: 'booking.booked',
    values: { name: attendee.name, time: formatTime(start, timeZone, locale) },
  }
}
