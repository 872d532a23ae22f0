// How a refused input is said (a VALIDATION's reason, src/shared/api/validation-reasons.ts), and
// the fields the forms send, in words a receptionist knows. A field missing here is said as the
// generic 'error.VALIDATION' ("Check what you typed"), never by its API name.
export const en = {
  'validation.reason.required': 'Fill in {field}.',
  'validation.reason.unknown_field': 'Check {field}: this form does not take it.',
  'validation.reason.too_long':
    'Shorten {field}: it can hold at most {max, plural, one {# character} other {# characters}}.',
  'validation.reason.too_short':
    'Check {field}: it needs at least {min, plural, one {# character} other {# characters}}.',
  'validation.reason.too_large': 'Check {field}: it can be at most {max}.',
  'validation.reason.too_small': 'Check {field}: it must be at least {min}.',
  'validation.reason.too_many': 'Check {field}: choose at most {max}.',
  'validation.reason.too_few': 'Check {field}: choose at least {min}.',
  'validation.reason.blank': 'Fill in {field}: it is blank.',
  'validation.reason.bad_format': 'Check {field}: it is not written the way it should be.',
  'validation.reason.not_an_email': 'Check {field}: it is not an email address.',
  'validation.reason.not_a_date': 'Check {field}: that date or time does not exist.',
  'validation.reason.date_out_of_range':
    'Check {field}: choose a date within {years} years of today.',
  'validation.reason.not_allowed_value': 'Check {field}: choose one of the options offered.',
  'validation.reason.wrong_type': 'Check {field}: it is not the right kind of value.',
  'validation.reason.bad_text':
    'Check {field}: it holds a character the desk cannot store. Type it again.',
  'validation.reason.not_a_time_zone': 'Check {field}: it is not a time zone.',
  'validation.reason.not_available':
    'Check {field}: that choice is not available at this branch. Choose again.',
  'validation.reason.needs_letter_or_digit': 'Type at least one letter or digit in {field}.',
  'validation.reason.same_client':
    'A client cannot be merged with themselves: choose another client.',
  'validation.reason.invalid': 'Check {field}.',
  'validation.field.name': 'the name',
  'validation.field.email': 'the email address',
  'validation.field.phone': 'the phone number',
  'validation.field.timeZone': 'the time zone',
  'validation.field.notes': 'the notes',
  'validation.field.text': 'the note',
  'validation.field.reason': 'the reason',
  'validation.field.start': 'the start time',
  'validation.field.date': 'the date',
  'validation.field.pin': 'the PIN',
  'validation.field.personId': 'who is signing in',
  'validation.field.eventTypeId': 'the service',
  'validation.field.staffId': 'the staff member',
  'validation.field.q': 'the search',
  'validation.field.code': 'the join code',
  'validation.field.from': 'the client to merge',
  'validation.field.language': 'the language',
  'validation.field.role': 'the role',
  'validation.field.branches': 'the branches',
  'validation.field.windowHours': 'the cancellation window',
  'validation.field.idleSignOutMinutes': 'the minutes before signing out',
  'validation.field.apiKey': 'the API key',
  'validation.field.key': 'the branch’s short name',
  'validation.field.state': 'the visit state',
}
