/** A reason the desk cannot start that a person must act on; `code` is stable for scripts. */
export class DeskStartError extends Error {
  constructor(
    readonly code:
      | 'DATA_DIR_IN_USE'
      | 'DATA_DIR_UNUSABLE'
      | 'DATABASE_UNREADABLE'
      | 'DATABASE_TOO_NEW'
      | 'PORT_IN_USE'
      | 'PORT_NOT_ALLOWED'
      | 'BRANCHES_FILE_INVALID',
    message: string,
  ) {
    super(message)
    this.name = 'DeskStartError'
  }
}
