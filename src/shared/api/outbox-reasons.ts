// Why an outbox row is waiting or needs attention, stored as a code the renderer words in any
// language. Cal.com's own sentence (English, written for developers) travels along as `message`.

export const OUTBOX_REASON_CODES = [
  'slot_taken',
  'in_past',
  'already_cancelled',
  'not_pending',
  'not_found',
  'forbidden',
  /** Cal.com refused for a reason not recognised above; its message says which. */
  'calcom_refused',
  /** Cal.com could not be reached or answered with a fault; the row is retried. */
  'calcom_unavailable',
  /** The branch's Cal.com credential stopped working. */
  'calcom_auth',
  /** The desk stopped while the row was being sent. */
  'interrupted',
  /** A reason stored before reasons were codes, kept as it was written. */
  'unrecognised',
] as const
export type OutboxReasonCode = (typeof OUTBOX_REASON_CODES)[number]

export interface OutboxReason {
  code: OutboxReasonCode
  params: { message?: string; status?: number }
}

// Cal.com's refusal sentences the desk recognises. The migration 0004 mirrors these as LIKE
// patterns for rows written before reasons were codes.
const REFUSALS: Array<[RegExp, OutboxReasonCode]> = [
  [
    /already has booking|is not available|no available users|slot.*(taken|unavailable)/i,
    'slot_taken',
  ],
  [/in the past/i, 'in_past'],
  [/already been cancelled|already cancelled/i, 'already_cancelled'],
  [/is not pending/i, 'not_pending'],
  [/not found|does not exist/i, 'not_found'],
  [/forbidden|not allowed|permission/i, 'forbidden'],
]

/** Cal.com's refusal as a code, its message kept. */
export function refusalReason(message: string, status?: number): OutboxReason {
  const code = REFUSALS.find(([pattern]) => pattern.test(message))?.[1] ?? 'calcom_refused'
  return { code, params: { message, ...(status !== undefined ? { status } : {}) } }
}
