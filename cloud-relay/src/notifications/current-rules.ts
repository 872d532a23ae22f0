import { defaultRules } from '../../../src/shared/notifications/rules.js'
import type { StoredBusiness } from '../storage/business-types.js'
import type { StoredRules } from '../storage/notification-types.js'
import type { RelayStorage } from '../storage/types.js'

/**
 * The business's rules; version 0 with §8's defaults until someone changes them. The
 * cancellation policies are the business's own (they live with the business, not in the rules
 * document), laid in so a reader sees one whole document; so are the branch names the business
 * gave, over any the rules carried before branches had names of their own. Kinds this relay
 * knows that the stored document does not (added by a later release) take §8's defaults.
 */
export async function currentRules(
  storage: RelayStorage,
  business: Pick<StoredBusiness, 'id' | 'cancellationPolicies' | 'branchNames'>,
): Promise<StoredRules> {
  const defaults = defaultRules()
  const stored = (await storage.notifications.rules(business.id)) ?? {
    version: 0,
    rules: defaults,
  }
  return {
    version: stored.version,
    rules: {
      ...stored.rules,
      // A kind added after the rules were last saved has §8's default until someone changes it:
      // the stored document never named it, and an answer without it is not a whole document.
      kinds: { ...defaults.kinds, ...stored.rules.kinds },
      cancellationPolicies: business.cancellationPolicies,
      branchNames: { ...stored.rules.branchNames, ...business.branchNames },
    },
  }
}
