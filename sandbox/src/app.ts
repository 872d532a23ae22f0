import formbody from '@fastify/formbody'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Sandbox } from './domain/sandbox.js'
import auth from './plugins/auth.js'
import clock from './plugins/clock.js'
import context from './plugins/context.js'
import errorEnvelope from './plugins/error-envelope.js'
import faults from './plugins/faults.js'
import gracefulClose from './plugins/graceful-close.js'
import rateLimit from './plugins/rate-limit.js'
import traffic from './plugins/traffic.js'
import controlFaults from './routes/control/faults.js'
import publicBooking from './routes/control/public-booking.js'
import controlState from './routes/control/state.js'
import oauthAuthorize from './routes/oauth/authorize.js'
import oauthToken from './routes/oauth/token.js'
import bookings from './routes/v2/bookings.js'
import eventTypes from './routes/v2/event-types.js'
import me from './routes/v2/me.js'
import schedules from './routes/v2/schedules.js'
import slots from './routes/v2/slots.js'
import teams from './routes/v2/teams.js'
import webhooks from './routes/v2/webhooks.js'

/** Builds the sandbox's Fastify app: shared plugins, then the API v2, OAuth and control routes. */
export async function buildApp(sandbox: Sandbox): Promise<FastifyInstance> {
  const app = Fastify({
    logger: sandbox.config.logger
      ? {
          level: 'info',
          redact: [
            'req.headers.authorization',
            'req.headers.cookie',
            'req.headers["x-cal-secret-key"]',
          ],
        }
      : false,
    ajv: { customOptions: { removeAdditional: true, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  // Cal.com (Express) takes an empty JSON body on POSTs such as confirm; Fastify would refuse it.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body)
    if (text.trim() === '') return done(null, undefined)
    try {
      done(null, JSON.parse(text))
    } catch {
      const err = Object.assign(new Error('Body is not valid JSON'), { statusCode: 400 })
      done(err, undefined)
    }
  })
  await app.register(formbody)
  await app.register(context, { sandbox })
  await app.register(errorEnvelope)
  await app.register(clock)
  await app.register(traffic)
  await app.register(gracefulClose)

  app.addHook('onSend', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*')
  })

  await app.register(
    async (v2) => {
      // Cal.com's throttler runs before anything else can fail, so every answer (an injected
      // fault's too) carries its X-RateLimit-* headers (REFERENCE.md §6).
      await v2.register(rateLimit)
      await v2.register(faults)
      await v2.register(auth)
      await v2.register(me)
      await v2.register(eventTypes)
      await v2.register(schedules)
      await v2.register(slots)
      await v2.register(teams)
      await v2.register(bookings)
      await v2.register(webhooks)
      await v2.register(oauthToken)
    },
    { prefix: '/v2' },
  )
  await app.register(oauthAuthorize, { prefix: '/auth/oauth2' })
  await app.register(
    async (control) => {
      await control.register(controlState)
      await control.register(publicBooking)
      await control.register(controlFaults)
    },
    { prefix: '/_sandbox' },
  )
  return app
}
