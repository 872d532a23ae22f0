import { can, manageActionFor, type Role } from '../../../src/shared/people/roles.js'
import { RelayHttpError, invalidField } from '../errors.js'
import type { StoredBusiness, StoredPerson } from '../storage/business-types.js'

export const forbidden = (message: string) => new RelayHttpError(403, 'FORBIDDEN', message)

/** Branch ids must be branches of this business: anything else is named, whoever owns it. */
export function checkBranches(business: StoredBusiness, branches: string[], field: string): void {
  const i = branches.findIndex((b) => !business.channelIds.includes(b))
  if (i >= 0) throw invalidField(`${field}/${i}`, 'is not a branch of this business')
  if (new Set(branches).size !== branches.length) throw invalidField(field, 'names a branch twice')
}

/**
 * May `actor` manage a person of `role` working at `branches`? Owners manage everyone; admins
 * only receptionists, and only within branches they belong to themselves.
 */
export function checkManage(actor: StoredPerson, role: Role, branches: string[]): void {
  if (!can(actor.role, manageActionFor(role)))
    throw forbidden(`A ${actor.role} may not manage a person with the ${role} role.`)
  if (actor.role !== 'owner' && !branches.every((b) => actor.branches.includes(b)))
    throw forbidden('An admin manages only the people of their own branches.')
}

/** Owners work everywhere; the others need at least one branch. */
export function checkRoleBranches(role: Role, branches: string[], field: string): void {
  if (role === 'owner' && branches.length > 0)
    throw invalidField(field, 'must be empty for an owner (owners work at every branch)')
  if (role !== 'owner' && branches.length === 0)
    throw invalidField(field, `must name at least one branch for this role`)
}
