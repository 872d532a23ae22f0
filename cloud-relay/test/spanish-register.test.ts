// The relay's Spanish (owners' and admins' emails and desktop notices) speaks as the desk does:
// "usted", and the reception PC is "el mostrador". It said "tú" and "el escritorio", so an owner
// read one word in the app and another in the mail about the same desk.
import { describe, expect, it } from 'vitest'
import { KIND_LABELS, WORDS } from '../src/notifications/messages.js'
import { CLOSING } from '../src/notifications/proposal-notice.js'

const TU =
  /\b(tu|tus|tú|te|Vuelve a conectar|Comprueba|comprueba|Revisa|Elige|Apruébalo|recházalo|Puedes|escritorio|escritorios)\b/

const texts = (words: Record<string, unknown>): string[] =>
  Object.values(words).map((w) =>
    typeof w === 'function'
      ? String((w as (...a: unknown[]) => unknown)('1 dic, 9:00', 2))
      : String(w),
  )

describe("the relay's Spanish", () => {
  it('addresses owners as usted and calls the reception PC the mostrador', () => {
    const all = [...texts(KIND_LABELS.es), ...texts(WORDS.es), CLOSING.es]
    expect(all.filter((t) => TU.test(t))).toEqual([])
    expect(CLOSING.es).toContain('mostrador')
    expect(KIND_LABELS.es['desk.needs_attention']).toContain('mostrador')
  })
})
