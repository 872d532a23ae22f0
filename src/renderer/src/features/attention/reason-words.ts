// Cal.com's refusals in a receptionist's words. The outbox keeps Cal.com's own sentence (English,
// written for developers); the known ones are recognised here and told from the catalogs, and
// any other is shown as Cal.com put it, after words saying who said it.
import type { MessageId } from '../../app/i18n/messages'

export interface Words {
  id: MessageId
  values?: Record<string, string>
}

const KNOWN: Array<[RegExp, MessageId]> = [
  [
    /already has booking|is not available|no available users|slot.*(taken|unavailable)/i,
    'attention.reason.slotTaken',
  ],
  [/in the past/i, 'attention.reason.past'],
  [/already been cancelled|already cancelled/i, 'attention.reason.alreadyCancelled'],
  [/is not pending/i, 'attention.reason.notPending'],
  [/not found|does not exist/i, 'attention.reason.notFound'],
  [/forbidden|not allowed|permission/i, 'attention.reason.forbidden'],
]

export function reasonWords(lastError: string | null): Words {
  if (!lastError || !lastError.trim()) return { id: 'attention.reason.unknown' }
  for (const [pattern, id] of KNOWN) if (pattern.test(lastError)) return { id }
  return { id: 'attention.reason.other', values: { message: lastError.trim() } }
}

const OPS: Record<string, MessageId> = {
  create: 'attention.op.create',
  reschedule: 'attention.op.reschedule',
  cancel: 'attention.op.cancel',
  confirm: 'attention.op.confirm',
  decline: 'attention.op.decline',
  mark_absent: 'attention.op.markAbsent',
}

/** What change was refused: "New booking", "Cancellation", … */
export function opWords(op: string): Words {
  const id = OPS[op]
  return id ? { id } : { id: 'attention.op.other', values: { op } }
}
