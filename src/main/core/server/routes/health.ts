import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiError, Health } from '../../../../shared/api/schemas'
import type { DeskServices } from '../desk-services'

const health: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (app, { services }) => {
  app.get(
    '/api/health',
    {
      config: { access: 'open' },
      schema: { summary: 'Liveness and database check', response: { 200: Health, 503: ApiError } },
    },
    async (_request, reply) => {
      try {
        services.db.$client.prepare('select 1').get()
      } catch {
        return reply
          .code(503)
          .send({ error: { code: 'DATABASE', message: 'The desk database does not answer.' } })
      }
      return { ok: true, database: 'ok' as const, version: services.version }
    },
  )
}
export default health
