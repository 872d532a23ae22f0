// Every refusal the local API can send, and every connect problem, reads as words in both
// languages: never the API's English sentence (except where it quotes Cal.com). A refused input
// (VALIDATION) is said from its reason and field, whatever English detail the API adds.
import { createIntl } from 'react-intl'
import { describe, expect, it } from 'vitest'
import { CONNECT_PROBLEMS } from '../../../../shared/api/connect-problems'
import { DESK_ERROR_CODES, type DeskErrorCode } from '../../../../shared/api/error-codes'
import {
  VALIDATION_REASONS,
  type ValidationReason,
  type ValidationReasonParams,
} from '../../../../shared/api/validation-reasons'
import { describeConnectProblem } from '../../features/settings/connect/connect-problem-words'
import { ApiRequestError } from '../api-client'
import { describeError } from './describe-error'
import { MESSAGES } from './messages'

const RAW = 'RAW ENGLISH FROM THE API'
/** Codes whose words quote the API's sentence on purpose: Cal.com's own answer. */
const QUOTING: readonly DeskErrorCode[] = ['CALCOM_REFUSED']

const SAMPLE_PARAMS: Partial<Record<DeskErrorCode, Record<string, unknown>>> = {
  FORBIDDEN: { action: 'branch.disconnect', role: 'receptionist' },
  PIN_WRONG: { attemptsLeft: 3 },
  PIN_LOCKED: { until: '2026-12-08T15:07:00.000Z' },
  STAFF_UNAVAILABLE: {
    staff: 'Dana',
    service: 'Haircut',
    start: '2026-12-08T15:00:00.000Z',
    clash: 'Colour',
    clashStart: '2026-12-08T14:30:00.000Z',
    clashEnd: '2026-12-08T15:30:00.000Z',
    buffer: true,
  },
  STAFF_NOT_BOOKABLE: { staff: 'Lee', service: 'Haircut' },
}

/** A sample of each reason's numbers, so every message is formatted with what it takes. */
const REASON_PARAMS: { [R in ValidationReason]?: ValidationReasonParams[R] } = {
  too_long: { max: 10 },
  too_short: { min: 4 },
  too_large: { max: 120 },
  too_small: { min: 1 },
  too_many: { max: 2 },
  too_few: { min: 1 },
  date_out_of_range: { years: 2 },
}

const refusedInput = (
  intl: ReturnType<typeof intlOf>['intl'],
  reason: ValidationReason,
  field: string,
) =>
  describeError(
    intl,
    new ApiRequestError(RAW, 'VALIDATION', 400, field, undefined, REASON_PARAMS[reason], reason),
  )

const intlOf = (locale: 'en' | 'es') => {
  const errors: unknown[] = []
  const intl = createIntl({ locale, messages: MESSAGES[locale], onError: (e) => errors.push(e) })
  return { intl, errors }
}

describe('error words', () => {
  for (const locale of ['en', 'es'] as const) {
    it(`says every local API refusal in ${locale}, with its parameters`, () => {
      const { intl, errors } = intlOf(locale)
      for (const code of DESK_ERROR_CODES) {
        expect(MESSAGES[locale], code).toHaveProperty(`error.${code}`)
        const error = new ApiRequestError(
          RAW,
          code,
          400,
          'owner.email',
          undefined,
          SAMPLE_PARAMS[code],
        )
        const words = describeError(intl, error, { timeZone: 'America/Toronto' })
        if (!QUOTING.includes(code)) expect(words, code).not.toContain(RAW)
        expect(words, code).not.toMatch(/[{}]/)
      }
      expect(errors).toEqual([])
    })

    it(`says every connect problem in ${locale}`, () => {
      const { intl, errors } = intlOf(locale)
      for (const code of CONNECT_PROBLEMS) {
        expect(MESSAGES[locale], code).toHaveProperty(`connect.problem.${code}`)
        const words = describeConnectProblem(intl, { kind: 'code', code })
        expect(words, code).not.toContain(code)
      }
      expect(errors).toEqual([])
    })
  }

  for (const locale of ['en', 'es'] as const) {
    it(`says every reason an input is refused in ${locale}, naming the field, never the API's English`, () => {
      const { intl, errors } = intlOf(locale)
      for (const reason of VALIDATION_REASONS) {
        expect(MESSAGES[locale], reason).toHaveProperty(`validation.reason.${reason}`)
        for (const field of ['attendee.name', 'owner.pin', 'eventTypeId', 'branches.0', 'extra']) {
          const words = refusedInput(intl, reason, field)
          expect(words, `${reason} ${field}`).not.toContain(RAW)
          expect(words, `${reason} ${field}`).not.toContain(field)
          expect(words, `${reason} ${field}`).not.toMatch(/[{}]/)
        }
      }
      expect(errors).toEqual([])
    })
  }

  it('says a refused input with the field in words a receptionist knows, in Spanish too', () => {
    const es = intlOf('es').intl
    expect(refusedInput(es, 'too_long', 'attendee.name')).toBe(
      'Acorta el nombre: admite como máximo 10 caracteres.',
    )
    expect(refusedInput(es, 'date_out_of_range', 'start')).toBe(
      'Revise la hora de inicio: elija una fecha a no más de 2 años de hoy.',
    )
    expect(refusedInput(intlOf('en').intl, 'blank', 'attendee.name')).toBe(
      'Fill in the name: it is blank.',
    )
  })

  it('says "check what you typed" for a field or a reason it does not know', () => {
    for (const locale of ['en', 'es'] as const) {
      const { intl } = intlOf(locale)
      const generic = MESSAGES[locale]['error.VALIDATION']
      expect(refusedInput(intl, 'required', 'frobnicator')).toBe(generic)
      expect(refusedInput(intl, 'a_newer_reason' as ValidationReason, 'attendee.name')).toBe(
        generic,
      )
    }
  })

  it('says when a staff member is busy in the branch zone, in the reader’s language', () => {
    const error = new ApiRequestError(RAW, 'STAFF_UNAVAILABLE', 409, 'staffId', undefined, {
      ...SAMPLE_PARAMS.STAFF_UNAVAILABLE,
      buffer: false,
    })
    expect(describeError(intlOf('en').intl, error, { timeZone: 'America/Toronto' })).toBe(
      'Dana is not free for Haircut at 10:00 AM: Dana has Colour from 9:30 AM to 10:30 AM. Choose another time, another staff member, or anyone free.',
    )
    expect(describeError(intlOf('es').intl, error, { timeZone: 'America/Toronto' })).toBe(
      'Dana no está libre para Haircut a las 10:00: Dana tiene Colour de 9:30 a 10:30. Elija otra hora, otra persona o a quien esté libre.',
    )
  })

  it('says a sign-in that failed after Cal.com allowed it through the desk’s error words', () => {
    expect(
      describeConnectProblem(intlOf('es').intl, { kind: 'code', code: 'CALCOM_UNAVAILABLE' }),
    ).toBe(MESSAGES.es['error.CALCOM_UNAVAILABLE'])
  })
})
