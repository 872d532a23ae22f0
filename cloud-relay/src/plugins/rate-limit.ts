import rateLimit from '@fastify/rate-limit'
import fp from 'fastify-plugin'
import { RelayHttpError } from '../errors.js'

/** Per-route limits only (enrollment by client IP); intake and refusals count their own. */
export default fp(
  async (app) => {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_req, ctx) =>
        new RelayHttpError(
          429,
          'RATE_LIMITED',
          `Rate limit exceeded; retry in ${Math.ceil(ctx.ttl / 1000)} s.`,
        ),
    })
  },
  { name: 'rate-limit' },
)
