import { createIntl } from 'react-intl'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../app/i18n/messages'
import { minutesUntil, nextFreeWords } from './next-free-words'

// 11:10 in Toronto (EST) on the desk clock.
const now = new Date('2026-12-15T16:10:00Z')
const TORONTO = 'America/Toronto'

const say = (slot: string, locale: 'en' | 'es', at = now) => {
  const intl = createIntl({ locale, messages: MESSAGES[locale] })
  const { id, values } = nextFreeWords(slot, at, TORONTO, locale)
  return intl.formatMessage({ id }, values)
}

describe('the walk-in’s next free time', () => {
  it('says how far off a time hours away is, in both languages', () => {
    expect(say('2026-12-15T21:30:00Z', 'en')).toBe('Next free time: 16:30 (in 5 h 20 min)')
    expect(say('2026-12-15T21:30:00Z', 'es')).toBe(
      'Próxima hora libre: 16:30 (dentro de 5 h 20 min)',
    )
  })

  it('leaves out the hours under one, and the minutes on the whole hour', () => {
    expect(say('2026-12-15T16:50:00Z', 'en')).toBe('Next free time: 11:50 (in 40 min)')
    expect(say('2026-12-15T16:50:00Z', 'es')).toBe('Próxima hora libre: 11:50 (dentro de 40 min)')
    expect(say('2026-12-15T18:10:00Z', 'en')).toBe('Next free time: 13:10 (in 2 h)')
    expect(say('2026-12-15T18:10:00Z', 'es')).toBe('Próxima hora libre: 13:10 (dentro de 2 h)')
    expect(say('2026-12-15T17:11:00Z', 'en')).toBe('Next free time: 12:11 (in 1 h 1 min)')
  })

  it('says the time alone when it is within a quarter of an hour', () => {
    expect(say('2026-12-15T16:25:00Z', 'en')).toBe('Next free time: 11:25')
    expect(say('2026-12-15T16:10:00Z', 'es')).toBe('Próxima hora libre: 11:10')
    expect(say('2026-12-15T16:26:00Z', 'en')).toBe('Next free time: 11:26 (in 16 min)')
  })

  it('counts from the minute on the desk clock, as the receptionist reads it', () => {
    // 11:10:45 still reads 11:10: 16:30 is 5 h 20 min away on the clock.
    expect(minutesUntil('2026-12-15T21:30:00Z', new Date('2026-12-15T16:10:45Z'))).toBe(320)
    expect(say('2026-12-15T21:30:00Z', 'en', new Date('2026-12-15T16:10:45Z'))).toBe(
      'Next free time: 16:30 (in 5 h 20 min)',
    )
  })

  it('reads the time in the branch’s zone, not the machine’s', () => {
    const intl = createIntl({ locale: 'en', messages: MESSAGES.en })
    const { id, values } = nextFreeWords('2026-12-15T21:30:00Z', now, 'Europe/Lisbon', 'en')
    expect(intl.formatMessage({ id }, values)).toBe('Next free time: 21:30 (in 5 h 20 min)')
  })
})
