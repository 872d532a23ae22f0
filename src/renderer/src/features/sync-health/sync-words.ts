// Codes from the sync engine into catalog words: Cal.com's triggers, why a reconcile ran, and
// the problem behind a recent error with what to do about it.
import type { MessageDescriptor } from 'react-intl'
import { syncProblemOf } from '../../../../shared/api/sync-problems'
import { DESK_EVENT_TRIGGER } from '../../../../shared/relay/desk-events'
import type { MessageId } from '../../app/i18n/messages'

type Words = { id: MessageId; values?: Record<string, string | number> }

const TRIGGERS: Record<string, MessageId> = {
  BOOKING_CREATED: 'syncHealth.trigger.BOOKING_CREATED',
  BOOKING_RESCHEDULED: 'syncHealth.trigger.BOOKING_RESCHEDULED',
  BOOKING_CANCELLED: 'syncHealth.trigger.BOOKING_CANCELLED',
  BOOKING_REQUESTED: 'syncHealth.trigger.BOOKING_REQUESTED',
  BOOKING_REJECTED: 'syncHealth.trigger.BOOKING_REJECTED',
  BOOKING_PAID: 'syncHealth.trigger.BOOKING_PAID',
  BOOKING_NO_SHOW_UPDATED: 'syncHealth.trigger.BOOKING_NO_SHOW_UPDATED',
  MEETING_ENDED: 'syncHealth.trigger.MEETING_ENDED',
  FRONTDESK_BUSINESS_CHANGED: 'syncHealth.trigger.FRONTDESK_BUSINESS_CHANGED',
  // Not Cal.com's: a desk of the branch (this one too) shared a visit, note or walk-in flag.
  // The log carries it like a webhook, so the screen names it rather than showing the code.
  [DESK_EVENT_TRIGGER]: 'syncHealth.trigger.FRONTDESK_DESK_EVENT',
}

const RECONCILE_TRIGGERS: Record<string, MessageId> = {
  start: 'syncHealth.reconcileTrigger.start',
  connect: 'syncHealth.reconcileTrigger.connect',
  enrolled: 'syncHealth.reconcileTrigger.enrolled',
  interval: 'syncHealth.reconcileTrigger.interval',
  demand: 'syncHealth.reconcileTrigger.demand',
  resync: 'syncHealth.reconcileTrigger.resync',
}

/** A Cal.com trigger (BOOKING_CREATED…) in words; one the desk has no words for names itself. */
export function triggerWords(trigger: string | null): Words {
  const id = trigger ? TRIGGERS[trigger] : undefined
  return id ? { id } : { id: 'syncHealth.trigger.other', values: { trigger: trigger ?? '?' } }
}

export function reconcileTriggerWords(trigger: string | null): Words {
  const id = trigger ? RECONCILE_TRIGGERS[trigger] : undefined
  return id
    ? { id }
    : { id: 'syncHealth.reconcileTrigger.other', values: { trigger: trigger ?? '?' } }
}

/** What went wrong and what to do, for a recent error of GET /api/sync. */
export function problemWords(
  source: string,
  code: string,
): { what: MessageDescriptor & { id: MessageId }; todo: MessageDescriptor & { id: MessageId } } {
  const problem = syncProblemOf(source, code)
  return {
    what: { id: `syncHealth.problem.${problem}` },
    todo: { id: `syncHealth.problem.${problem}.todo` },
  }
}
