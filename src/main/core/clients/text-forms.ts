// How typed text is compared: without accents, case or extra spaces, and phones by their digits.

/** What a fragment is compared on: lower case without accents, and its digits for phones. */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

export const digitsOf = (text: string) => text.replace(/\D/g, '')
