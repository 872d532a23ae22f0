// Bad input is refused with a 400 naming the field, never silently dropped or reinterpreted:
// unknown fields and query parameters, numbers sent as text or booleans in JSON bodies, lone
// UTF-16 surrogates, a body sent to a route that takes none, two Host headers. Cal.com's
// deliveries are exempt from everything but the Host rule: they are judged by their signature
// and stored byte for byte.
import AjvCompiler from '@fastify/ajv-compiler'
import { Type } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { isRealInstant } from '../../../src/shared/time/real-instant.js'
import { invalidField, type RelayHttpError } from '../errors.js'
import { loneSurrogateAt } from '../text-checks.js'

type Validate = (data: unknown) => boolean
type Compile = (route: {
  schema: unknown
  method: string
  url: string
  httpPart?: string
}) => Validate

interface FormatAjv {
  addFormat(name: string, format: { type: 'string'; validate: (s: string) => boolean }): unknown
}
const pool = AjvCompiler() as unknown as (
  externalSchemas: object,
  options: { customOptions: object; onCreate: (ajv: FormatAjv) => void },
) => Compile
// "date-time" is a time that exists: ajv-formats' own lets a leap second (23:59:60) through,
// which neither side can compute with (shared/time/real-instant.ts). Set after ajv-formats.
const onCreate = (ajv: FormatAjv) =>
  ajv.addFormat('date-time', { type: 'string', validate: isRealInstant })
// JSON bodies are taken as sent: "1" or true where a number belongs is an error, not a 1.
// Query strings and paths are text by nature, so their numbers are converted.
const bodies = pool(
  {},
  { customOptions: { coerceTypes: false, removeAdditional: false }, onCreate },
)
const texts = pool(
  {},
  { customOptions: { coerceTypes: 'array', removeAdditional: false }, onCreate },
)

/** A route that declares no query string takes none. */
const NO_QUERY = Type.Object({}, { additionalProperties: false })

function hostCount(rawHeaders: string[]): number {
  let n = 0
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]?.toLowerCase() === 'host') n++
  return n
}

/** What is wrong with a body sent to a route that declares none ({} and nothing are fine). */
function unexpectedBody(body: unknown): RelayHttpError | undefined {
  if (body === undefined || body === null || body === '') return undefined
  if (typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)) {
    const [key] = Object.keys(body)
    return key === undefined
      ? undefined
      : invalidField(`body/${key}`, 'is not a known field: this route takes no body')
  }
  return invalidField('body', 'must be empty: this route takes no body')
}

function inputProblem(request: FastifyRequest): RelayHttpError | undefined {
  const parts = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ] as const
  for (const [part, value] of parts) {
    const at = loneSurrogateAt(value, part)
    if (at) return invalidField(at, 'must not contain a lone UTF-16 surrogate')
  }
  return request.routeOptions.schema?.body === undefined ? unexpectedBody(request.body) : undefined
}

export default fp(
  async (app) => {
    app.setValidatorCompiler((route) => (route.httpPart === 'body' ? bodies : texts)(route))
    app.addHook('onRoute', (route) => {
      if (route.config?.intake) return
      route.schema = { ...route.schema, querystring: route.schema?.querystring ?? NO_QUERY }
    })
    // Callback hooks: they run on every delivery too, and cost no promise there.
    app.addHook('onRequest', (request, _reply, done) => {
      // Judged on the first, proxied on another: refuse rather than guess which host was meant.
      if (hostCount(request.raw.rawHeaders) > 1)
        done(invalidField('headers/host', 'must be sent once; this request names two hosts'))
      else done()
    })
    app.addHook('preValidation', (request, _reply, done) => {
      done(request.routeOptions.config.intake ? undefined : inputProblem(request))
    })
  },
  { name: 'strict-input' },
)
