import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Count, Instant, Nullable } from '../../../src/shared/relay/answer-parts.js'
import { RevokeResponseSchema } from '../../../src/shared/relay/log-answers.js'
import { RelayHttpError, errorAnswers } from '../errors.js'

// What an operator is shown: these fields and no others, whatever the rows come to hold.
const ChannelSchema = Type.Object({
  id: Type.String(),
  calcomAccountId: Type.String(),
  calcomWebhookId: Nullable(Type.String()),
  lastSeq: Count,
  prunedThrough: Count,
  retainedEvents: Count,
  activeDevices: Count,
  backlog: Count,
  createdAt: Instant,
})
const DeviceSchema = Type.Object({
  id: Type.String(),
  channelId: Type.String(),
  name: Type.String(),
  cursor: Count,
  createdAt: Instant,
  lastSeenAt: Nullable(Instant),
  revokedAt: Nullable(Instant),
})
const DeliverySchema = Type.Object({
  at: Instant,
  channelId: Type.String(),
  status: Type.Integer(),
  result: Type.String(),
  bytes: Count,
  contentType: Nullable(Type.String()),
  seq: Nullable(Type.Integer()),
})
const RefusalSchema = Type.Object({ ...DeliverySchema.properties, from: Type.String() })

const iso = (d: Date | null): string | null => d?.toISOString() ?? null

/** Operator routes, behind RELAY_ADMIN_TOKEN. Secrets and token hashes are never returned. */
const admin: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('preHandler', app.requireAdmin)

  app.get(
    '/v1/admin/channels',
    {
      schema: {
        response: { 200: Type.Object({ channels: Type.Array(ChannelSchema) }), ...errorAnswers },
      },
    },
    async () => ({
      channels: (await app.storage.listChannels()).map((c) => ({
        ...c,
        createdAt: c.createdAt.toISOString(),
      })),
    }),
  )

  app.get(
    '/v1/admin/channels/:channelId/devices',
    {
      schema: {
        params: Type.Object({ channelId: Type.String({ maxLength: 100 }) }),
        response: { 200: Type.Object({ devices: Type.Array(DeviceSchema) }), ...errorAnswers },
      },
    },
    async (request) => {
      if (!(await app.storage.findChannel(request.params.channelId))) {
        throw new RelayHttpError(404, 'NOT_FOUND', 'Unknown channel.')
      }
      return {
        devices: (await app.storage.listDevices(request.params.channelId)).map((d) => ({
          ...d,
          createdAt: d.createdAt.toISOString(),
          lastSeenAt: iso(d.lastSeenAt),
          revokedAt: iso(d.revokedAt),
        })),
      }
    },
  )

  app.post(
    '/v1/admin/devices/:deviceId/revoke',
    {
      schema: {
        params: Type.Object({ deviceId: Type.String({ maxLength: 100 }) }),
        response: { 200: RevokeResponseSchema, ...errorAnswers },
      },
    },
    async (request) => {
      if (!(await app.storage.revokeDevice(request.params.deviceId))) {
        throw new RelayHttpError(404, 'NOT_FOUND', 'No active device with that id.')
      }
      request.log.info({ deviceId: request.params.deviceId }, 'device revoked')
      return { ok: true as const }
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
        response: {
          200: Type.Object({
            deliveries: Type.Array(DeliverySchema),
            refusals: Type.Array(RefusalSchema),
          }),
          ...errorAnswers,
        },
      },
    },
    // Two lists, each from its own ring: a flood of refusals cannot push real deliveries out.
    async (request) => ({
      deliveries: app.deliveryLog.recent(request.query.limit, request.query.channelId),
      refusals: app.deliveryLog.recentRefusals(request.query.limit, request.query.channelId),
    }),
  )

  // Prometheus' text format, sent as the text it is (no JSON serializer runs on it).
  app.get(
    '/metrics',
    {
      schema: {
        response: {
          200: { content: { 'text/plain': { schema: Type.String() } } },
          ...errorAnswers,
        },
      },
    },
    async (_request, reply) =>
      reply.type(app.metrics.registry.contentType).send(await app.metrics.registry.metrics()),
  )
}

export default admin
