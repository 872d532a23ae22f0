// Why no free times are shown, when the desk could not get them. The API's SLOTS_UNAVAILABLE says
// Cal.com cannot be asked and nothing is kept for that day; for a staff member Cal.com knows by
// username only the desk keeps their own times apart from the service's (slots-cache.ts), so
// offline "Anyone free" may have times while they have none. Said of "the desk" that is untrue,
// so the words name the person, and point to "Anyone free" when it does have times to offer.
import type { IntlShape } from 'react-intl'
import { ApiRequestError } from '../../app/api-client'
import { describeError } from '../../app/i18n/describe-error'

export interface SlotsProblemContext {
  /** The staff member chosen under "With"; null for "Anyone free". */
  member: { name: string } | null
  /** "Anyone free" has times to offer for the same service and day. */
  anyoneHasTimes: boolean
}

/** A slots read refused for want of a kept answer, for one chosen person. */
export function isMemberWithoutTimes(error: unknown, member: SlotsProblemContext['member']) {
  return member !== null && error instanceof ApiRequestError && error.code === 'SLOTS_UNAVAILABLE'
}

export function slotsProblemWords(
  intl: IntlShape,
  error: unknown,
  { member, anyoneHasTimes }: SlotsProblemContext,
): string {
  if (!member || !isMemberWithoutTimes(error, member)) return describeError(intl, error)
  return intl.formatMessage(
    {
      id: anyoneHasTimes
        ? 'booking.memberSlotsUnavailable.anyone'
        : 'booking.memberSlotsUnavailable',
    },
    { name: member.name },
  )
}
