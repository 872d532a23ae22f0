import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { asc, eq } from 'drizzle-orm'
import { ApiError, AppointmentDetail } from '../../../../shared/api/schemas'
import { appointmentHistory } from '../../db/schema'
import { ApiProblem } from '../plugins/error-handler'
import type { DeskServices } from '../desk-services'

const appointmentDetail: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (
  app,
  { services },
) => {
  app.get(
    '/api/appointments/:uid',
    {
      schema: {
        summary: 'One appointment with its history, oldest first',
        params: Type.Object({ uid: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: AppointmentDetail, 404: ApiError },
      },
    },
    async (request) => {
      const { uid } = request.params
      const appointment = services.appointments.byUid(uid)
      if (!appointment) throw new ApiProblem(404, 'NOT_FOUND', `No appointment ${uid}`, 'uid')
      const history = services.db
        .select()
        .from(appointmentHistory)
        .where(eq(appointmentHistory.uid, uid))
        .orderBy(asc(appointmentHistory.id))
        .all()
        .map((h) => ({
          at: new Date(h.at).toISOString(),
          source: h.source,
          change: h.change,
          detail: h.detail ?? null,
        }))
      return { appointment, history }
    },
  )
}
export default appointmentDetail
