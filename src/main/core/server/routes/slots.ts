// Available slots (DESIGN.md §4.3): fresh within five minutes, else from Cal.com, else the last
// answer marked stale with its age; with staffId, that staff member's.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiError, DaySlots, SlotsQuery } from '../../../../shared/api/schemas'
import { ACTION_YEARS, checkDay } from '../../actions/date-range'
import type { DeskServices } from '../desk-services'
import { answering } from './actions'

const slots: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (app, { services }) => {
  app.get(
    '/api/slots',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: 'Free slots of an event type on a branch day',
        querystring: SlotsQuery,
        response: { 200: DaySlots, 400: ApiError, 404: ApiError, 503: ApiError },
      },
    },
    async (request) => {
      const { eventTypeId, date, staffId } = request.query
      await answering(() => checkDay(date, 'date', ACTION_YEARS))
      // A client that hangs up stops waiting; Cal.com is not asked for it any more.
      return await services.slots.day(eventTypeId, date, { staffId, signal: request.signal })
    },
  )
}
export default slots
