import type { BusinessSnapshot, PersonSnapshot } from '../../../src/shared/relay/relay-contract.js'
import type { StoredBusiness, StoredPerson } from '../storage/business-types.js'

export const personOut = (p: StoredPerson): PersonSnapshot => ({ ...p })

export const personPublic = ({ pinHash: _pinHash, ...rest }: StoredPerson) => rest

export const snapshotOf = (b: StoredBusiness): BusinessSnapshot => ({
  businessId: b.id,
  name: b.name,
  version: b.version,
  branches: b.channelIds.map((channelId) => ({
    channelId,
    name: b.branchNames[channelId] ?? null,
  })),
  people: b.people.map(personOut),
  cancellationPolicies: b.cancellationPolicies,
})
