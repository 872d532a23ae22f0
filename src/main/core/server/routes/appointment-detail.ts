import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { ApiError, AppointmentDetail } from '../../../../shared/api/schemas'
import type { DeskServices } from '../desk-services'
import { DeskError } from '../../errors/desk-error'

const appointmentDetail: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (
  app,
  { services },
) => {
  app.get(
    '/api/appointments/:uid',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: 'One appointment with its history, oldest first',
        params: Type.Object({ uid: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: AppointmentDetail, 404: ApiError },
      },
    },
    async (request) => {
      const { uid } = request.params
      const appointment = services.appointments.byUid(uid)
      if (!appointment) throw new DeskError('NOT_FOUND', `No appointment ${uid}`, 'uid')
      const history = services.appointments.history(uid)
      const row = services.appointments.rowByUid(uid)
      const cancellationPolicy = row ? services.policies.of(row) : null
      return { appointment, history, cancellationPolicy }
    },
  )
}
export default appointmentDetail
