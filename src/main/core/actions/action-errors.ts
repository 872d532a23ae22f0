/** A desk action refused before anything changed; the local API answers it as a 4xx. */
export class ActionError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The existing booking the refusal is about (a repeat of it, say). */
    readonly uid?: string,
  ) {
    super(message)
  }
}
