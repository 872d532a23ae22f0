// `GET /api/pending-confirmations`: the bookings the desk should confirm or decline.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { Appointment, EmptyQuery } from '../../../../shared/api/schemas'
import { pendingConfirmations } from '../../appointments/pending-confirmations'
import type { DeskServices } from '../desk-services'

const pendingConfirmationsRoutes: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (
  app,
  { services },
) => {
  app.get(
    '/api/pending-confirmations',
    {
      config: { access: 'signedIn' },
      schema: {
        summary:
          'Bookings waiting for the desk to confirm or decline, soonest first (not yet over)',
        querystring: EmptyQuery,
        response: { 200: Type.Array(Appointment) },
      },
    },
    async () =>
      pendingConfirmations(services.appointments, services.branches.current().id, services.now()),
  )
}
export default pendingConfirmationsRoutes
