import { randomBytes } from 'node:crypto'
import { sha256Hex } from '../ids.js'

// Crockford base32: no I, L, O or U, so a code read aloud or typed from paper survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const LENGTH = 16 // 80 bits: guessing one live code at the join route's rate limit takes ages.

export const JOIN_CODE_TTL_MS = 24 * 60 * 60_000

/** A new code, shown once to the owner as `XXXX-XXXX-XXXX-XXXX`; only its hash is stored. */
export function newJoinCode(): string {
  const bytes = randomBytes(LENGTH)
  const chars = [...bytes].map((b) => ALPHABET[b & 31] as string)
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-')
}

/** The stored form of a code as typed: case, dashes and spaces do not matter; O, I, L read as 0, 1, 1. */
export function joinCodeHash(typed: string): string {
  const canonical = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  return sha256Hex(`join:${canonical}`)
}
