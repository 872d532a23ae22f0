// Input is refused, never dropped or mangled (DESIGN.md §4.3). Two rules for every API route:
//
// - A route that declares no query, or (a POST) no body, takes none: an unknown parameter or field
//   is a 400 naming it, like an unknown field of a declared schema (Ajv's removeAdditional is off,
//   see local-api.ts). The page and its assets are left alone: a cache-busting `?v=` is harmless.
// - No string anywhere in the body, query or params may hold a lone UTF-16 surrogate (JSON's
//   "\ud800" escape allows one). SQLite stores text as UTF-8, which cannot encode one, so it was
//   saved as U+FFFD and the client's name quietly changed.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { EmptyBody, EmptyQuery } from '../../../../shared/api/schemas'
import { ValidationError } from '../../errors/validation-error'

export default fp(async function strictInput(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return
    const schema = { ...route.schema }
    schema.querystring ??= EmptyQuery
    if (route.method === 'POST' && !schema.body) {
      schema.body = EmptyBody
      // A POST with no body at all (the UI sends none) is the empty body it stands for.
      route.preValidation = [noBodyIsEmpty, ...[route.preValidation ?? []].flat()]
    }
    route.schema = schema
  })

  app.addHook('preValidation', async (request) => {
    const bad =
      illFormedAt(request.params, '') ??
      illFormedAt(request.query, '') ??
      illFormedAt(request.body, '')
    if (bad !== undefined) {
      const field = bad || 'body'
      throw new ValidationError(
        field,
        'bad_text',
        `${field} is not valid Unicode text (it holds a lone UTF-16 surrogate, half of a character)`,
      )
    }
  })
})

async function noBodyIsEmpty(request: FastifyRequest): Promise<void> {
  request.body ??= {}
}

// Without the u flag a regular expression sees UTF-16 code units, so it can find unpaired halves.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g')

/** The dotted path of the first string (or key) holding a lone surrogate, else undefined. */
function illFormedAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : undefined
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const bad = illFormedAt(item, join(path, String(i)))
      if (bad !== undefined) return bad
    }
    return undefined
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) return join(path, key.replace(LONE_SURROGATES, '\ufffd'))
      const bad = illFormedAt(item, join(path, key))
      if (bad !== undefined) return bad
    }
  }
  return undefined
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key)
