import { RelayErrorBodySchema } from '../../src/shared/relay/log-answers.js'
import type { RelayErrorCode } from '../../src/shared/relay/relay-contract.js'

/** An error the client is meant to see: status, stable code, human message. */
export class RelayHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: RelayErrorCode,
    message: string,
    /** More fields of the answer's body (`field`, `resumeAfter`). */
    readonly extra: Record<string, unknown> = {},
    /** Headers of the answer (`retry-after`). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'RelayHttpError'
  }
}

/** A 400 that names the field at fault (`body/deviceName`, `querystring/after`). */
export const invalidField = (field: string, problem: string): RelayHttpError =>
  new RelayHttpError(400, 'VALIDATION_FAILED', `${field} ${problem}`, { field })

/**
 * The one error handler's answer (plugins/error-handler.ts) as every route declares it for its
 * 4xx and 5xx: `{code, message, field?, resumeAfter?}`, the body the desk reads a refusal as.
 */
export const errorAnswers = { '4xx': RelayErrorBodySchema, '5xx': RelayErrorBodySchema } as const
