import { createIntl } from 'react-intl'
import { describe, expect, it } from 'vitest'
import type { Appointment } from '../../../../shared/api/schemas'
import { MESSAGES } from '../../app/i18n/messages'
import { bookedWords } from './booked-words'

const appointment = {
  attendee: { name: 'Wanda Walkin' },
  start: '2026-12-15T20:00:00.000Z',
} as Appointment

const say = (locale: 'en' | 'es') => {
  const intl = createIntl({ locale, messages: MESSAGES[locale] })
  const { id, values } = bookedWords({ appointment }, 'America/Toronto', locale)
  return intl.formatMessage({ id }, values)
}

describe('the line after a booking', () => {
  it('names the client and the start in the branch zone, in both languages', () => {
    expect(say('en')).toBe('Booked Wanda Walkin at 15:00.')
    expect(say('es')).toBe('Wanda Walkin reservado a las 15:00.')
  })
})
