import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { badRequest } from '../../domain/errors.js'
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
}

export default state
