// A refused input: the one way the core says "this field is wrong". It carries a reason from
// src/shared/api/validation-reasons.ts (and that reason's numbers), so the UI can say it in the
// reader's language; the English message is for API users and logs only. Lint refuses
// `new DeskError('VALIDATION', …)`, so every refusal has a reason.
import type {
  ValidationReason,
  ValidationReasonParams,
} from '../../../shared/api/validation-reasons'
import { DeskError } from './desk-error'

export class ValidationError<
  R extends ValidationReason = ValidationReason,
> extends DeskError<'VALIDATION'> {
  constructor(
    /** The input at fault, as a dotted path inside the body, query or params (`attendee.name`). */
    field: string,
    readonly reason: R,
    /** English, for API users and logs. */
    message: string,
    params?: ValidationReasonParams[R],
  ) {
    super('VALIDATION', message, field, undefined, params)
  }
}
