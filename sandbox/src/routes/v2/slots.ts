import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { DateTime, IANAZone } from 'luxon'
import { badRequest, notFound } from '../../domain/errors.js'
import { renderSlots } from '../../domain/slots.js'
import { userEventType } from '../../domain/user-event-type.js'
import { requireVersion, VERSIONS } from '../../plugins/versioning.js'

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const MAX_RANGE_DAYS = 62

/**
 * `start`/`end` are UTC (the 2024-09-04 spec: "Must be in UTC timezone as ISO 8601 datestring"):
 * a date-only `start` is 00:00:00Z of that date, a date-only `end` 23:59:59Z of it, whatever
 * `timeZone` (which only says how slots are rendered).
 */
function parseBound(value: string, name: string, endOfDay: boolean): number {
  const parsed = DateTime.fromISO(value, { zone: 'utc', setZone: true })
  if (!parsed.isValid)
    throw badRequest(`${name} must be an ISO 8601 date or date-time`, {
      errors: [{ property: name }],
    })
  return DATE_ONLY.test(value) && endOfDay ? parsed.endOf('day').toMillis() + 1 : parsed.toMillis()
}

const slots: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app.sandbox
  app.get(
    '/slots',
    {
      onRequest: requireVersion(VERSIONS.slots),
      schema: {
        querystring: Type.Object({
          start: Type.String(),
          end: Type.String(),
          eventTypeId: Type.Optional(Type.Integer()),
          eventTypeSlug: Type.Optional(Type.String()),
          username: Type.Optional(Type.String()),
          timeZone: Type.Optional(Type.String()),
          format: Type.Optional(Type.Union([Type.Literal('time'), Type.Literal('range')])),
          duration: Type.Optional(Type.Integer({ minimum: 1 })),
          bookingUidToReschedule: Type.Optional(Type.String()),
        }),
      },
    },
    async (request) => {
      const q = request.query
      const timeZone = q.timeZone ?? 'UTC'
      if (!IANAZone.isValidZone(timeZone))
        throw badRequest(`timeZone "${timeZone}" is not a valid IANA time zone`)
      let eventType
      if (q.eventTypeId !== undefined) {
        eventType = store.eventTypes.get(q.eventTypeId)
      } else if (q.eventTypeSlug && q.username) {
        // A staff member's username: their own free times, as their own event type gives them.
        const found = userEventType(store, q.eventTypeSlug, q.username)
        eventType =
          found &&
          (found.hostId === undefined
            ? found.eventType
            : { ...found.eventType, hostIds: [found.hostId] })
      } else {
        throw badRequest('Provide eventTypeId, or eventTypeSlug with username')
      }
      if (!eventType) throw notFound('Event type not found')
      const from = parseBound(q.start, 'start', false)
      const to = parseBound(q.end, 'end', true)
      if (to <= from) throw badRequest('end must be after start')
      if (to - from > MAX_RANGE_DAYS * 86_400_000)
        throw badRequest(`The range can span at most ${MAX_RANGE_DAYS} days`)
      const effective = q.duration ? { ...eventType, lengthInMinutes: q.duration } : eventType
      const starts = app.sandbox.slots.available(effective, from, to, q.bookingUidToReschedule)
      return {
        status: 'success',
        data: renderSlots(starts, effective.lengthInMinutes, timeZone, q.format ?? 'time'),
      }
    },
  )
}

export default slots
