// Both languages say everything, with the same placeholders, in valid ICU syntax.
import { createIntl } from 'react-intl'
import { describe, expect, it } from 'vitest'
import { CATALOGS } from './messages'

/** The {names} an ICU message uses (plural/select arguments included). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>()
  for (const match of message.matchAll(/\{\s*(\w+)\s*(?:,|\})/g)) names.add(match[1]!)
  return [...names].sort()
}

describe('catalogs', () => {
  for (const [feature, { en, es }] of Object.entries(CATALOGS)) {
    it(`${feature}: Spanish has every English key and no other`, () => {
      expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort())
    })

    it(`${feature}: every message parses and both languages take the same arguments`, () => {
      for (const [key, english] of Object.entries(en) as [string, string][]) {
        const spanish = (es as Record<string, string>)[key]!
        expect(argumentsOf(spanish), key).toEqual(argumentsOf(english))
        const values = Object.fromEntries(argumentsOf(english).map((name) => [name, 1]))
        for (const [locale, message] of [
          ['en', english],
          ['es', spanish],
        ] as const) {
          const errors: unknown[] = []
          createIntl({
            locale,
            messages: { [key]: message } as never,
            onError: (e) => errors.push(e),
          })
            // eslint-disable-next-line @typescript-eslint/no-explicit-any
            .formatMessage({ id: key as any }, values)
          expect(errors, `${locale} ${key}`).toEqual([])
        }
      }
    })
  }

  it('no key is defined by two features (one would silently win)', () => {
    const seen = new Map<string, string>()
    for (const [feature, { en }] of Object.entries(CATALOGS)) {
      for (const key of Object.keys(en)) {
        expect(seen.get(key), `${key} in ${feature}`).toBeUndefined()
        seen.set(key, feature)
      }
    }
  })
})
