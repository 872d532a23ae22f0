// Which marks a card carries, in the order they are read; each has words and an icon, so no
// state is told by colour alone.
import type { Appointment } from '../../../../shared/api/schemas'
import type { MessageId } from '../../app/i18n/messages'

export interface CardMark {
  kind: 'status' | 'visit' | 'walk-in' | 'paid' | 'sync'
  /** Modifier for styling and tests: the status, visit or sync state. */
  value: string
  icon: string
  words: MessageId
}

const STATUS_ICONS: Record<Appointment['status'], string> = {
  SCHEDULED: '○',
  PENDING: '?',
  RESCHEDULED: '↷',
  CANCELLED: '✕',
  REJECTED: '✕',
  NO_SHOW: '⊘',
  COMPLETED: '✓',
}

const VISIT_ICONS = { ARRIVED: '➜', IN_SERVICE: '✂', DONE: '✓' } as const

export function cardMarks(a: Appointment): CardMark[] {
  const marks: CardMark[] = []
  // "Scheduled" is the ordinary case; saying it on every card is noise.
  if (a.status !== 'SCHEDULED') {
    marks.push({
      kind: 'status',
      value: a.status,
      icon: STATUS_ICONS[a.status],
      words: `status.${a.status}`,
    })
  }
  if (a.visitState !== 'NONE') {
    marks.push({
      kind: 'visit',
      value: a.visitState,
      icon: VISIT_ICONS[a.visitState],
      words: `visit.${a.visitState}`,
    })
  }
  if (a.walkIn) marks.push({ kind: 'walk-in', value: 'walk-in', icon: '⚑', words: 'mark.walkIn' })
  if (a.paid) marks.push({ kind: 'paid', value: 'paid', icon: '¤', words: 'mark.paid' })
  if (a.syncState === 'pending') {
    marks.push({ kind: 'sync', value: 'pending', icon: '⟳', words: 'mark.pendingSync' })
  } else if (a.syncState === 'needs_attention') {
    marks.push({ kind: 'sync', value: 'needs_attention', icon: '⚠', words: 'mark.needsAttention' })
  }
  return marks
}

/** Appointments that no longer take place: shown struck through. */
export function isStruckThrough(status: Appointment['status']): boolean {
  return status === 'CANCELLED' || status === 'REJECTED' || status === 'RESCHEDULED'
}
