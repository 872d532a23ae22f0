// What a typed search becomes in FTS5's query language. Pure: the store runs it, tests read it.
// Every word the receptionist typed must prefix-match some word of a client's names, emails or
// phones; accents and case are the tokenizer's business (unicode61 remove_diacritics 2), so
// "jose gar" finds "José García". A query of digits and phone punctuation only is a phone
// number: its digits are one prefix of the phone forms the index holds ("416 555" → 416555*).
import { digitsOf } from './text-forms'

/** Each word as an FTS5 string (quotes doubled) with a prefix star; null when nothing to find. */
export function ftsQuery(typed: string): string | null {
  const text = typed.normalize('NFC').trim()
  if (/^[\d\s+().\-/]+$/.test(text)) {
    const digits = digitsOf(text)
    return digits ? `phones : "${digits}"*` : null
  }
  const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  if (words.length === 0) return null
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ')
}
