// Deny by default (DESIGN.md §4.3): whether a request needs the session token is decided on the
// route the router actually matched, never on how the URL is spelled. The router decodes
// `/%61pi/…` to `/api/…`; a check on the raw URL would let that spelling through with no token.
// Only routes that declare `config: { public: true }` (the page and its static assets) are open;
// everything else — every API route and the not-found answer — wants the token.
//
// A page on another origin cannot read our answers (no CORS headers), but it can still send
// "simple" requests with `mode: 'no-cors'`. Those carry `Origin` or `Sec-Fetch-Site`, so a
// protected route refuses them even before looking at the token.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Served without the session token: the page and its static assets only. */
    public?: boolean
    /** EventSource cannot send headers: this route alone may carry the token as `?token=`. */
    tokenInQuery?: boolean
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest()

/** The origins the desk's own page can have: its loopback address and port, spelled any way. */
export function ownOrigins(port: number | undefined): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`])
}

function presentedToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (header?.startsWith('Bearer ')) return header.slice(7)
  if (request.routeOptions.config?.tokenInQuery) {
    const fromQuery = (request.query as Record<string, unknown> | undefined)?.token
    return typeof fromQuery === 'string' ? fromQuery : undefined
  }
  return undefined
}

export default fp(async function sessionAuth(app: FastifyInstance, opts: { token: string }) {
  const expected = digest(opts.token)
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.public === true && !request.is404) return

    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : undefined
    const origin = request.headers.origin
    const site = request.headers['sec-fetch-site']
    const foreignOrigin = origin !== undefined && !ownOrigins(port).has(origin.toLowerCase())
    // `same-site` includes every other port on 127.0.0.1: only our own origin is ours.
    const foreignSite = site !== undefined && site !== 'same-origin' && site !== 'none'
    if (foreignOrigin || foreignSite) {
      return reply.code(403).send({
        error: {
          code: 'FORBIDDEN_ORIGIN',
          message: 'The desk answers only to its own page; this request came from another site.',
        },
      })
    }

    const presented = presentedToken(request)
    if (presented === undefined || !timingSafeEqual(digest(presented), expected)) {
      return reply.code(401).send({
        error: { code: 'UNAUTHORIZED', message: 'Missing or wrong session token.' },
      })
    }
  })
})
