import type {
  FastifyError,
  FastifyReply,
  FastifyRequest,
  FastifySchemaValidationError,
} from 'fastify'
import fp from 'fastify-plugin'
import type { RelayError } from '../../../src/shared/relay/relay-contract.js'
import { RelayHttpError } from '../errors.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Marks the webhook intake route: its refusals are counted and logged as deliveries. */
    intake?: boolean
  }
}

/** The field a schema error is about (`body/calcom/apikey`), and what is wrong with it. */
function fieldProblem(
  e: FastifySchemaValidationError,
  context: string,
): { field: string; problem: string } {
  const at = `${context}${e.instancePath}`
  const params = e.params as { additionalProperty?: string; missingProperty?: string }
  if (e.keyword === 'additionalProperties' && params.additionalProperty !== undefined)
    return { field: `${at}/${params.additionalProperty}`, problem: 'is not a known field' }
  if (e.keyword === 'required' && params.missingProperty !== undefined)
    return { field: `${at}/${params.missingProperty}`, problem: 'is required' }
  return { field: at, problem: e.message ?? 'is not valid' }
}

/** The part of `root` a JSON pointer (`/change`, `#/properties/change/anyOf`) names. */
function pointed(root: unknown, pointer: string): unknown {
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (at, key) =>
        typeof at === 'object' && at !== null
          ? (at as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')]
          : undefined,
      root,
    )
}

/**
 * The complaint to answer with. Ajv tries each kind of a union (`anyOf` of objects told apart by
 * a `kind` constant) in turn and lists each one's complaint, first kind first: a note with a bad
 * id was answered "body/change/bookingUid is required", what a visit would need. When the body
 * names a kind of the union, the complaint about that kind is the one that says what is wrong.
 */
function complaint(
  errors: FastifySchemaValidationError[],
  request: FastifyRequest,
  context: string,
): FastifySchemaValidationError {
  const first = errors[0]!
  const union = errors.findLast((e) => e.keyword === 'anyOf') // the outermost: Ajv lists it last
  if (!union || context !== 'body') return first
  const kinds = pointed(request.routeOptions.schema?.body, union.schemaPath)
  const sent = pointed(pointed(request.body, union.instancePath), '/kind')
  if (!Array.isArray(kinds) || sent === undefined) return first
  const i = kinds.findIndex((k) => pointed(k, '/properties/kind/const') === sent)
  if (i < 0) return first
  return errors.find((e) => e.schemaPath.startsWith(`${union.schemaPath}/${i}/`)) ?? first
}

function errorAnswer(
  error: FastifyError,
  request: FastifyRequest,
): { status: number; body: RelayError } {
  if (error instanceof RelayHttpError)
    return {
      status: error.statusCode,
      body: { code: error.code, message: error.message, ...error.extra },
    }
  if (error.validation) {
    const context = error.validationContext ?? 'request'
    const { field, problem } = fieldProblem(complaint(error.validation, request, context), context)
    return {
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: `${field} ${problem}`, field },
    }
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
    const { bodyLimit, method, url } = request.routeOptions
    const message = request.routeOptions.config.intake
      ? 'The body is larger than RELAY_MAX_BODY_BYTES.'
      : `The body is larger than ${bodyLimit} bytes, the most ${method} ${url} accepts.`
    return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message } }
  }
  if (error.statusCode === 415)
    return { status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: error.message } }
  if (error.statusCode === 429)
    return {
      status: 429,
      body: { code: 'RATE_LIMITED', message: error.message || 'Too many requests; slow down.' },
    }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
    return { status: error.statusCode, body: { code: 'INVALID_BODY', message: error.message } }
  return { status: 500, body: { code: 'INTERNAL', message: 'Internal error.' } }
}

/** The one error handler: every failure leaves as `{code, message}` with the right status. */
export default fp(
  async (app) => {
    app.setErrorHandler(
      async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
        let { status, body } = errorAnswer(error, request)
        if (status >= 500) request.log.error({ err: error }, 'request failed')
        // A delivery too large to verify is refused like a forged one: it spends its sender's
        // refusals, never its channel's budget.
        if (status === 413 && request.routeOptions.config.intake) {
          const answer = app.refusals.delivery(
            request,
            {
              channelId: (request.params as { channelId?: string } | undefined)?.channelId ?? '',
              reason: 'too_large',
              bytes: Number(request.headers['content-length'] ?? 0),
              contentType: request.headers['content-type'] ?? null,
            },
            new RelayHttpError(413, 'PAYLOAD_TOO_LARGE', body.message),
            true,
          )
          status = answer.statusCode
          body = { code: answer.code, message: answer.message }
          reply.headers(answer.headers)
        }
        if (error instanceof RelayHttpError) reply.headers(error.headers)
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
  { name: 'error-handler', dependencies: ['refusals'] },
)
