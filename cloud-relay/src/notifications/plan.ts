// Who gets what for one source event, under the business's rules (DESIGN.md §8): pure, so the
// dispatcher only loads, plans and stores. Owners and admins only — admins for their branches —
// whatever the rules name.
import type { NotificationRules } from '../../../src/shared/notifications/rules.js'
import type { StoredBusiness, StoredPerson } from '../storage/business-types.js'
import type { NewNotification } from '../storage/notification-types.js'
import type { NotificationSource } from './classify.js'
import { defaultBranchName, describeEvent, languageOf, type MessageLanguage } from './messages.js'
import { quietUntil } from './quiet-hours.js'

export interface PlanContext {
  business: StoredBusiness
  rules: NotificationRules
  now: Date
  emailEnabled: boolean
}

function recipients(
  source: NotificationSource,
  rule: NotificationRules['kinds'][keyof NotificationRules['kinds']],
  people: StoredPerson[],
): StoredPerson[] {
  const worksHere = (p: StoredPerson) => p.role === 'owner' || p.branches.includes(source.branchId)
  return people.filter(
    (p) =>
      p.active &&
      p.role !== 'receptionist' &&
      ((rule.recipients.roles.includes(p.role) && worksHere(p)) ||
        rule.recipients.people.includes(p.id)),
  )
}

/**
 * What a message calls a branch: the business's own name for it (the Team screen's), else the
 * name the rules once carried (before branches had names of their own), else "Branch N".
 */
function branchNameOf(ctx: PlanContext, id: string, lang: MessageLanguage): string {
  return (
    ctx.business.branchNames[id] ??
    ctx.rules.branchNames[id] ??
    defaultBranchName(Math.max(0, ctx.business.channelIds.indexOf(id)), lang)
  )
}

export function planNotifications(source: NotificationSource, ctx: PlanContext): NewNotification[] {
  const rule = ctx.rules.kinds[source.kind]
  if (!rule.enabled) return []
  if (rule.branches !== 'all' && !rule.branches.includes(source.branchId)) return []
  const zone = source.zone ?? 'UTC'
  const held =
    rule.quietHours && ctx.rules.quietHours
      ? quietUntil(ctx.rules.quietHours, ctx.now, zone)
      : undefined
  const out: NewNotification[] = []
  for (const person of recipients(source, rule, ctx.business.people)) {
    const lang = languageOf(person.language)
    const nameOf = (id: string) => branchNameOf(ctx, id, lang)
    const branchName = nameOf(source.branchId)
    const { title, body } = describeEvent({
      kind: source.kind,
      lang,
      branchName,
      zone,
      booking: source.booking,
      summary: source.summary,
      problem: source.problem ?? null,
      daily: source.daily ?? null,
      nameOf,
    })
    for (const channel of rule.channels) {
      let status: NewNotification['status'] = 'pending'
      let reason: string | null = null
      let dueAt = new Date(ctx.now.getTime() + rule.coalesceMinutes * 60_000)
      if (channel === 'email' && rule.calcomEmails) {
        status = 'suppressed'
        reason = 'calcom_emails'
      } else if (channel === 'email' && !ctx.emailEnabled) {
        status = 'suppressed'
        reason = 'email_off'
      } else if (held) {
        status = 'held'
        reason = 'quiet_hours'
        dueAt = held
      }
      out.push({
        key: `${source.sourceKey}|${person.id}|${channel}`,
        businessId: ctx.business.id,
        personId: person.id,
        channel,
        kind: source.kind,
        branchId: source.branchId,
        sourceKey: source.sourceKey,
        status,
        reason,
        facts: {
          title,
          body,
          language: lang,
          email: person.email,
          branchName,
          bookingUid: source.booking?.uid ?? null,
        },
        createdAt: ctx.now,
        dueAt,
        coalesceMinutes: rule.coalesceMinutes,
      })
    }
  }
  return out
}
