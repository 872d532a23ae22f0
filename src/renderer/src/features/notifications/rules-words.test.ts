import { createIntl } from 'react-intl'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../app/i18n/messages'
import { changeLine } from './rules-words'

const intlOf = (locale: 'en' | 'es') => createIntl({ locale, messages: MESSAGES[locale] })
const names: Record<string, string> = { per_ada: 'Ada Admin' }
const nameOf = (id: string) => names[id] ?? id

describe('a proposal’s change lines', () => {
  it('name the kind and the people in the reader’s language', () => {
    const change = {
      path: 'kinds/booking.created/recipients',
      before: { roles: ['owner'], people: [] },
      after: { roles: ['owner'], people: ['per_ada'] },
    }
    expect(changeLine(intlOf('en'), change, nameOf)).toBe(
      'New booking — who: owners → owners, Ada Admin',
    )
    expect(changeLine(intlOf('es'), change, nameOf)).toBe(
      'Cita nueva — a quién: propietarios → propietarios, Ada Admin',
    )
  })

  it('word quiet hours and channels', () => {
    const quiet = { path: 'quietHours', before: { start: '21:00', end: '08:00' }, after: null }
    expect(changeLine(intlOf('en'), quiet, nameOf)).toBe('Quiet hours: 21:00–08:00 → nothing')
    const how = {
      path: 'kinds/booking.no_show/channels',
      before: ['desktop', 'email'],
      after: ['desktop'],
    }
    expect(changeLine(intlOf('es'), how, nameOf)).toBe(
      'No se presentó — cómo: en el ordenador, por correo → en el ordenador',
    )
  })
})
