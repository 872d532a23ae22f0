// Whom the signed-in person may change on the Team screen, and with which roles and branches:
// the UI's side of the relay's rule (owners everyone; admins the receptionists of their
// branches), so a button is only shown where the change would be accepted.
import type { TeamMember } from '../../../../shared/api/people'
import { can, manageActionFor, type Role } from '../../../../shared/people/roles'

type Me = Pick<TeamMember, 'id' | 'role' | 'branches'>
type Other = Pick<TeamMember, 'role' | 'branches'>

const shareABranch = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x))

export function mayManage(me: Me, other: Other): boolean {
  if (!can(me.role, manageActionFor(other.role))) return false
  if (me.role === 'owner') return true
  return shareABranch(me.branches, other.branches)
}

/** The roles the signed-in person may give. */
export function rolesOffered(me: Pick<Me, 'role'>): Role[] {
  return (['receptionist', 'admin', 'owner'] as const).filter((role) =>
    can(me.role, manageActionFor(role)),
  )
}

/** The branches the signed-in person may put someone in: all of them for owners. */
export function branchesOffered(me: Me, all: readonly string[]): string[] {
  return me.role === 'owner' ? [...all] : all.filter((b) => me.branches.includes(b))
}
