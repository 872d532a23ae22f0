import { RelayHttpError } from '../errors.js'
import type { AuditEntry, BusinessDoc, StoredBusiness } from '../storage/business-types.js'
import type { RelayStorage } from '../storage/types.js'
import { announceBusiness } from './announce.js'

/**
 * Stores `doc` as the business's next version with its audit row, then tells every branch. The
 * version read is the one that must still be current: a change made meanwhile (another desk,
 * another instance) wins, and this one is refused rather than silently undoing it.
 */
export async function commitChange(
  storage: RelayStorage,
  business: StoredBusiness,
  doc: BusinessDoc,
  audit: AuditEntry,
): Promise<StoredBusiness> {
  const saved = await storage.business.updateBusiness(business.id, business.version, doc, audit)
  if (!saved)
    throw new RelayHttpError(
      409,
      'CONFLICT',
      'The business changed meanwhile: read it again and retry.',
    )
  const next: StoredBusiness = { ...business, ...doc, version: business.version + 1 }
  await announceBusiness(storage, next, audit.at)
  return next
}
