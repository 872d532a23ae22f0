import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { RelayHttpError } from '../errors.js'

/** Operator routes, behind RELAY_ADMIN_TOKEN. Secrets and token hashes are never returned. */
const admin: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preHandler', app.requireAdmin)

  app.get('/v1/admin/channels', async () => ({ channels: await app.storage.listChannels() }))

  app.get(
    '/v1/admin/channels/:channelId/devices',
    { schema: { params: Type.Object({ channelId: Type.String({ maxLength: 100 }) }) } },
    async (request) => {
      if (!(await app.storage.findChannel(request.params.channelId))) {
        throw new RelayHttpError(404, 'NOT_FOUND', 'Unknown channel.')
      }
      return { devices: await app.storage.listDevices(request.params.channelId) }
    },
  )

  app.post(
    '/v1/admin/devices/:deviceId/revoke',
    { schema: { params: Type.Object({ deviceId: Type.String({ maxLength: 100 }) }) } },
    async (request) => {
      if (!(await app.storage.revokeDevice(request.params.deviceId))) {
        throw new RelayHttpError(404, 'NOT_FOUND', 'No active device with that id.')
      }
      request.log.info({ deviceId: request.params.deviceId }, 'device revoked')
      return { ok: true }
    },
  )

  app.get(
    '/v1/admin/deliveries',
    {
      schema: {
        querystring: Type.Object(
          {
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
            channelId: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    // Two lists, each from its own ring: a flood of refusals cannot push real deliveries out.
    async (request) => ({
      deliveries: app.deliveryLog.recent(request.query.limit, request.query.channelId),
      refusals: app.deliveryLog.recentRefusals(request.query.limit, request.query.channelId),
    }),
  )

  app.get('/metrics', async (_request, reply) =>
    reply.type(app.metrics.registry.contentType).send(await app.metrics.registry.metrics()),
  )
}

export default admin
