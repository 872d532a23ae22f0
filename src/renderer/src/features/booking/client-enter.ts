// Enter in the client name field. react-aria's combobox takes Enter whenever its list is open,
// to choose the highlighted suggestion; with none highlighted that would swallow the key, and a
// receptionist who typed a new client's name and pressed Enter would see nothing happen. So
// Enter chooses a suggestion only when one is highlighted, and otherwise books.
export interface ComboBoxMoment {
  isOpen: boolean
  /** The suggestion the arrow keys highlighted, if any. */
  focusedKey: unknown
}

export function enterBooks(moment: ComboBoxMoment): boolean {
  return !moment.isOpen || moment.focusedKey == null
}
