import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { forbidden, notFound } from '../../domain/errors.js'
import { renderSchedule } from '../../domain/render/account.js'
import { requireCaller } from '../../plugins/auth.js'
import { requireVersion, VERSIONS } from '../../plugins/versioning.js'

const schedules: FastifyPluginAsyncTypebox = async (app) => {
  const onRequest = requireVersion(VERSIONS.schedules)
  const { store } = app.sandbox

  app.get('/schedules', { onRequest }, async (request) => {
    const caller = requireCaller(request)
    return { status: 'success', data: store.schedulesOf(caller.userId).map(renderSchedule) }
  })

  app.get('/schedules/default', { onRequest }, async (request) => {
    const caller = requireCaller(request)
    const schedule = store.schedulesOf(caller.userId).find((s) => s.isDefault)
    if (!schedule) throw notFound(`User with id=${caller.userId} has no default schedule`)
    return { status: 'success', data: renderSchedule(schedule) }
  })

  app.get(
    '/schedules/:scheduleId',
    { onRequest, schema: { params: Type.Object({ scheduleId: Type.Integer() }) } },
    async (request) => {
      const caller = requireCaller(request)
      const schedule = store.schedules.get(request.params.scheduleId)
      if (!schedule) throw notFound(`Schedule with id=${request.params.scheduleId} not found`)
      if (schedule.ownerId !== caller.userId) {
        throw forbidden(
          `User with id=${caller.userId} is not the owner of schedule with id=${schedule.id}`,
        )
      }
      return { status: 'success', data: renderSchedule(schedule) }
    },
  )
}

export default schedules
