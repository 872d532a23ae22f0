import { describe, expect, it } from 'vitest'
import { regionalLocale, resolveLocale } from './locale'

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

describe('regionalLocale', () => {
  it('lays dates out in the OS region of the language the desk speaks', () => {
    expect(regionalLocale('en', ['en-GB'])).toBe('en-GB')
    expect(regionalLocale('en', ['en-US'])).toBe('en-US')
    expect(regionalLocale('es', ['es-MX', 'en-US'])).toBe('es-MX')
    // The first tag of that language with a region: a bare "en" first says nothing of where.
    expect(regionalLocale('en', ['fr-FR', 'en', 'en-AU'])).toBe('en-AU')
  })

  it('keeps the language alone where the OS names no region for it', () => {
    expect(regionalLocale('en', ['es-ES'])).toBe('en')
    expect(regionalLocale('en', ['en'])).toBe('en')
    expect(regionalLocale('es', [])).toBe('es')
  })

  it('drops what a tag adds beyond its region, and skips a tag that is not one', () => {
    expect(regionalLocale('en', ['en-GB-u-ca-buddhist'])).toBe('en-GB')
    expect(regionalLocale('en', ['not a tag', 'en-IE'])).toBe('en-IE')
  })
})
