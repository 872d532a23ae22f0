import type { BusinessChangedEvent } from '../../../src/shared/relay/relay-contract.js'
import { sha256Hex } from '../ids.js'
import type { StoredBusiness } from '../storage/business-types.js'
import type { RelayStorage } from '../storage/types.js'

export const BUSINESS_EVENT_CONTENT_TYPE = 'application/vnd.frontdesk.business+json'

/**
 * Writes "the business is now at this version" into the log of every branch of the business,
 * so each desk learns of the change the way it learns of bookings, and reads the snapshot.
 */
export async function announceBusiness(
  storage: RelayStorage,
  business: Pick<StoredBusiness, 'id' | 'version' | 'channelIds'>,
  at: Date,
): Promise<void> {
  const event: BusinessChangedEvent = {
    triggerEvent: 'FRONTDESK_BUSINESS_CHANGED',
    createdAt: at.toISOString(),
    payload: { businessId: business.id, version: business.version },
  }
  const body = Buffer.from(JSON.stringify(event))
  await storage.ingest(
    business.channelIds.map((channelId) => ({
      channelId,
      body,
      bodySha256: sha256Hex(body),
      contentType: BUSINESS_EVENT_CONTENT_TYPE,
      headers: {},
      receivedAt: at,
    })),
  )
}
