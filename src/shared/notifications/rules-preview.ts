// Who gets what under a rule, as the settings screen previews it while the owner edits: the same
// choice of people the relay's dispatcher makes (cloud-relay/src/notifications/plan.ts) — active
// owners and admins only, admins by role only for events of their own branches — and, per
// channel, whether it is sent or suppressed and why. Pure, so the screen and its test agree.
import type { NotificationChannel } from './kinds.js'
import type { KindRule } from './rules.js'

export interface PreviewPerson {
  id: string
  name: string
  role: 'owner' | 'admin'
  branches: string[]
}

/** `sent`, or why not: Cal.com already emails it, or the relay has no mail server. */
export type ChannelOutcome = 'sent' | 'calcom_emails' | 'email_off'

export interface PreviewLine {
  person: PreviewPerson
  channels: { channel: NotificationChannel; outcome: ChannelOutcome }[]
  /** An admin reached through the role hears only of their own branches. */
  ownBranchesOnly: boolean
}

export function previewRule(
  rule: KindRule,
  people: readonly PreviewPerson[],
  emailEnabled: boolean,
): PreviewLine[] {
  if (!rule.enabled) return []
  const lines: PreviewLine[] = []
  for (const person of people) {
    const named = rule.recipients.people.includes(person.id)
    const byRole = rule.recipients.roles.includes(person.role)
    if (!named && !byRole) continue
    const channels = rule.channels.map((channel) => {
      let outcome: ChannelOutcome = 'sent'
      if (channel === 'email' && rule.calcomEmails) outcome = 'calcom_emails'
      else if (channel === 'email' && !emailEnabled) outcome = 'email_off'
      return { channel, outcome }
    })
    lines.push({ person, channels, ownBranchesOnly: person.role === 'admin' && !named })
  }
  // Owners first, then by name: the order the owner reads them in.
  return lines.sort(
    (a, b) =>
      Number(a.person.role !== 'owner') - Number(b.person.role !== 'owner') ||
      a.person.name.localeCompare(b.person.name),
  )
}
