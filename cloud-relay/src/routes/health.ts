import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorAnswers } from '../errors.js'

const Engine = Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')])
const HealthySchema = Type.Object({ ok: Type.Literal(true), storage: Engine })
const UnhealthySchema = Type.Object({
  ok: Type.Literal(false),
  storage: Engine,
  code: Type.Literal('STORAGE_UNREACHABLE'),
})

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    { schema: { response: { 200: HealthySchema, 503: UnhealthySchema, ...errorAnswers } } },
    async (request, reply) => {
      try {
        await app.storage.ping()
        return reply.send({ ok: true, storage: app.storage.engine })
      } catch (err) {
        request.log.warn({ err }, 'health check: storage unreachable')
        return reply
          .status(503)
          .send({ ok: false, storage: app.storage.engine, code: 'STORAGE_UNREACHABLE' })
      }
    },
  )
}

export default health
