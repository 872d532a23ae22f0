import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  ApiError,
  ApiLogEntry,
  ApiLogQuery,
  EventTypeInfo,
  Staff,
} from '../../../../shared/api/schemas'
import type { DeskServices } from '../desk-services'

const referenceData: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (
  app,
  { services },
) => {
  app.get(
    '/api/event-types',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: "The branch's Cal.com event types",
        response: { 200: Type.Array(EventTypeInfo) },
      },
    },
    async () =>
      services.eventTypes.list(services.branches.current().id).map((et) => ({
        id: et.id,
        calcomId: et.calcomId,
        slug: et.slug,
        title: et.title,
        lengthInMinutes: et.lengthMinutes,
        beforeBufferMinutes: et.beforeBufferMinutes,
        afterBufferMinutes: et.afterBufferMinutes,
        minimumNoticeMinutes: et.minimumNoticeMinutes,
        price: et.price,
        currency: et.currency,
        requiresConfirmation: et.requiresConfirmation,
        hidden: et.hidden,
      })),
  )

  app.get(
    '/api/staff',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: "The branch's active staff (Cal.com hosts)",
        response: { 200: Type.Array(Staff) },
      },
    },
    async () => services.staff.listActive(services.branches.current().id),
  )

  app.get(
    '/api/api-log',
    {
      // The sync health page's log: owners and admins once a business exists.
      config: { access: 'sync.read' },
      schema: {
        summary: 'Recent calls to Cal.com, newest first, by result and text (no secrets)',
        querystring: ApiLogQuery,
        response: { 200: Type.Array(ApiLogEntry), 400: ApiError },
      },
    },
    async (request) =>
      services.apiLog.search(request.query as ApiLogQuery).map((e) => ({
        ...e,
        at: new Date(e.at).toISOString(),
        result: e.status !== null && e.status < 400 ? ('ok' as const) : ('failed' as const),
      })),
  )
}
export default referenceData
