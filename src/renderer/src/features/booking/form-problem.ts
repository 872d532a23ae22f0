// What the new booking form says when Book cannot go ahead. A walk-in has no time to choose: it
// takes the next free one, so "Choose a free time" there would send the receptionist looking for
// a picker that is not on the screen; it says what can be done instead.
import type { MessageId } from '../../app/i18n/messages'

export type FormProblem = 'name' | 'slot'

export function formProblemWords(problem: FormProblem, kind: 'walk-in' | 'phone'): MessageId {
  if (problem === 'name') return 'booking.needName'
  return kind === 'walk-in' ? 'booking.noWalkInTime' : 'booking.pickSlot'
}
