// The one place errors become answers: `{error:{code,message,field?,uid?,params?}}`, never a
// stack trace, and the one place a desk error code gets its HTTP status.
import type { FastifyError, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { DeskErrorCode } from '../../../../shared/api/error-codes'
import { DeskError } from '../../errors/desk-error'
import { ValidationError } from '../../errors/validation-error'
import { describeValidation } from '../validation-messages'

/** Each desk error code's HTTP status; a code without one fails typecheck. */
const STATUS_OF: Record<DeskErrorCode, number> = {
  VALIDATION: 400,
  UNKNOWN_DESK_USER: 400,
  INVALID_API_KEY: 400,
  OAUTH_NOT_CONFIGURED: 400,
  JOIN_CODE_INVALID: 400,
  SIGN_IN_REQUIRED: 401,
  PIN_WRONG: 401,
  FORBIDDEN: 403,
  PIN_REFUSED: 403,
  NOT_FOUND: 404,
  NOT_ALLOWED: 409,
  NOT_CONNECTED: 409,
  STAFF_UNAVAILABLE: 409,
  SLOT_UNAVAILABLE: 409,
  STAFF_NOT_BOOKABLE: 409,
  DUPLICATE_BOOKING: 409,
  OAUTH_PORT_BUSY: 409,
  NOT_ENROLLED: 409,
  BUSINESS_EXISTS: 409,
  RELAY_REFUSED: 409,
  RULES_CHANGED: 409,
  PROPOSAL_SUPERSEDED: 409,
  PROPOSAL_DECIDED: 409,
  BRANCH_EXISTS: 409,
  PIN_LOCKED: 423,
  IDEMPOTENCY_KEY_REUSED: 422,
  // nginx's "client closed request": nobody reads it, but the log says what happened.
  CLIENT_LEFT: 499,
  CALCOM_REFUSED: 502,
  RELAY_NOT_UNDERSTOOD: 502,
  SLOTS_UNAVAILABLE: 503,
  CALCOM_UNAVAILABLE: 503,
  CREDENTIAL_STORE_UNAVAILABLE: 503,
  RELAY_UNAVAILABLE: 503,
  BRANCH_UNAVAILABLE: 503,
}

/** Every VALIDATION refusal carries a reason; one without (there should be none) is `invalid`. */
const reasonOf = (error: DeskError) => (error instanceof ValidationError ? error.reason : 'invalid')

export default fp(async function errorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | DeskError, request, reply) => {
    if (error instanceof DeskError) {
      // Nobody else logs it: the relay's answer (not this request) was at fault.
      if (error.code === 'RELAY_NOT_UNDERSTOOD')
        request.log.warn({ code: error.code, params: error.params }, error.message)
      return reply.code(STATUS_OF[error.code]).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.field ? { field: error.field } : {}),
          ...(error.code === 'VALIDATION' ? { reason: reasonOf(error) } : {}),
          ...(error.uid ? { uid: error.uid } : {}),
          ...(error.params && Object.keys(error.params).length ? { params: error.params } : {}),
        },
      })
    }
    if (error.validation) {
      const { field, reason, params, message } = describeValidation(
        error.validation[0],
        error.validationContext,
      )
      return reply.code(400).send({
        error: { code: 'VALIDATION', message, field, reason, ...(params ? { params } : {}) },
      })
    }
    const status = error.statusCode ?? 500
    if (status < 500) {
      // The body could not be read (not JSON, too large, an unknown content type): say so.
      const aboutBody = error.code?.startsWith('FST_ERR_CTP_')
      return reply.code(status).send({
        error: {
          code: error.code ?? 'BAD_REQUEST',
          message: error.message,
          ...(aboutBody ? { field: 'body' } : {}),
        },
      })
    }
    request.log.error({ err: error }, 'request failed')
    return reply.code(500).send({
      error: { code: 'INTERNAL', message: 'Something went wrong in the desk; it was logged.' },
    })
  })

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
      },
    })
  })
})
