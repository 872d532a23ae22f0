import { describe, expect, it } from 'vitest'
import { enterBooks } from './client-enter'

describe('Enter in the client name field', () => {
  it('books when the suggestions are closed', () => {
    expect(enterBooks({ isOpen: false, focusedKey: null })).toBe(true)
  })

  it('books when suggestions are shown but none is highlighted', () => {
    expect(enterBooks({ isOpen: true, focusedKey: null })).toBe(true)
    expect(enterBooks({ isOpen: true, focusedKey: undefined })).toBe(true)
  })

  it('chooses the highlighted suggestion instead of booking', () => {
    expect(enterBooks({ isOpen: true, focusedKey: 'Rosa Díaz' })).toBe(false)
  })
})
