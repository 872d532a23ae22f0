// The one place errors become answers: `{error:{code,message,field?}}`, never a stack trace.
import type { FastifyError, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { describeValidation } from '../validation-messages'

/** An error the API turns into a 4xx with its own code and words. */
export class ApiProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The existing booking the refusal is about. */
    readonly uid?: string,
  ) {
    super(message)
  }
}

export default fp(async function errorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | ApiProblem, request, reply) => {
    if (error instanceof ApiProblem) {
      return reply.code(error.statusCode).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.field ? { field: error.field } : {}),
          ...(error.uid ? { uid: error.uid } : {}),
        },
      })
    }
    if (error.validation) {
      const { field, message } = describeValidation(error.validation[0], error.validationContext)
      return reply.code(400).send({ error: { code: 'VALIDATION', message, field } })
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
