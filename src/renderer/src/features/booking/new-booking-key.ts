// N opens New booking from the day grid, unless the key is typed into a field or pressed with a
// modifier (those belong to the field or the system).
import type { KeyLike } from '../day/day-keys'

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT'])

export function isNewBookingKey(key: KeyLike): boolean {
  if (key.ctrlKey || key.altKey || key.metaKey) return false
  if (TYPING_TAGS.has(key.targetTag) || key.targetEditable) return false
  return key.key === 'n' || key.key === 'N'
}
