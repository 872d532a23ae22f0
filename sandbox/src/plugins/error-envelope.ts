import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { CalApiError } from '../domain/errors.js'

/** Cal.com's HttpExceptionFilter body (REFERENCE.md §1). */
export function sendCalError(request: FastifyRequest, reply: FastifyReply, err: CalApiError) {
  return reply
    .code(err.statusCode)
    .header('x-request-id', 'unknown-request-id')
    .send({
      status: 'error',
      timestamp: new Date().toISOString(),
      path: request.url,
      error: {
        code: err.code,
        message: err.message,
        ...(err.details !== undefined ? { details: err.details } : {}),
      },
    })
}

function fromFastify(err: FastifyError): CalApiError {
  if (err.validation) {
    const errors = err.validation.map((v) => {
      const property =
        (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') ||
        String(
          (v.params as { missingProperty?: string }).missingProperty ?? err.validationContext ?? '',
        )
      return {
        property,
        message: `${property || err.validationContext} ${v.message ?? 'is invalid'}`.trim(),
      }
    })
    return new CalApiError(400, 'BadRequestException', errors.map((e) => e.message).join('; '), {
      errors,
    })
  }
  if (err.statusCode === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new CalApiError(400, 'BadRequestException', `Unsupported content type`)
  }
  if (err.statusCode && err.statusCode < 500) {
    return new CalApiError(err.statusCode, 'BadRequestException', err.message)
  }
  return new CalApiError(500, 'InternalServerErrorException', 'Internal server error')
}

/** One error handler for the whole sandbox: every error leaves in Cal.com's envelope. */
export default fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError, request, reply) => {
      const calError = err instanceof CalApiError ? err : fromFastify(err)
      if (calError.statusCode >= 500) request.log.error({ err }, 'request failed')
      return sendCalError(request, reply, calError)
    })
    app.setNotFoundHandler((request, reply) =>
      sendCalError(
        request,
        reply,
        new CalApiError(
          404,
          'NotFoundException',
          `Cannot ${request.method} ${request.url.split('?')[0]}`,
        ),
      ),
    )
  },
  { name: 'error-envelope' },
)
