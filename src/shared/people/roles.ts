// Who may do what (DESIGN.md §7): one table read by the relay, the desk's local API and the UI,
// so a refusal and a hidden button always agree.

export const ROLES = ['owner', 'admin', 'receptionist'] as const
export type Role = (typeof ROLES)[number]

export const ACTIONS = [
  // The day's work.
  'appointment.book',
  'appointment.checkIn',
  'appointment.noShow',
  'appointment.cancel',
  'appointment.reschedule',
  'appointment.confirm',
  'appointment.decline',
  'appointment.note',
  // Running a branch.
  'branch.settings',
  'branch.connect',
  'branch.disconnect',
  'attention.discard',
  'audit.read',
  /** Adding and removing the branches this app holds (DESIGN.md §9). */
  'branches.manage',
  /** The "All branches" overview: the business's numbers, revenue included. */
  'overview.read',
  /** The sync health page's logs (Cal.com calls, events): owners and admins. */
  'sync.read',
  // People.
  'people.manageReceptionists',
  'people.manageAdmins',
  'people.manageOwners',
  'business.edit',
  'business.joinCode',
  // Notification rules (§8): admins propose, only the owner approves.
  'notifications.propose',
  'notifications.approve',
] as const
export type Action = (typeof ACTIONS)[number]

const DAY_WORK: readonly Action[] = ACTIONS.filter((a) => a.startsWith('appointment.'))

const ADMIN: readonly Action[] = [
  ...DAY_WORK,
  'branch.settings',
  'branch.connect',
  'branch.disconnect',
  'attention.discard',
  'audit.read',
  'branches.manage',
  'overview.read',
  'sync.read',
  'people.manageReceptionists',
  'notifications.propose',
]

const TABLE: Record<Role, ReadonlySet<Action>> = {
  owner: new Set(ACTIONS),
  admin: new Set(ADMIN),
  receptionist: new Set(DAY_WORK),
}

export function can(role: Role, action: Action): boolean {
  return TABLE[role].has(action)
}

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value)

/** The action that changing a person of this role takes: who may manage whom. */
export function manageActionFor(role: Role): Action {
  if (role === 'owner') return 'people.manageOwners'
  if (role === 'admin') return 'people.manageAdmins'
  return 'people.manageReceptionists'
}
