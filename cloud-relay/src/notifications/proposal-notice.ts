// The owners hear of an admin's proposal at once, by email and desktop, with its readable diff:
// approving the rules is theirs alone, whatever the rules say about other kinds.
import { describeChange } from '../../../src/shared/notifications/rules-diff.js'
import type { StoredBusiness, StoredPerson } from '../storage/business-types.js'
import type { NewNotification, StoredProposal } from '../storage/notification-types.js'
import { kindLabel, languageOf } from './messages.js'

export const CLOSING = {
  en: 'Approve or reject it at a desk, with your PIN.',
  es: 'Apruébelo o recházelo en un mostrador, con su PIN.',
} as const

export function proposalNotices(
  p: StoredProposal,
  business: StoredBusiness,
  proposer: StoredPerson,
  emailEnabled: boolean,
  now: Date,
): NewNotification[] {
  const out: NewNotification[] = []
  for (const owner of business.people.filter((x) => x.role === 'owner' && x.active)) {
    const lang = languageOf(owner.language)
    const title = kindLabel('rules.proposal', lang)
    const body = [
      p.reason ? `${proposer.name}: “${p.reason}”` : proposer.name,
      ...p.changes.map((c) => `– ${describeChange(c, lang)}`),
      CLOSING[lang],
    ].join('\n')
    for (const channel of ['desktop', 'email'] as const) {
      const off = channel === 'email' && !emailEnabled
      out.push({
        key: `prp:${p.id}|${owner.id}|${channel}`,
        businessId: business.id,
        personId: owner.id,
        channel,
        kind: 'rules.proposal',
        branchId: null,
        sourceKey: `prp:${p.id}`,
        status: off ? 'suppressed' : 'pending',
        reason: off ? 'email_off' : null,
        facts: {
          title,
          body,
          language: lang,
          email: owner.email,
          branchName: business.name,
          bookingUid: null,
        },
        createdAt: now,
        dueAt: now,
        coalesceMinutes: 0,
      })
    }
  }
  return out
}
