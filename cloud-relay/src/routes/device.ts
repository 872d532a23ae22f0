import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { RevokeResponseSchema } from '../../../src/shared/relay/log-answers.js'
import type { RevokeResponse } from '../../../src/shared/relay/relay-contract.js'
import { errorAnswers } from '../errors.js'
import type { Device } from '../storage/types.js'

/**
 * A desk gives up its own device (it disconnects from Cal.com): the token stops working at once
 * and the device no longer holds back retention. Needs nothing but the token itself.
 */
const device: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/device/revoke',
    {
      preHandler: app.requireDevice,
      schema: { response: { 200: RevokeResponseSchema, ...errorAnswers } },
    },
    async (request) => {
      const { id, channelId } = request.device as Device
      await app.storage.revokeDevice(id)
      request.log.info({ channelId, deviceId: id }, 'device revoked by itself')
      const out: RevokeResponse = { ok: true }
      return out
    },
  )
}

export default device
