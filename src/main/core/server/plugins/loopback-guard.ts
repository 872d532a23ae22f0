// DNS-rebinding guard: a page on some other origin can make a browser send requests to
// 127.0.0.1, but it cannot make the Host header name our loopback address and port.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

export default fp(async function loopbackGuard(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : undefined
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
