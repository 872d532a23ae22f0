// A history entry's code and params, turned into catalog words. One entry may say several things
// (Cal.com moved a booking and marked it paid), so it becomes one or more parts.
import type {
  HistoryChange,
  HistoryCode,
  HistoryParams,
} from '../../../../shared/api/history-codes'
import type { MessageId } from '../../app/i18n/messages'

export interface HistoryWords {
  id: MessageId
  values?: Record<string, string>
}

/** Codes whose words take no params. */
const PLAIN: Partial<Record<HistoryCode, MessageId>> = {
  created: 'history.created',
  updated: 'history.updated',
  desk_notes_changed: 'history.deskNotes',
  rescheduled_at_desk: 'history.rescheduledAtDesk',
  cancelled_at_desk: 'history.cancelledAtDesk',
  confirmed_at_desk: 'history.confirmedAtDesk',
  declined_at_desk: 'history.declinedAtDesk',
  no_show_marked_at_desk: 'history.noShowAtDesk',
  no_show_unmarked_at_desk: 'history.unNoShowAtDesk',
  needs_attention: 'history.needsAttention',
  guest_no_show_updated: 'history.guestNoShow',
  booked_in_calcom: 'history.bookedInCalcom',
  found_in_calcom: 'history.foundInCalcom',
  rescheduled_in_calcom: 'history.rescheduledInCalcom',
  rescheduled_here_from: 'history.rescheduledHereFrom',
  synced_in_calcom: 'history.syncedInCalcom',
  retry_asked_at_desk: 'history.retryAsked',
  booking_discarded_at_desk: 'history.bookingDiscarded',
  change_discarded_at_desk: 'history.changeDiscarded',
  another_time_at_desk: 'history.anotherTime',
}

const VISIT: Record<string, MessageId> = {
  NONE: 'history.visit.none',
  ARRIVED: 'history.visit.arrived',
  IN_SERVICE: 'history.visit.in_service',
  DONE: 'history.visit.done',
}

/** An entry as the API sends it: the code's params are checked by the code, here. */
export function historyWords(sent: { code: HistoryCode; params: unknown }): HistoryWords[] {
  const entry = sent as HistoryChange
  switch (entry.code) {
    case 'booked_at_desk':
      return [
        { id: 'history.bookedAtDesk', values: { walkIn: entry.params.walkIn ? 'yes' : 'no' } },
      ]
    case 'visit_changed': {
      const id = VISIT[entry.params.state]
      return [id ? { id } : { id: 'history.other', values: { text: entry.params.state } }]
    }
    case 'cancelled_at_desk':
      return entry.params.late
        ? [
            {
              id: 'history.cancelledLateAtDesk',
              values: { hours: String(entry.params.windowHours ?? '') },
            },
          ]
        : [{ id: 'history.cancelledAtDesk' }]
    case 'calcom_changed':
      return calcomChangeWords(entry.params)
    case 'unrecognised':
      return [{ id: 'history.other', values: { text: entry.params.text } }]
    default: {
      const id = PLAIN[entry.code]
      return [id ? { id } : { id: 'history.other', values: { text: entry.code } }]
    }
  }
}

function calcomChangeWords(p: HistoryParams['calcom_changed']): HistoryWords[] {
  const parts: HistoryWords[] = []
  if (p.statusTo) parts.push({ id: 'history.statusChanged', values: { to: p.statusTo } })
  if (p.late)
    parts.push({ id: 'history.lateCancellation', values: { hours: String(p.windowHours ?? '') } })
  if (p.moved) parts.push({ id: 'history.moved' })
  if (p.paid) parts.push({ id: 'history.paid' })
  if (p.rescheduledTo) parts.push({ id: 'history.rescheduledTo' })
  if (p.fields?.length) parts.push({ id: 'history.detailsUpdated' })
  return parts.length ? parts : [{ id: 'history.updated' }]
}
