// The history's `change` text, as the desk core writes it today, turned into catalog words. A
// change this table does not know is shown as written, so nothing is hidden from the reader.
import type { MessageId } from '../../app/i18n/messages'

export interface HistoryWords {
  id: MessageId
  values?: Record<string, string>
}

const KNOWN: Record<string, MessageId> = {
  created: 'history.created',
  updated: 'history.updated',
  'visit arrived': 'history.visit.arrived',
  'visit in_service': 'history.visit.in_service',
  'visit done': 'history.visit.done',
  'visit none': 'history.visit.none',
  'desk notes changed': 'history.deskNotes',
  'rescheduled at the desk': 'history.rescheduledAtDesk',
  'cancelled at the desk': 'history.cancelledAtDesk',
  'confirmed at the desk': 'history.confirmedAtDesk',
  'declined at the desk': 'history.declinedAtDesk',
  'marked as a no-show at the desk': 'history.noShowAtDesk',
  'unmarked as a no-show at the desk': 'history.unNoShowAtDesk',
  'needs attention': 'history.needsAttention',
  moved: 'history.moved',
  paid: 'history.paid',
}

export function historyWords(change: string): HistoryWords {
  const id = KNOWN[change]
  return id ? { id } : { id: 'history.other', values: { text: change } }
}
