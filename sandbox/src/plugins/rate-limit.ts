import { createHash } from 'node:crypto'
import fp from 'fastify-plugin'
import { CalApiError, throttled } from '../domain/errors.js'

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '')
  return match?.[1]?.trim()
}

/**
 * Cal.com's CustomThrottlerGuard (REFERENCE.md §6): per-credential windows, `-Default` headers on
 * every answer, 429 ThrottlerException, no Retry-After. Unknown API keys fail here with 401.
 */
export default fp(
  async (app) => {
    const { rateLimit } = app.sandbox.config
    app.addHook('onRequest', async (request, reply) => {
      const token = bearerToken(request.headers.authorization)
      let tracker: string
      let limit: number
      if (token?.startsWith('cal_')) {
        if (!app.sandbox.store.accountByApiKey(token)) {
          throw new CalApiError(
            401,
            'UnauthorizedException',
            'CustomThrottlerGuard - Invalid API Key',
          )
        }
        tracker = `api-key:${createHash('sha256').update(token).digest('hex')}`
        limit = rateLimit.apiKeyLimit
      } else if (token) {
        tracker = `token:${createHash('sha256').update(token).digest('hex')}`
        limit = rateLimit.oauthLimit
      } else {
        tracker = `ip:${request.ip}`
        limit = rateLimit.anonymousLimit
      }
      const result = app.sandbox.rateLimiter.hit(tracker, limit)
      reply.header('X-RateLimit-Limit-Default', result.limit)
      reply.header('X-RateLimit-Remaining-Default', result.remaining)
      reply.header('X-RateLimit-Reset-Default', result.resetSeconds)
      if (result.blocked) throw throttled()
    })
  },
  { name: 'rate-limit', dependencies: ['sandbox-context'] },
)
