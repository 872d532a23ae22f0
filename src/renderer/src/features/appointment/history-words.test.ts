import { describe, expect, it } from 'vitest'
import { createIntl } from 'react-intl'
import { MESSAGES } from '../../app/i18n/messages'
import { historyWords } from './history-words'

const say = (locale: 'en' | 'es', change: string) => {
  const words = historyWords(change)
  return createIntl({ locale, messages: MESSAGES[locale] }).formatMessage(
    { id: words.id },
    words.values,
  )
}

describe('historyWords', () => {
  it('says what the desk did in the reader’s language', () => {
    expect(say('en', 'visit arrived')).toBe('Checked in')
    expect(say('es', 'visit arrived')).toBe('Llegada registrada')
    expect(say('en', 'cancelled at the desk')).toBe('Cancelled at the desk')
    expect(say('es', 'confirmed at the desk')).toBe('Confirmada en el mostrador')
  })

  it('shows a change it does not know as written, never hides it', () => {
    expect(say('es', 'status SCHEDULED → CANCELLED')).toBe('status SCHEDULED → CANCELLED')
  })
})
