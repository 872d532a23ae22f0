import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { EventsResponseSchema } from '../../../src/shared/relay/log-answers.js'
import type { EventsResponse } from '../../../src/shared/relay/relay-contract.js'
import { RelayHttpError, errorAnswers } from '../errors.js'
import type { Device } from '../storage/types.js'
import { resyncError, toWire } from './event-wire.js'

export interface EventsRouteOptions {
  /** A parked poll re-reads at least this often, in case a wake-up notification was lost. */
  recheckMs: number
}

const events: FastifyPluginAsyncTypebox<EventsRouteOptions> = async (app, opts) => {
  app.get(
    '/v1/events',
    {
      preHandler: app.requireDevice,
      schema: {
        querystring: Type.Object(
          {
            after: Type.Optional(Type.Integer({ minimum: 0 })),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
            wait: Type.Number({ minimum: 0, maximum: 25, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: EventsResponseSchema, ...errorAnswers },
      },
    },
    async (request, reply) => {
      const device = request.device as Device
      const after = request.query.after ?? device.cursor
      const { limit } = request.query
      const deadline = Date.now() + request.query.wait * 1000
      let gone = false
      reply.raw.once('close', () => (gone = true))
      for (;;) {
        const armed = app.waiters.arm(device.channelId)
        const r = await app.storage.read(device.channelId, after, limit)
        if (!r.ok) {
          armed.cancel()
          throw new RelayHttpError(410, 'RESYNC_REQUIRED', resyncError(r.resumeAfter).message, {
            resumeAfter: r.resumeAfter,
          })
        }
        const left = deadline - Date.now()
        if (r.events.length || left <= 0 || gone || app.waiters.closing) {
          armed.cancel()
          app.metrics.served.inc({ via: 'poll' }, r.events.length)
          const out: EventsResponse = {
            events: r.events.map(toWire),
            nextAfter: r.events.at(-1)?.seq ?? after,
          }
          return reply.send(out)
        }
        const stop = (): void => armed.cancel()
        reply.raw.once('close', stop)
        await armed.wait(Math.min(left, opts.recheckMs))
        reply.raw.off('close', stop)
      }
    },
  )
}

export default events
