import type { FastifyPluginAsync } from 'fastify'

const health: FastifyPluginAsync = async (app) => {
  app.get('/healthz', async (request, reply) => {
    try {
      await app.storage.ping()
      return reply.send({ ok: true, storage: app.storage.engine })
    } catch (err) {
      request.log.warn({ err }, 'health check: storage unreachable')
      return reply
        .status(503)
        .send({ ok: false, storage: app.storage.engine, code: 'STORAGE_UNREACHABLE' })
    }
  })
}

export default health
