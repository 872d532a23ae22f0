import type { FastifyRequest } from 'fastify'
import { RelayHttpError } from '../errors.js'
import type { StoredBusiness } from '../storage/business-types.js'
import type { Device } from '../storage/types.js'

/** The business of the requesting device's channel: the only one a device ever sees. */
export async function businessOfDevice(request: FastifyRequest): Promise<StoredBusiness> {
  const device = request.device as Device
  const business = await request.server.storage.business.businessOfChannel(device.channelId)
  if (!business)
    throw new RelayHttpError(404, 'NO_BUSINESS', 'This branch does not belong to a business yet.')
  return business
}
