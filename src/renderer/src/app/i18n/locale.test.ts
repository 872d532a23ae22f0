import { describe, expect, it } from 'vitest'
import { resolveLocale } from './locale'

describe('resolveLocale', () => {
  it('speaks the first OS language it has words for', () => {
    expect(resolveLocale(null, ['es-MX', 'en-US'])).toBe('es')
    expect(resolveLocale(null, ['fr-FR', 'es-ES'])).toBe('es')
    expect(resolveLocale(null, ['en-GB'])).toBe('en')
  })

  it('falls back to English when none of the OS languages has a catalog', () => {
    expect(resolveLocale(null, ['fr-FR', 'de'])).toBe('en')
    expect(resolveLocale(null, [])).toBe('en')
  })

  it('lets the override from settings win, and ignores an override it cannot speak', () => {
    expect(resolveLocale('en', ['es-ES'])).toBe('en')
    expect(resolveLocale('es', ['en-US'])).toBe('es')
    expect(resolveLocale('klingon', ['es-ES'])).toBe('es')
  })
})
