// Fastify compiles every route's request validator and response serializer when the server
// starts: ~280 ms for the local API's routes, a third of the desk's cold start. These compilers
// are Fastify's own defaults, deferred to the first request that uses each route, so starting
// pays nothing for routes a session never calls. Behaviour is unchanged: the same Ajv and
// fast-json-stringify, with the same options, but for JSON bodies' types (below).
import AjvCompiler from '@fastify/ajv-compiler'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import type { FastifyServerOptions } from 'fastify'

type Compiled = ((...args: unknown[]) => unknown) & { errors?: unknown }

/** A function that builds `compile()` on its first call; exposes Ajv's `errors` like the original. */
function deferred(compile: () => Compiled): Compiled {
  let fn: Compiled | undefined
  const run = ((...args: unknown[]) => (fn ??= compile())(...args)) as Compiled
  Object.defineProperty(run, 'errors', { get: () => fn?.errors })
  return run
}

type Factory = (externalSchemas: unknown, options: unknown) => (route: unknown) => Compiled

const lazily =
  (factory: Factory): Factory =>
  (externalSchemas, options) => {
    const build = factory(externalSchemas, options)
    return (route) => deferred(() => build(route))
  }

type Options = { customOptions?: Record<string, unknown> }

/**
 * JSON bodies are taken as sent: Fastify's Ajv converts types (`coerceTypes`), so `12345` where a
 * name belongs became the client "12345" and `"7"` the service 7. Query strings and path
 * parameters are text by nature, so their numbers are still converted.
 */
const bodiesAsSent =
  (factory: Factory): Factory =>
  (externalSchemas, options) => {
    const texts = factory(externalSchemas, options)
    const opts = options as Options
    const bodies = factory(externalSchemas, {
      ...opts,
      customOptions: { ...opts.customOptions, coerceTypes: false },
    })
    return (route) => ((route as { httpPart?: string }).httpPart === 'body' ? bodies : texts)(route)
  }

export const lazySchemaController = {
  compilersFactory: {
    buildValidator: lazily(bodiesAsSent(AjvCompiler() as unknown as Factory)),
    buildSerializer: lazily(SerializerSelector() as unknown as Factory),
  },
} as FastifyServerOptions['schemaController']
