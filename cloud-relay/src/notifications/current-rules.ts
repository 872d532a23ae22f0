import { defaultRules } from '../../../src/shared/notifications/rules.js'
import type { StoredBusiness } from '../storage/business-types.js'
import type { StoredRules } from '../storage/notification-types.js'
import type { RelayStorage } from '../storage/types.js'

/**
 * The business's rules; version 0 with §8's defaults until someone changes them. The
 * cancellation policies are the business's own (they live with the business, not in the rules
 * document), laid in so a reader sees one whole document; so are the branch names the business
 * gave, over any the rules carried before branches had names of their own.
 */
export async function currentRules(
  storage: RelayStorage,
  business: Pick<StoredBusiness, 'id' | 'cancellationPolicies' | 'branchNames'>,
): Promise<StoredRules> {
  const stored = (await storage.notifications.rules(business.id)) ?? {
    version: 0,
    rules: defaultRules(),
  }
  return {
    version: stored.version,
    rules: {
      ...stored.rules,
      cancellationPolicies: business.cancellationPolicies,
      branchNames: { ...stored.rules.branchNames, ...business.branchNames },
    },
  }
}
