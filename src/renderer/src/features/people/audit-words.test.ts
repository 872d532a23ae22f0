import { createIntl } from 'react-intl'
import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS } from '../../../../shared/api/audit-actions'
import type { AuditEntryView } from '../../../../shared/api/people'
import { MESSAGES } from '../../app/i18n/messages'
import { auditWords } from './audit-words'

const names: Record<string, string> = { per_rita: 'Rita Reception' }
const say = (locale: 'en' | 'es', entry: Pick<AuditEntryView, 'action' | 'target' | 'detail'>) => {
  const errors: unknown[] = []
  const intl = createIntl({ locale, messages: MESSAGES[locale], onError: (e) => errors.push(e) })
  const words = auditWords(entry, (id) => names[id])
  const text = intl.formatMessage({ id: words.id }, words.values)
  expect(errors, `${locale} ${entry.action}`).toEqual([])
  return text
}

describe('the audit log in words', () => {
  it('has words for every action code, in English and in Spanish, never the bare code', () => {
    for (const action of AUDIT_ACTIONS) {
      for (const locale of ['en', 'es'] as const) {
        expect(MESSAGES[locale], `${locale} ${action}`).toHaveProperty(`audit.action.${action}`)
        const text = say(locale, { action, target: null, detail: {} })
        expect(text).not.toContain(action)
        expect(text.trim()).not.toBe('')
      }
    }
    // The two languages really are two: a Spanish word for each, not the English copied.
    const differ = AUDIT_ACTIONS.filter(
      (a) => MESSAGES.en[`audit.action.${a}`] !== MESSAGES.es[`audit.action.${a}`],
    )
    expect(differ).toEqual([...AUDIT_ACTIONS])
  })

  it('says what was done to whom, from the entry’s detail', () => {
    const reset = { action: 'people.change', target: 'person:per_rita', detail: { pinReset: true } }
    expect(say('en', reset)).toBe('Reset the PIN of Rita Reception')
    expect(say('es', reset)).toBe('Cambió el PIN de Rita Reception')
    const off = { action: 'people.change', target: 'person:per_rita', detail: { active: false } }
    expect(say('en', off)).toBe('Deactivated Rita Reception')
    const checkIn = {
      action: 'appointment.visit',
      target: 'appointment:u1',
      detail: { state: 'ARRIVED' },
    }
    expect(say('en', checkIn)).toBe('Checked a client in')
    expect(say('es', checkIn)).toBe('Registró la llegada de un cliente')
    const walkIn = {
      action: 'appointment.book',
      target: 'appointment:u2',
      detail: { walkIn: true },
    }
    expect(say('en', walkIn)).toBe('Booked a walk-in')
    const idle = { action: 'session.signOut', target: null, detail: { reason: 'os-lock' } }
    expect(say('en', idle)).toBe('Was signed out when the computer locked')
    const minutes = { action: 'settings.idleSignOutMinutes', target: null, detail: { after: 15 } }
    expect(say('es', minutes)).toBe('Fijó el cierre de sesión por inactividad en 15 minutos')
  })

  it('shows a code it does not know as written, rather than hiding the entry', () => {
    expect(say('en', { action: 'printer.jammed', target: null, detail: {} })).toBe(
      'Did “printer.jammed”',
    )
  })
})
