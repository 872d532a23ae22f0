import { defaultRules } from '../../../src/shared/notifications/rules.js'
import type { StoredRules } from '../storage/notification-types.js'
import type { RelayStorage } from '../storage/types.js'

/** The business's rules; version 0 with §8's defaults until someone changes them. */
export async function currentRules(
  storage: RelayStorage,
  businessId: string,
): Promise<StoredRules> {
  return (await storage.notifications.rules(businessId)) ?? { version: 0, rules: defaultRules() }
}
