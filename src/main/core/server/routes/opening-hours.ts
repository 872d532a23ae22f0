// `GET /api/opening-hours?date=`: the hours the day grid covers, from the cached schedules.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { OpeningHours, OpeningHoursQuery } from '../../../../shared/api/opening-hours'
import { ApiError } from '../../../../shared/api/schemas'
import { checkDay, DAY_VIEW_YEARS } from '../../actions/date-range'
import { branchDay, InvalidDayError } from '../../time/branch-day'
import { openingHoursOn } from '../../branch/opening-hours'
import type { DeskServices } from '../desk-services'
import { answering } from './actions'
import { ValidationError } from '../../errors/validation-error'

const openingHours: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (
  app,
  { services },
) => {
  app.get(
    '/api/opening-hours',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: "A branch day's opening hours (from the Cal.com schedules), in the branch zone",
        querystring: OpeningHoursQuery,
        response: { 200: OpeningHours, 400: ApiError },
      },
    },
    async (request) => {
      const { date } = request.query
      await answering(() => checkDay(date, 'date', DAY_VIEW_YEARS))
      const { timeZone } = services.branches.current()
      try {
        branchDay(date, timeZone)
      } catch (err) {
        if (err instanceof InvalidDayError)
          throw new ValidationError('date', 'not_a_date', `date ${err.message}`)
        throw err
      }
      return { date, timeZone, ...openingHoursOn(services.schedules.list(), date, timeZone) }
    },
  )
}
export default openingHours
