import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { RelayError } from '../contract.js'
import { RelayHttpError } from '../errors.js'
import type { RejectReason } from './metrics.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Marks the webhook intake route: its refusals are counted and logged as deliveries. */
    intake?: boolean
  }
}

/** The one error handler: every failure leaves as `{code, message}` with the right status. */
export default fp(
  async (app) => {
    app.setErrorHandler(
      async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
        let status = 500
        let body: RelayError = { code: 'INTERNAL', message: 'Internal error.' }
        let reason: RejectReason | undefined
        if (error instanceof RelayHttpError) {
          status = error.statusCode
          body = { code: error.code, message: error.message, ...error.extra }
        } else if (error.validation) {
          status = 400
          body = {
            code: 'VALIDATION_FAILED',
            message: `${error.validationContext ?? 'request'} ${error.message}`,
          }
        } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
          status = 413
          body = {
            code: 'PAYLOAD_TOO_LARGE',
            message: 'The body is larger than RELAY_MAX_BODY_BYTES.',
          }
          reason = 'too_large'
        } else if (error.statusCode === 415) {
          status = 415
          body = { code: 'UNSUPPORTED_MEDIA_TYPE', message: error.message }
          reason = 'unsupported_media_type'
        } else if (error.statusCode === 429) {
          status = 429
          body = { code: 'RATE_LIMITED', message: error.message || 'Too many requests; slow down.' }
          reason = 'rate_limited'
        } else if (
          error.statusCode !== undefined &&
          error.statusCode >= 400 &&
          error.statusCode < 500
        ) {
          status = error.statusCode
          body = { code: 'INVALID_BODY', message: error.message }
        }
        if (status === 429) reason = 'rate_limited'
        if (status >= 500) request.log.error({ err: error }, 'request failed')
        if (request.routeOptions.config.intake && reason) {
          const channelId = (request.params as { channelId?: string } | undefined)?.channelId ?? ''
          app.metrics.rejected.inc({ reason })
          request.log.warn({ channelId, status, reason }, 'intake refused')
          app.deliveryLog.add({
            channelId,
            status,
            result: reason,
            bytes: Number(request.headers['content-length'] ?? 0),
            contentType: request.headers['content-type'] ?? null,
            seq: null,
          })
        }
        return reply.status(status).send(body)
      },
    )

    app.setNotFoundHandler(async (request, reply) =>
      reply.status(404).send({
        code: 'NOT_FOUND',
        message: `No route ${request.method} ${request.url.split('?')[0]}.`,
      }),
    )
  },
  { name: 'error-handler', dependencies: ['metrics', 'delivery-log'] },
)
