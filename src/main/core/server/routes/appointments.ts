import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiError, DayQuery, DayView } from '../../../../shared/api/schemas'
import { checkDay, DAY_VIEW_YEARS } from '../../actions/date-range'
import { branchDay, InvalidDayError } from '../../time/branch-day'
import type { DeskServices } from '../desk-services'
import { answering } from './actions'
import { ValidationError } from '../../errors/validation-error'

const appointments: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (
  app,
  { services },
) => {
  app.get(
    '/api/appointments',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: "The branch's day, in the branch's time zone",
        querystring: DayQuery,
        response: { 200: DayView, 400: ApiError },
      },
    },
    async (request) => {
      const branch = services.branches.current()
      await answering(() => checkDay(request.query.date, 'date', DAY_VIEW_YEARS))
      let range
      try {
        range = branchDay(request.query.date, branch.timeZone)
      } catch (err) {
        if (err instanceof InvalidDayError)
          throw new ValidationError('date', 'not_a_date', `date ${err.message}`)
        throw err
      }
      return {
        date: range.date,
        timeZone: range.timeZone,
        startsAt: new Date(range.startsAt).toISOString(),
        endsAt: new Date(range.endsAt).toISOString(),
        staff: services.staff.listActive(branch.id),
        appointments: services.appointments.day(branch.id, range),
      }
    },
  )
}
export default appointments
