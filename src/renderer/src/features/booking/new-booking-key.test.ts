import { describe, expect, it } from 'vitest'
import { isNewBookingKey } from './new-booking-key'

const key = (over: Partial<Parameters<typeof isNewBookingKey>[0]>) => ({
  key: 'n',
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  targetTag: 'BODY',
  targetEditable: false,
  ...over,
})

describe('the New booking key', () => {
  it('is N on the grid, either case', () => {
    expect(isNewBookingKey(key({}))).toBe(true)
    expect(isNewBookingKey(key({ key: 'N', shiftKey: true }))).toBe(true)
  })

  it('is not an n typed into a field, nor Ctrl+N (a new window)', () => {
    expect(isNewBookingKey(key({ targetTag: 'INPUT' }))).toBe(false)
    expect(isNewBookingKey(key({ targetEditable: true }))).toBe(false)
    expect(isNewBookingKey(key({ ctrlKey: true }))).toBe(false)
    expect(isNewBookingKey(key({ key: 'm' }))).toBe(false)
  })
})
