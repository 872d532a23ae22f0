// The grid's keys: ← → a day, Shift+← → a week, T today, G the date field, P the day sheet. Keys typed into a
// field or pressed with Ctrl, Alt or Meta are the field's or the system's, never ours.
export type DayKeyAction =
  { kind: 'shift'; days: number } | { kind: 'today' } | { kind: 'jump' } | { kind: 'print' }

export interface KeyLike {
  key: string
  shiftKey: boolean
  ctrlKey: boolean
  altKey: boolean
  metaKey: boolean
  /** The focused element's tag and role, if any. */
  targetTag: string
  targetEditable: boolean
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT'])

export function dayKeyAction(key: KeyLike): DayKeyAction | null {
  if (key.ctrlKey || key.altKey || key.metaKey) return null
  if (TYPING_TAGS.has(key.targetTag) || key.targetEditable) return null
  switch (key.key) {
    case 'ArrowLeft':
      return { kind: 'shift', days: key.shiftKey ? -7 : -1 }
    case 'ArrowRight':
      return { kind: 'shift', days: key.shiftKey ? 7 : 1 }
    case 't':
    case 'T':
      return { kind: 'today' }
    case 'g':
    case 'G':
      return { kind: 'jump' }
    case 'p':
    case 'P':
      return { kind: 'print' }
    default:
      return null
  }
}
