import { describe, expect, it } from 'vitest'
import { createIntl } from 'react-intl'
import { MESSAGES } from '../../app/i18n/messages'
import type { HistoryChange } from '../../../../shared/api/history-codes'
import { historyWords } from './history-words'

const say = (locale: 'en' | 'es', change: HistoryChange) => {
  const intl = createIntl({ locale, messages: MESSAGES[locale] })
  return historyWords(change)
    .map((w) => intl.formatMessage({ id: w.id }, w.values))
    .join(', ')
}

describe('historyWords', () => {
  it('says what the desk did in the reader’s language', () => {
    const arrived = { code: 'visit_changed', params: { state: 'ARRIVED' } } as const
    expect(say('en', arrived)).toBe('Checked in')
    expect(say('es', arrived)).toBe('Llegada registrada')
    expect(say('en', { code: 'cancelled_at_desk', params: {} })).toBe('Cancelled at the desk')
    expect(say('es', { code: 'confirmed_at_desk', params: {} })).toBe('Confirmada en el mostrador')
  })

  it('says a cancellation at the desk was late, inside the service’s window', () => {
    const late = {
      code: 'cancelled_at_desk',
      params: { op: 'cancel', late: true, windowHours: 24 },
    } as const
    expect(say('en', late)).toBe(
      'Cancelled at the desk, late: less than 24 h before the start (the service’s policy)',
    )
    expect(say('es', late)).toBe(
      'Cancelada en el mostrador, tarde: a menos de 24 h del inicio (política del servicio)',
    )
  })

  it('says a cancellation in Cal.com was late', () => {
    const late = {
      code: 'calcom_changed',
      params: { statusFrom: 'SCHEDULED', statusTo: 'CANCELLED', late: true, windowHours: 48 },
    } as const
    expect(say('en', late)).toBe(
      'Cancelled in Cal.com, late: less than 48 h before the start (the service’s policy)',
    )
  })

  it('says what Cal.com changed, every part of it', () => {
    const change = {
      code: 'calcom_changed',
      params: { statusFrom: 'SCHEDULED', statusTo: 'CANCELLED', moved: true },
    } as const
    expect(say('en', change)).toBe('Cancelled in Cal.com, Moved')
    expect(say('es', change)).toBe('Cancelada en Cal.com, Movida')
  })

  it('shows a change it does not know as written, never hides it', () => {
    const old = { code: 'unrecognised', params: { text: 'something a desk once wrote' } } as const
    expect(say('es', old)).toBe('something a desk once wrote')
  })
})
