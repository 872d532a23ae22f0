import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../app/i18n/messages'
import { formProblemWords } from './form-problem'

describe('why Book did not book', () => {
  it('asks for a time only where there is a time to choose', () => {
    expect(formProblemWords('slot', 'phone')).toBe('booking.pickSlot')
    const walkIn = formProblemWords('slot', 'walk-in')
    expect(walkIn).not.toBe('booking.pickSlot')
    expect(MESSAGES.en[walkIn]).toContain('another service')
    expect(MESSAGES.es[walkIn]).toContain('otro servicio')
  })

  it('asks for the name first, whatever the kind of booking', () => {
    expect(formProblemWords('name', 'walk-in')).toBe('booking.needName')
    expect(formProblemWords('name', 'phone')).toBe('booking.needName')
  })
})
