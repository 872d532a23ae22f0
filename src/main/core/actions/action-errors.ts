/** A desk action refused before anything changed; the local API answers it as a 4xx. */
export class ActionError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}
