// DNS-rebinding guard: a page on some other origin can make a browser send requests to
// 127.0.0.1, but it cannot make the Host header name our loopback address and port.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/** How many Host headers the client sent: Node keeps only the first in `headers.host`. */
function hostHeaderCount(rawHeaders: string[]): number {
  let count = 0
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() === 'host') count += 1
  }
  return count
}

export default fp(async function loopbackGuard(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : undefined
    // A request with two Host headers would be judged on the first and may be routed by a proxy
    // on the other: refuse it rather than guess which one the client meant.
    if (hostHeaderCount(request.raw.rawHeaders) !== 1) {
      return reply.code(400).send({
        error: {
          code: 'BAD_HOST',
          message: 'A request must name exactly one Host.',
          field: 'host',
        },
      })
    }
    const allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
    if (!allowed.has(String(request.headers.host).toLowerCase())) {
      return reply.code(403).send({
        error: {
          code: 'FORBIDDEN_HOST',
          message: `The desk answers only to 127.0.0.1:${port}; this request named another host.`,
        },
      })
    }
  })
})
