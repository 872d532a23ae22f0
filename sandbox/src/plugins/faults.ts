import fp from 'fastify-plugin'
import { forbidden, internalError, throttled } from '../domain/errors.js'

/**
 * Injected API faults: the next N matching /v2 calls answer 500 or 429, or hang. Registered after
 * the rate-limit plugin, so faulted answers carry the X-RateLimit-* headers as Cal.com's do.
 */
export default fp(
  async (app) => {
    const hanging = new Set<() => void>()
    app.addHook('preClose', async () => {
      for (const release of hanging) release()
    })
    app.addHook('onRequest', async (request, reply) => {
      const fault = app.sandbox.apiFaults.take(request.url)
      if (!fault) return
      if (fault.mode === 'http500') throw internalError()
      // REFERENCE.md §5.2: a third-party token without the endpoint's scope.
      if (fault.mode === 'http403')
        throw forbidden('insufficient_scope: token does not have the required scopes.')
      if (fault.mode === 'http429') {
        // As Cal.com's throttler answers a blocked credential: nothing left, back after the block.
        reply.header('X-RateLimit-Remaining-Default', 0)
        reply.header(
          'X-RateLimit-Reset-Default',
          Math.ceil(app.sandbox.config.rateLimit.blockMs / 1000),
        )
        throw throttled()
      }
      // A hang: no answer at all; the connection is cut when the hang ends or the sandbox closes.
      reply.hijack()
      await new Promise<void>((resolve) => {
        const release = () => {
          hanging.delete(release)
          clearTimeout(timer)
          resolve()
        }
        const timer = fault.hangMs > 0 ? setTimeout(release, fault.hangMs) : undefined
        hanging.add(release)
        request.raw.once('close', release)
      })
      reply.raw.destroy()
    })
  },
  { name: 'api-faults', dependencies: ['sandbox-context'] },
)
