// What the schema cannot say about a rules document: that it names this business's people and
// branches, and that only owners and admins are notified. The relay answers a 400 with the
// field; the desk can run the same check before sending.
import type { Role } from '../people/roles.js'
import type { NotificationRules } from './rules.js'

export interface RulesCheckContext {
  branches: readonly string[]
  people: readonly { id: string; role: Role; active: boolean }[]
}

export interface RulesProblem {
  /** Relative to the document, as `kinds/booking.created/recipients/people/0`. */
  field: string
  problem: string
}

export function checkRules(
  rules: NotificationRules,
  ctx: RulesCheckContext,
): RulesProblem | undefined {
  const isBranch = (id: string) => ctx.branches.includes(id)
  for (const [kind, rule] of Object.entries(rules.kinds)) {
    const at = `kinds/${kind}`
    for (const [i, id] of rule.recipients.people.entries()) {
      const person = ctx.people.find((p) => p.id === id)
      if (!person)
        return {
          field: `${at}/recipients/people/${i}`,
          problem: 'is not a person of this business',
        }
      if (person.role === 'receptionist')
        return {
          field: `${at}/recipients/people/${i}`,
          problem: 'is a receptionist: only owners and admins are notified',
        }
      if (!person.active)
        return { field: `${at}/recipients/people/${i}`, problem: 'is no longer active' }
    }
    if (rule.branches !== 'all') {
      const i = rule.branches.findIndex((b) => !isBranch(b))
      if (i >= 0)
        return { field: `${at}/branches/${i}`, problem: 'is not a branch of this business' }
    }
  }
  if (rules.quietHours && rules.quietHours.start === rules.quietHours.end)
    return {
      field: 'quietHours/end',
      problem: 'must differ from start (use null for no quiet hours)',
    }
  const seen = new Set<string>()
  for (const [i, p] of rules.cancellationPolicies.entries()) {
    if (!isBranch(p.branchId))
      return {
        field: `cancellationPolicies/${i}/branchId`,
        problem: 'is not a branch of this business',
      }
    const key = `${p.branchId}:${p.eventTypeId}`
    if (seen.has(key))
      return { field: `cancellationPolicies/${i}/eventTypeId`, problem: 'has a policy already' }
    seen.add(key)
  }
  for (const id of Object.keys(rules.branchNames)) {
    if (!isBranch(id))
      return { field: `branchNames/${id}`, problem: 'is not a branch of this business' }
  }
  return undefined
}
