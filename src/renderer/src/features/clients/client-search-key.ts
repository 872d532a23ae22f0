// "/" from the day grid opens the client search, unless it is typed into a field or pressed with
// Ctrl, Alt or Meta (those belong to the field or the system). Shift is allowed: on a Spanish
// keyboard "/" is Shift+7.
import type { KeyLike } from '../day/day-keys'

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT'])

export function isClientSearchKey(key: KeyLike): boolean {
  if (key.ctrlKey || key.altKey || key.metaKey) return false
  if (TYPING_TAGS.has(key.targetTag) || key.targetEditable) return false
  return key.key === '/'
}
