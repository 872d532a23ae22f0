import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { forbidden, notFound } from '../../domain/errors.js'
import { renderEventType } from '../../domain/render/event-type.js'
import { requireCaller } from '../../plugins/auth.js'
import { requireVersion, VERSIONS } from '../../plugins/versioning.js'

const eventTypes: FastifyPluginAsyncTypebox = async (app) => {
  const onRequest = requireVersion(VERSIONS.eventTypes)
  const { store } = app.sandbox
  const render = (id: number) =>
    renderEventType(store, store.eventTypes.get(id)!, app.sandbox.config.appUrl)

  app.get(
    '/event-types',
    {
      onRequest,
      schema: {
        querystring: Type.Object(
          {
            username: Type.Optional(Type.String()),
            eventSlug: Type.Optional(Type.String()),
            usernames: Type.Optional(Type.String()),
            sortCreatedAt: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const q = request.query
      const usernames = q.username ? [q.username] : q.usernames?.split(',').map((u) => u.trim())
      let owners: number[]
      if (usernames?.length) {
        owners = usernames
          .map((u) => store.accountByUsername(u)?.userId)
          .filter((id): id is number => id !== undefined)
      } else {
        owners = [requireCaller(request).userId]
      }
      const callerId = request.caller?.userId
      let list = [...store.eventTypes.values()]
        .filter((et) => owners.includes(et.ownerId))
        // hidden event types only for their owner
        .filter((et) => !et.hidden || et.ownerId === callerId)
        .filter((et) => !q.eventSlug || et.slug === q.eventSlug)
      list = list.sort((a, b) =>
        q.sortCreatedAt === 'desc'
          ? b.createdAt.localeCompare(a.createdAt) || b.id - a.id
          : a.id - b.id,
      )
      return { status: 'success', data: list.map((et) => render(et.id)) }
    },
  )

  app.get(
    '/event-types/:eventTypeId',
    { onRequest, schema: { params: Type.Object({ eventTypeId: Type.Integer() }) } },
    async (request) => {
      const caller = requireCaller(request)
      const et = store.eventTypes.get(request.params.eventTypeId)
      if (!et) throw notFound(`Event type with id=${request.params.eventTypeId} not found`)
      if (et.ownerId !== caller.userId)
        throw forbidden(`User with id=${caller.userId} is not the owner of this event type`)
      return { status: 'success', data: render(et.id) }
    },
  )
}

export default eventTypes
