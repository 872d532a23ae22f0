import { createIntl } from 'react-intl'
import { MESSAGES } from '../../app/i18n/messages'
import { describe, expect, it } from 'vitest'
import { formatWhen } from './when'

describe('an instant on the sync health page', () => {
  it('reads on the 24-hour clock, as the day grid and the drawer do, in English too', () => {
    const en = createIntl({ locale: 'en', messages: MESSAGES.en })
    expect(formatWhen(en, '2026-12-15T20:00:30Z', 'America/Toronto')).toBe('Dec 15, 2026, 15:00:30')
  })

  it('keeps the branch zone and the language’s own date', () => {
    const es = createIntl({ locale: 'es', messages: MESSAGES.es })
    expect(formatWhen(es, '2026-12-15T20:00:30Z', 'Europe/Berlin')).toBe('15 dic 2026, 21:00:30')
  })
})
