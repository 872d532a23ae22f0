import type { FastifyPluginAsync } from 'fastify'
import type { Device } from '../storage/types.js'

/**
 * A desk gives up its own device (it disconnects from Cal.com): the token stops working at once
 * and the device no longer holds back retention. Needs nothing but the token itself.
 */
const device: FastifyPluginAsync = async (app) => {
  app.post('/v1/device/revoke', { preHandler: app.requireDevice }, async (request) => {
    const { id, channelId } = request.device as Device
    await app.storage.revokeDevice(id)
    request.log.info({ channelId, deviceId: id }, 'device revoked by itself')
    return { ok: true }
  })
}

export default device
