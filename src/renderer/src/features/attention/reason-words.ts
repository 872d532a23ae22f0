// Cal.com's refusals in a receptionist's words. The outbox stores a reason code, with Cal.com's
// own sentence (English, written for developers) as a param; known codes are told from the
// catalogs, and any other refusal is shown as Cal.com put it, after words saying who said it.
import type { OutboxReason, OutboxReasonCode } from '../../../../shared/api/outbox-reasons'
import type { MessageId } from '../../app/i18n/messages'

export interface Words {
  id: MessageId
  values?: Record<string, string>
}

const BY_CODE: Record<OutboxReasonCode, MessageId> = {
  slot_taken: 'attention.reason.slotTaken',
  in_past: 'attention.reason.past',
  already_cancelled: 'attention.reason.alreadyCancelled',
  not_pending: 'attention.reason.notPending',
  not_found: 'attention.reason.notFound',
  forbidden: 'attention.reason.forbidden',
  calcom_refused: 'attention.reason.other',
  calcom_unavailable: 'attention.reason.unavailable',
  calcom_auth: 'attention.reason.auth',
  interrupted: 'attention.reason.interrupted',
  unrecognised: 'attention.reason.other',
}

export function reasonWords(reason: OutboxReason | null): Words {
  const id = reason && BY_CODE[reason.code]
  if (!id) return { id: 'attention.reason.unknown' }
  if (id !== 'attention.reason.other') return { id }
  const message = reason.params.message?.trim()
  return message ? { id, values: { message } } : { id: 'attention.reason.unknown' }
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
