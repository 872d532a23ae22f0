// Every /api request carries the session token the core made at start. EventSource cannot send
// headers, so the live stream alone may carry it as `?token=`.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

const digest = (s: string) => createHash('sha256').update(s).digest()

export default fp(async function sessionAuth(app: FastifyInstance, opts: { token: string }) {
  const expected = digest(opts.token)
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!
    if (!path.startsWith('/api/')) return
    const header = request.headers.authorization
    let presented = header?.startsWith('Bearer ') ? header.slice(7) : undefined
    if (presented === undefined && path === '/api/live') {
      presented = new URL(request.url, 'http://desk').searchParams.get('token') ?? undefined
    }
    if (presented === undefined || !timingSafeEqual(digest(presented), expected)) {
      return reply.code(401).send({
        error: { code: 'UNAUTHORIZED', message: 'Missing or wrong session token.' },
      })
    }
  })
})
