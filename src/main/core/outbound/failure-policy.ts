// What the worker does with a failed attempt (DESIGN.md §2). Cal.com's client already sorts every
// failure into a kind; this adds what only the outbox knows: whether the attempt may have reached
// Cal.com (so the next one must look before it sends) and when to try again.
import { refusalReason, type OutboxReason } from '../../../shared/api/outbox-reasons'
import type { CalcomError } from '../calcom/calcom-errors'
import { backoffDelay, type BackoffPolicy } from './backoff'

export type FailureDecision =
  | { action: 'retry'; nextAttemptAt: number; outcomeUnknown: boolean; reason: OutboxReason }
  | { action: 'needs_attention'; reason: OutboxReason; outcomeUnknown: boolean }
  | { action: 'pause'; reason: OutboxReason }

/**
 * Whether Cal.com may have acted on a write we did not hear back from: a timeout or a dropped
 * connection after sending, a 5xx (the server may fail after committing), or an answer we could
 * not read. A 429 and the rate governor's own refusal mean it was not acted on.
 */
export function outcomeMayBeUnknown(error: CalcomError): boolean {
  return (
    error.code === 'TIMEOUT' ||
    error.code === 'NETWORK' ||
    error.code === 'SERVER_ERROR' ||
    error.code === 'UNEXPECTED_RESPONSE'
  )
}

export function decideOnFailure(
  error: CalcomError,
  attempts: number,
  now: number,
  policy: BackoffPolicy,
  random?: () => number,
): FailureDecision {
  const params = {
    message: error.message,
    ...(error.status !== undefined ? { status: error.status } : {}),
  }
  if (error.kind === 'auth') return { action: 'pause', reason: { code: 'calcom_auth', params } }
  if (error.kind === 'permanent') {
    return {
      action: 'needs_attention',
      reason: refusalReason(error.message, error.status),
      outcomeUnknown: outcomeMayBeUnknown(error),
    }
  }
  const reason: OutboxReason = { code: 'calcom_unavailable', params }
  const delay = backoffDelay(attempts, policy, random)
  // Cal.com says when its rate window reopens; never come back before that.
  const nextAttemptAt = Math.max(now + delay, error.details.retryAt ?? 0)
  return { action: 'retry', nextAttemptAt, outcomeUnknown: outcomeMayBeUnknown(error), reason }
}
