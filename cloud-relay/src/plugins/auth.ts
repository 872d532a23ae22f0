import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { RelayHttpError } from '../errors.js'
import { safeEqual, sha256Hex } from '../ids.js'
import type { Device } from '../storage/types.js'

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * preHandler: a Bearer device token of an active device; sets request.device. Wrong tokens
     * (like wrong admin tokens) are limited per client address: past the limit, even a right
     * one is not looked at until the minute is over, so guessing gains nothing from speed.
     */
    requireDevice(request: FastifyRequest, reply: FastifyReply): Promise<void>
    /** preHandler: the Bearer RELAY_ADMIN_TOKEN. */
    requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void>
  }
  interface FastifyRequest {
    device: Device | null
  }
}

export function bearer(request: FastifyRequest): string | undefined {
  const h = request.headers.authorization
  const m = h === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(h)
  return m?.[1]
}

const SEEN_EVERY_MS = 60_000

export default fp<{ adminToken: string | undefined }>(
  async (app, opts) => {
    app.decorateRequest('device', null)

    app.decorate('requireDevice', async (request: FastifyRequest) => {
      const spent = app.refusals.tokensSpent(request)
      if (spent) throw spent
      const token = bearer(request)
      // Same answer for missing, unknown and revoked tokens: nothing to learn from the difference.
      const device =
        token === undefined ? undefined : await app.storage.deviceByTokenHash(sha256Hex(token))
      if (!device) {
        app.refusals.wrongToken(request, 'bad_device_token')
        throw new RelayHttpError(
          401,
          'UNAUTHORIZED',
          'A valid device token is required (Authorization: Bearer …).',
        )
      }
      request.device = device
      const now = new Date()
      if (!device.lastSeenAt || now.getTime() - device.lastSeenAt.getTime() > SEEN_EVERY_MS) {
        await app.storage.touchDevice(device.id, now)
      }
    })

    app.decorate('requireAdmin', async (request: FastifyRequest) => {
      const spent = app.refusals.tokensSpent(request)
      if (spent) throw spent
      const token = bearer(request)
      if (!opts.adminToken || token === undefined || !safeEqual(token, opts.adminToken)) {
        app.refusals.wrongToken(request, 'bad_admin_token')
        throw new RelayHttpError(
          401,
          'UNAUTHORIZED',
          'The admin token is required (Authorization: Bearer $RELAY_ADMIN_TOKEN).',
        )
      }
    })
  },
  { name: 'auth', dependencies: ['storage', 'refusals'] },
)
