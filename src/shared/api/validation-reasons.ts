// Why an input was refused (a 400 `VALIDATION`): `{error:{code:'VALIDATION', reason, field,
// params?, message}}`. The UI words the reason and the field in the reader's language; `message`
// stays as the English detail for API users and logs and is never shown. The list comes from the
// desk's own checks and from the JSON Schema keywords Ajv reports (the error handler maps each).

export interface ValidationReasonParams {
  /** A field the request needs is missing (`required`). */
  required: Record<string, never>
  /** A field the request does not take: misspelt, or made up (`additionalProperties`). */
  unknown_field: Record<string, never>
  /** Text longer than the field holds (`maxLength`). */
  too_long: { max: number }
  /** Text shorter than the field needs (`minLength`). */
  too_short: { min: number }
  /** A number above the largest allowed (`maximum`, `exclusiveMaximum`). */
  too_large: { max: number }
  /** A number below the smallest allowed (`minimum`, `exclusiveMinimum`). */
  too_small: { min: number }
  /** A list with more entries than allowed (`maxItems`). */
  too_many: { max: number }
  /** A list with fewer entries than needed (`minItems`). */
  too_few: { min: number }
  /** Blank, or only spaces and invisible characters: a name like that books "nobody". */
  blank: Record<string, never>
  /** Not written the way the field needs (`pattern`, an unknown `format`). */
  bad_format: Record<string, never>
  /** Not an email address (`format: email`). */
  not_an_email: Record<string, never>
  /** Not a day or instant that exists: 30 February, 24:00, a leap second, not YYYY-MM-DD. */
  not_a_date: Record<string, never>
  /** A day or instant too far from today (`years` either way) to be meant. */
  date_out_of_range: { years: number }
  /** Not one of the values the field takes (`enum`, `const`, a union of literals). */
  not_allowed_value: Record<string, never>
  /** A value of the wrong kind: text for a number, a number for a yes/no (`type`). */
  wrong_type: Record<string, never>
  /** Text holding half of a character (a lone UTF-16 surrogate), which cannot be stored. */
  bad_text: Record<string, never>
  /** Not an IANA time zone. */
  not_a_time_zone: Record<string, never>
  /** A service, staff member or person this branch does not (or no longer) offer. */
  not_available: Record<string, never>
  /** A search with nothing to search by: no letter and no digit. */
  needs_letter_or_digit: Record<string, never>
  /** Merging a client into itself. */
  same_client: Record<string, never>
  /** Refused for a reason the desk cannot name more precisely (the relay's own checks). */
  invalid: Record<string, never>
}

export type ValidationReason = keyof ValidationReasonParams

/** Every reason, for the test that each has words in every language the UI speaks. */
export const VALIDATION_REASONS = [
  'required',
  'unknown_field',
  'too_long',
  'too_short',
  'too_large',
  'too_small',
  'too_many',
  'too_few',
  'blank',
  'bad_format',
  'not_an_email',
  'not_a_date',
  'date_out_of_range',
  'not_allowed_value',
  'wrong_type',
  'bad_text',
  'not_a_time_zone',
  'not_available',
  'needs_letter_or_digit',
  'same_client',
  'invalid',
] as const satisfies readonly ValidationReason[]

// A reason added to ValidationReasonParams but not to the list above fails here.
type Unlisted = Exclude<ValidationReason, (typeof VALIDATION_REASONS)[number]>
export const everyValidationReasonListed: [Unlisted] extends [never] ? true : Unlisted = true

/** The parameters a `VALIDATION` error may carry: those of one of the reasons. */
export type ValidationParams = ValidationReasonParams[ValidationReason]
