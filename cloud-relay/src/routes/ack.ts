import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AckResponseSchema } from '../../../src/shared/relay/log-answers.js'
import type { AckResponse } from '../../../src/shared/relay/relay-contract.js'
import { RelayHttpError, errorAnswers } from '../errors.js'
import type { Device } from '../storage/types.js'

const ack: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/ack',
    {
      preHandler: app.requireDevice,
      schema: {
        body: Type.Object({ seq: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
        response: { 200: AckResponseSchema, ...errorAnswers },
      },
    },
    async (request, reply) => {
      const device = request.device as Device
      const channel = await app.storage.findChannel(device.channelId)
      if (!channel || request.body.seq > channel.lastSeq) {
        throw new RelayHttpError(
          400,
          'VALIDATION_FAILED',
          `body/seq ${request.body.seq} is beyond the channel's last event.`,
        )
      }
      const cursor = await app.storage.ack(device.id, request.body.seq)
      const out: AckResponse = { ok: true, cursor }
      return reply.send(out)
    },
  )
}

export default ack
