// Every route says what it answers: a response schema for its success and the error handler's
// shape for every 4xx and 5xx. Fastify serializes a JSON answer with its schema
// (fast-json-stringify), so a field the schema does not name never leaves the relay: a secret or
// an internal column added to a row later cannot leak through an answer that spreads the row.
// A route declared without them fails the relay's start, naming the route.
import type { RouteOptions } from 'fastify'
import fp from 'fastify-plugin'

type ResponseSchemas = Record<string, unknown>

const isSuccess = (status: string): boolean => /^2(\d\d|xx)$/.test(status)

/** What `route` leaves undeclared, as a sentence naming it; undefined when nothing. */
export function undeclaredAnswers(
  route: Pick<RouteOptions, 'method' | 'url' | 'schema'>,
): string | undefined {
  const response = (route.schema?.response ?? {}) as ResponseSchemas
  const statuses = Object.keys(response)
  const missing = [
    ...(statuses.some(isSuccess) ? [] : ['its success (2xx)']),
    ...['4xx', '5xx'].filter((s) => !statuses.includes(s)),
  ]
  if (missing.length === 0) return undefined
  const method = Array.isArray(route.method) ? route.method.join(',') : route.method
  return `${method} ${route.url} declares no response schema for ${missing.join(', ')}: every route declares what it answers (plugins/response-schemas.ts).`
}

export default fp(
  async (app) => {
    app.addHook('onRoute', (route) => {
      const problem = undeclaredAnswers(route)
      if (problem) throw new Error(problem)
    })
  },
  { name: 'response-schemas' },
)
