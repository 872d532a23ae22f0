import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { badRequest, notFound } from '../../domain/errors.js'
import { CONFIDENTIAL_CLIENT } from '../../seed/demo.js'
import { sandboxState } from '../../state.js'

/** Seeded credentials and the sandbox clock. */
const state: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/state', async () => sandboxState(app.sandbox, CONFIDENTIAL_CLIENT))

  app.get('/clock', async () => ({ now: app.sandbox.clock.now().toISOString() }))

  app.post(
    '/clock',
    {
      schema: {
        body: Type.Object(
          {
            now: Type.Optional(Type.String({ format: 'date-time' })),
            advanceMs: Type.Optional(Type.Integer()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { now, advanceMs } = request.body
      if (now === undefined && advanceMs === undefined)
        throw badRequest('Give now (ISO date-time) or advanceMs')
      if (now !== undefined) app.sandbox.clock.set(now)
      if (advanceMs !== undefined) app.sandbox.clock.advance(advanceMs)
      // Moving time may make MEETING_* webhooks due.
      app.sandbox.webhooks.tick()
      return { now: app.sandbox.clock.now().toISOString() }
    },
  )

  // Cal.com reviews self-service OAuth clients: PENDING until approved, REJECTED is blocked.
  app.post(
    '/oauth-clients/:clientId/status',
    {
      schema: {
        params: Type.Object({ clientId: Type.String({ minLength: 1 }) }),
        body: Type.Object(
          {
            status: Type.Union([
              Type.Literal('APPROVED'),
              Type.Literal('PENDING'),
              Type.Literal('REJECTED'),
            ]),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const client = app.sandbox.store.oauthClients.get(request.params.clientId)
      if (!client) throw notFound(`OAuth client with id ${request.params.clientId} not found`)
      client.status = request.body.status
      return { clientId: client.clientId, status: client.status }
    },
  )
}

export default state
