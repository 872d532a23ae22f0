import { createIntl } from 'react-intl'
import { describe, expect, it } from 'vitest'
import { refusalReason } from '../../../../shared/api/outbox-reasons'
import { MESSAGES } from '../../app/i18n/messages'
import { opWords, reasonWords } from './reason-words'

const say = (locale: 'en' | 'es', words: ReturnType<typeof reasonWords>) =>
  createIntl({ locale, messages: MESSAGES[locale] }).formatMessage({ id: words.id }, words.values)

describe("Cal.com's refusals in plain words", () => {
  it('tells a slot taken meanwhile in both languages', () => {
    const words = reasonWords(
      refusalReason('User either already has booking at this time or is not available'),
    )
    expect(say('en', words)).toBe('Someone else took this time in Cal.com first.')
    expect(say('es', words)).toBe('Otra persona reservó esta hora en Cal.com antes.')
  })

  it('recognises a start in the past and a booking already cancelled', () => {
    expect(reasonWords(refusalReason('Attempting to book a meeting in the past.')).id).toBe(
      'attention.reason.past',
    )
    expect(reasonWords(refusalReason('This booking has already been cancelled.')).id).toBe(
      'attention.reason.alreadyCancelled',
    )
  })

  it("shows a reason it does not know as Cal.com's own sentence, and a missing one as unknown", () => {
    const words = reasonWords(refusalReason('Event type is locked for maintenance'))
    expect(say('en', words)).toBe('Cal.com said: “Event type is locked for maintenance”')
    expect(say('es', words)).toBe('Cal.com respondió: «Event type is locked for maintenance»')
    expect(say('en', reasonWords(null))).toBe('Cal.com refused this change without saying why.')
  })

  it('tells reasons that are not refusals: unreachable, disconnected, interrupted', () => {
    expect(
      say('en', reasonWords({ code: 'calcom_unavailable', params: { message: 'fetch failed' } })),
    ).toBe('Cal.com could not be reached; the desk will try again.')
    expect(say('es', reasonWords({ code: 'interrupted', params: {} }))).toBe(
      'El mostrador se detuvo mientras enviaba este cambio; lo comprobará con Cal.com antes de volver a enviarlo.',
    )
    expect(say('en', reasonWords({ code: 'unrecognised', params: { message: 'Old words' } }))).toBe(
      'Cal.com said: “Old words”',
    )
  })

  it('names the change, and an operation it does not know by its code', () => {
    expect(say('es', opWords('create'))).toBe('Nueva cita')
    expect(say('en', opWords('teleport'))).toBe('Change “teleport”')
  })
})
