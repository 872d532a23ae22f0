import { createIntl } from 'react-intl'
import { describe, expect, it } from 'vitest'
import { ApiRequestError } from '../../app/api-client'
import { MESSAGES } from '../../app/i18n/messages'
import { slotsProblemWords, type SlotsProblemContext } from './slots-problem-words'

const unavailable = new ApiRequestError('Cal.com could not be asked.', 'SLOTS_UNAVAILABLE', 503)

const say = (locale: 'en' | 'es', error: unknown, context: SlotsProblemContext) =>
  slotsProblemWords(createIntl({ locale, messages: MESSAGES[locale] }), error, context)

describe('why no free times are shown', () => {
  it('names the person chosen, and points to "Anyone free" when it has times', () => {
    const context = { member: { name: 'Lee Park' }, anyoneHasTimes: true }
    const english = say('en', unavailable, context)
    expect(english).toContain('Lee Park’s free times cannot be read from Cal.com right now')
    expect(english).toContain('“Anyone free” has times')
    expect(english).not.toContain('this desk has none saved')
    const spanish = say('es', unavailable, context)
    expect(spanish).toContain('las horas libres de Lee Park')
    expect(spanish).toContain('«Quien esté libre» sí tiene horas')
  })

  it('names the person without pointing anywhere when "Anyone free" has nothing either', () => {
    const context = { member: { name: 'Lee Park' }, anyoneHasTimes: false }
    expect(say('en', unavailable, context)).toBe(
      'Lee Park’s free times cannot be read from Cal.com right now, and this desk has none of theirs saved for that day.',
    )
    expect(say('es', unavailable, context)).not.toContain('Quien esté libre')
  })

  it('says what the desk lacks for "Anyone free", and other problems as before', () => {
    const anyone = { member: null, anyoneHasTimes: false }
    expect(say('en', unavailable, anyone)).toContain('this desk has none saved for that day')
    expect(say('es', unavailable, anyone)).toContain('este mostrador no tiene ninguna guardada')
    const other = new ApiRequestError('Duplicate.', 'DUPLICATE_BOOKING', 409)
    expect(say('en', other, { member: { name: 'Lee Park' }, anyoneHasTimes: true })).toBe(
      'This client already has this booking at this time.',
    )
  })
})
