// One audit entry as words: the message for its action code and the values that message takes,
// read from the entry's detail. Pure, so every code is tested in both languages without a page.
import type { AuditEntryView } from '../../../../shared/api/people'
import { isAuditAction } from '../../../../shared/api/audit-actions'
import type { MessageId } from '../../app/i18n/messages'

export interface AuditWords {
  id: MessageId
  values: Record<string, string | number>
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** `nameOf` finds a team member's name by id, for entries about a person. */
export function auditWords(
  entry: Pick<AuditEntryView, 'action' | 'target' | 'detail'>,
  nameOf: (personId: string) => string | undefined,
): AuditWords {
  if (!isAuditAction(entry.action)) {
    // A code this version does not know (written by a newer one): shown as it is, never hidden.
    return { id: 'audit.unknownAction', values: { code: entry.action } }
  }
  const detail = (entry.detail ?? {}) as Record<string, unknown>
  const personId = entry.target?.startsWith('person:') ? entry.target.slice('person:'.length) : ''
  const subject = nameOf(personId) ?? personId
  const id: MessageId = `audit.action.${entry.action}`
  switch (entry.action) {
    case 'appointment.book':
      return { id, values: { walkIn: detail.walkIn === true ? 'yes' : 'no' } }
    case 'appointment.visit':
      return { id, values: { state: text(detail.state) || 'notes' } }
    case 'session.signOut':
      return { id, values: { reason: text(detail.reason).replace('-', '_') || 'user' } }
    case 'settings.idleSignOutMinutes':
      return { id, values: { minutes: typeof detail.after === 'number' ? detail.after : 0 } }
    case 'settings.computer':
      return { id, values: { startAtLogin: detail.startAtLogin === true ? 'true' : 'false' } }
    case 'notifications.desktop':
      return { id, values: { enabled: detail.enabled === true ? 'true' : 'false' } }
    case 'cancellationPolicy.set':
      return {
        id,
        values: { windowHours: typeof detail.windowHours === 'number' ? detail.windowHours : 0 },
      }
    case 'business.renameBranch':
      return { id, values: { name: text(detail.name) } }
    case 'people.add':
      return { id, values: { subject } }
    case 'people.change': {
      const change =
        detail.pinReset === true
          ? 'pin'
          : detail.active === false
            ? 'deactivate'
            : detail.active === true
              ? 'reactivate'
              : 'details'
      return { id, values: { subject, change } }
    }
    default:
      return { id, values: {} }
  }
}
