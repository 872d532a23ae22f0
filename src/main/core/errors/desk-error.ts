// The one error the desk core throws for a refusal a caller should hear about. It carries a code
// from src/shared/api/error-codes.ts, never an HTTP status: the local API's error handler alone
// maps codes to statuses.
import type { DeskErrorCode, DeskErrorParams } from '../../../shared/api/error-codes'

export class DeskError<C extends DeskErrorCode = DeskErrorCode> extends Error {
  override readonly name = 'DeskError'
  constructor(
    readonly code: C,
    /** English, for API users and logs; the UI words the code from its catalogs. */
    message: string,
    /** The input field at fault, when one is. */
    readonly field?: string,
    /** The existing booking the refusal is about (a repeat of it, say). */
    readonly uid?: string,
    readonly params?: DeskErrorParams[C],
  ) {
    super(message)
  }
}
