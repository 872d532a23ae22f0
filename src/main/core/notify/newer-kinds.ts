// What a newer relay sends of notification kinds this desk does not know yet (a relay is upgraded
// before its desks, and kinds are only ever added: shared/notifications/kinds.ts). Its answers
// have been checked by then (shared/relay/notification-answers.ts); here they are sorted:
//
// - a desktop notification of such a kind cannot be shown here, so it is set aside and the poll
//   moves on past it: one this desk cannot show must not hold back the ones after it;
// - the rules of such kinds stay out of what the settings screens see and edit, and go back to
//   the relay unchanged with every change of the rules, because the relay takes the whole
//   document: a PUT without them would refuse, or drop the owner's choices for those kinds.
import type { DesktopPollAnswer } from '../../../shared/relay/notification-answers'
import { MESSAGE_KINDS } from '../../../shared/relay/notification-answers'
import type { NotificationRules } from '../../../shared/notifications/rules'
import { isNotificationKind } from '../../../shared/notifications/kinds'
import type { DesktopNotification } from '../../../shared/relay/relay-contract'

const isMessageKind = (kind: string): boolean => (MESSAGE_KINDS as readonly string[]).includes(kind)

export interface DesktopPage {
  /** The notifications this desk can show, in the relay's order. */
  notifications: DesktopNotification[]
  /** Past every notification of the page, those skipped included. */
  nextAfter: number
  /** The kinds skipped, each once, in the order met. */
  skippedKinds: string[]
}

export function showablePage(answer: DesktopPollAnswer): DesktopPage {
  const notifications: DesktopNotification[] = []
  const skipped = new Set<string>()
  for (const n of answer.notifications) {
    if (isMessageKind(n.kind)) notifications.push(n as DesktopNotification)
    else skipped.add(n.kind)
  }
  return { notifications, nextAfter: answer.nextAfter, skippedKinds: [...skipped] }
}

/** The rules of a newer relay's kinds, as it sent them (kind → its rule, never read here). */
export type NewerKindRules = Record<string, unknown>

/** The document this desk knows, and beside it the rules of kinds it does not. */
export function splitKinds(rules: NotificationRules): {
  rules: NotificationRules
  newer: NewerKindRules
} {
  const known: Record<string, unknown> = {}
  const newer: NewerKindRules = {}
  for (const [kind, rule] of Object.entries(rules.kinds)) {
    if (isNotificationKind(kind)) known[kind] = rule
    else newer[kind] = rule
  }
  return { rules: { ...rules, kinds: known as NotificationRules['kinds'] }, newer }
}

/** A document to send: the rules this desk edited, with the newer kinds' rules as they came. */
export function withNewerKinds(rules: NotificationRules, newer: NewerKindRules): NotificationRules {
  const kinds: Record<string, unknown> = { ...rules.kinds }
  // The kinds this desk knows are its own to set: a newer kind's rule never stands for one.
  for (const [kind, rule] of Object.entries(newer))
    if (!isNotificationKind(kind)) kinds[kind] = rule
  return { ...rules, kinds: kinds as NotificationRules['kinds'] }
}
