// Words for the rules the relay sends as ids and codes: a kind's name, and a proposal's change
// lines (shared/notifications/rules-diff.ts words, with people named and kinds in the reader's
// language).
import type { IntlShape } from 'react-intl'
import { isNotificationKind } from '../../../../shared/notifications/kinds'
import { describeChange, type RulesChange } from '../../../../shared/notifications/rules-diff'
import type { MessageId } from '../../app/i18n/messages'

export function kindName(intl: IntlShape, kind: string): string {
  const id = `notifications.kind.${kind}` as MessageId
  return id in intl.messages ? intl.formatMessage({ id }) : kind
}

/** One readable line per change: `New booking — how: desktop, email → desktop`. */
export function changeLine(
  intl: IntlShape,
  change: RulesChange,
  nameOf: (personId: string) => string,
): string {
  const lang = intl.locale.startsWith('es') ? 'es' : 'en'
  const withNames = (value: unknown) => {
    const r = value as { roles: string[]; people: string[] } | null | undefined
    return r && Array.isArray(r.people) ? { ...r, people: r.people.map(nameOf) } : value
  }
  const channelWords = (value: unknown) =>
    Array.isArray(value)
      ? value.map((c) =>
          intl.formatMessage({
            id: c === 'email' ? 'notifications.preview.email' : 'notifications.preview.desktop',
          }),
        )
      : value
  const named = change.path.endsWith('/recipients')
    ? { ...change, before: withNames(change.before), after: withNames(change.after) }
    : change.path.endsWith('/channels')
      ? { ...change, before: channelWords(change.before), after: channelWords(change.after) }
      : change
  const line = describeChange(named, lang)
  const kind = change.path.split('/')[1] ?? ''
  return change.path.startsWith('kinds/') && isNotificationKind(kind) && line.startsWith(kind)
    ? kindName(intl, kind) + line.slice(kind.length)
    : line
}
