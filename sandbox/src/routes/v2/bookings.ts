import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { type Static, Type } from '@sinclair/typebox'
import { IANAZone } from 'luxon'
import { listBookings, type ListStatus } from '../../domain/booking-list.js'
import { badRequest, notFound } from '../../domain/errors.js'
import { checkMetadata } from '../../domain/metadata.js'
import { renderBooking } from '../../domain/render/booking.js'
import type { SandboxStore } from '../../domain/store.js'
import { userEventType, type UserEventType } from '../../domain/user-event-type.js'
import { requireCaller } from '../../plugins/auth.js'
import { requireVersion, VERSIONS } from '../../plugins/versioning.js'

const IsoDateTime = Type.String({ format: 'date-time' })
const Order = Type.Union([Type.Literal('asc'), Type.Literal('desc')])

const Location = Type.Object({
  type: Type.String(),
  address: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
  link: Type.Optional(Type.String()),
  integration: Type.Optional(Type.String()),
  location: Type.Optional(Type.String()),
})

export const CreateBookingBody = Type.Object(
  {
    start: IsoDateTime,
    attendee: Type.Object(
      {
        name: Type.String({ minLength: 1 }),
        email: Type.Optional(Type.String({ format: 'email' })),
        timeZone: Type.String({ minLength: 1 }),
        phoneNumber: Type.Optional(Type.String()),
        language: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    eventTypeId: Type.Optional(Type.Integer()),
    eventTypeSlug: Type.Optional(Type.String()),
    username: Type.Optional(Type.String()),
    guests: Type.Optional(Type.Array(Type.String({ format: 'email' }))),
    location: Type.Optional(Location),
    metadata: Type.Optional(Type.Unknown()),
    bookingFieldsResponses: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    lengthInMinutes: Type.Optional(Type.Integer({ minimum: 1 })),
    routing: Type.Optional(Type.Object({ teamMemberIds: Type.Array(Type.Integer()) })),
  },
  { additionalProperties: false },
)
export type CreateBookingInput = Static<typeof CreateBookingBody>

const ListQuery = Type.Object({
  status: Type.Optional(Type.String()),
  attendeeEmail: Type.Optional(Type.String()),
  attendeeName: Type.Optional(Type.String()),
  bookingUid: Type.Optional(Type.String()),
  eventTypeIds: Type.Optional(Type.String()),
  eventTypeId: Type.Optional(Type.Integer()),
  afterStart: Type.Optional(IsoDateTime),
  beforeEnd: Type.Optional(IsoDateTime),
  afterCreatedAt: Type.Optional(IsoDateTime),
  beforeCreatedAt: Type.Optional(IsoDateTime),
  afterUpdatedAt: Type.Optional(IsoDateTime),
  beforeUpdatedAt: Type.Optional(IsoDateTime),
  sortStart: Type.Optional(Order),
  sortEnd: Type.Optional(Order),
  sortCreated: Type.Optional(Order),
  sortUpdatedAt: Type.Optional(Order),
  take: Type.Optional(Type.Integer({ minimum: 1, maximum: 250 })),
  skip: Type.Optional(Type.Integer({ minimum: 0 })),
})

const UidParams = Type.Object({ bookingUid: Type.String({ minLength: 1 }) })
const LIST_STATUSES: ListStatus[] = ['upcoming', 'recurring', 'past', 'cancelled', 'unconfirmed']

function locationText(loc: Static<typeof Location> | undefined): string | undefined {
  if (!loc) return undefined
  switch (loc.type) {
    case 'address':
    case 'attendeeAddress':
      return loc.address
    case 'phone':
    case 'attendeePhone':
      return loc.phone
    case 'link':
      return loc.link
    case 'attendeeDefined':
      return loc.location
    case 'integration':
      return `integrations:${loc.integration === 'cal-video' ? 'daily' : (loc.integration ?? 'daily')}`
    default:
      return undefined
  }
}

/**
 * The event type a create call names, by id or by slug + username; with a staff member's username,
 * also the one host who takes it (domain/user-event-type.ts).
 */
export function resolveEventType(
  store: SandboxStore,
  body: { eventTypeId?: number; eventTypeSlug?: string; username?: string },
): UserEventType {
  if (body.eventTypeId !== undefined) {
    const et = store.eventTypes.get(body.eventTypeId)
    if (!et) throw notFound(`Event type with id=${body.eventTypeId} not found`)
    return { eventType: et }
  }
  if (body.eventTypeSlug && body.username) {
    const found = userEventType(store, body.eventTypeSlug, body.username)
    if (!found)
      throw notFound(
        `Event type with slug=${body.eventTypeSlug} of user ${body.username} not found`,
      )
    return found
  }
  throw badRequest('Either eventTypeId or eventTypeSlug + username must be provided', {
    errors: [
      { property: 'eventTypeId', message: 'eventTypeId or eventTypeSlug + username is required' },
    ],
  })
}

/** Validates a create body the way Cal.com does and turns it into the booking service's input. */
export function toNewBooking(
  store: SandboxStore,
  body: CreateBookingInput,
  source: 'API_V2' | 'WEBAPP',
) {
  const { eventType, hostId } = resolveEventType(store, body)
  if (!IANAZone.isValidZone(body.attendee.timeZone)) {
    throw badRequest(`attendee.timeZone "${body.attendee.timeZone}" is not a valid time zone`, {
      errors: [{ property: 'attendee.timeZone' }],
    })
  }
  if (body.lengthInMinutes !== undefined && body.lengthInMinutes !== eventType.lengthInMinutes) {
    throw badRequest(
      `lengthInMinutes ${body.lengthInMinutes} is not an allowed length of this event type`,
    )
  }
  return {
    eventType,
    start: body.start,
    attendee: {
      ...body.attendee,
      email:
        body.attendee.email ??
        `${body.attendee.name.replace(/\W+/g, '.').toLowerCase()}@sms.cal.com`,
    },
    guests: body.guests,
    location: locationText(body.location),
    metadata: checkMetadata(body.metadata),
    bookingFieldsResponses: body.bookingFieldsResponses,
    notes:
      typeof body.bookingFieldsResponses?.notes === 'string'
        ? body.bookingFieldsResponses.notes
        : undefined,
    hostIds: hostId !== undefined ? [hostId] : body.routing?.teamMemberIds,
    source,
  }
}

const bookings: FastifyPluginAsyncTypebox = async (app) => {
  const onRequest = requireVersion(VERSIONS.bookings)
  const { store, bookings: service } = app.sandbox
  const render = (b: Parameters<typeof renderBooking>[1]) => renderBooking(store, b)

  app.post(
    '/bookings',
    { onRequest, schema: { body: CreateBookingBody } },
    async (request, reply) => {
      const booking = service.create(toNewBooking(store, request.body, 'API_V2'))
      return reply.code(201).send({ status: 'success', data: render(booking) })
    },
  )

  app.get('/bookings', { onRequest, schema: { querystring: ListQuery } }, async (request) => {
    const caller = requireCaller(request)
    const q = request.query
    const status = q.status
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    const unknown = status?.filter((s) => !LIST_STATUSES.includes(s as ListStatus)) ?? []
    if (unknown.length > 0) {
      throw badRequest(
        `status must be one of ${LIST_STATUSES.join(', ')}; got ${unknown.join(', ')}`,
        {
          errors: [{ property: 'status' }],
        },
      )
    }
    const eventTypeIds = [
      ...(q.eventTypeIds?.split(',').map((s) => Number(s.trim())) ?? []),
      ...(q.eventTypeId !== undefined ? [q.eventTypeId] : []),
    ]
    if (eventTypeIds.some((n) => !Number.isInteger(n)))
      throw badRequest('eventTypeIds must be a comma-separated list of numbers')
    const own = [...store.bookings.values()].filter((b) => b.accountId === caller.userId)
    const { items, pagination } = listBookings(
      own,
      {
        ...q,
        status: status as ListStatus[] | undefined,
        eventTypeIds,
        take: q.take ?? 100,
        skip: q.skip ?? 0,
      },
      app.sandbox.clock.nowMs(),
    )
    return { status: 'success', data: items.map(render), pagination }
  })

  app.get(
    '/bookings/:bookingUid',
    { onRequest, schema: { params: UidParams } },
    async (request) => {
      return {
        status: 'success',
        data: render(service.get(request.params.bookingUid, request.caller)),
      }
    },
  )

  app.post(
    '/bookings/:bookingUid/cancel',
    {
      onRequest,
      schema: {
        params: UidParams,
        body: Type.Optional(
          Type.Object(
            {
              cancellationReason: Type.Optional(Type.String()),
              cancelSubsequentBookings: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
        ),
      },
    },
    async (request) => {
      const booking = service.cancel(
        request.params.bookingUid,
        request.caller,
        request.body?.cancellationReason,
      )
      return { status: 'success', data: render(booking) }
    },
  )

  app.post(
    '/bookings/:bookingUid/reschedule',
    {
      onRequest,
      schema: {
        params: UidParams,
        body: Type.Object(
          {
            start: IsoDateTime,
            rescheduledBy: Type.Optional(Type.String()),
            reschedulingReason: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const booking = service.reschedule(request.params.bookingUid, request.caller, request.body)
      return reply.code(201).send({ status: 'success', data: render(booking) })
    },
  )

  app.post(
    '/bookings/:bookingUid/confirm',
    { onRequest, schema: { params: UidParams } },
    async (request) => {
      const caller = requireCaller(request)
      return { status: 'success', data: render(service.confirm(request.params.bookingUid, caller)) }
    },
  )

  app.post(
    '/bookings/:bookingUid/decline',
    {
      onRequest,
      schema: {
        params: UidParams,
        body: Type.Optional(
          Type.Object({ reason: Type.Optional(Type.String()) }, { additionalProperties: false }),
        ),
      },
    },
    async (request) => {
      const caller = requireCaller(request)
      return {
        status: 'success',
        data: render(service.decline(request.params.bookingUid, caller, request.body?.reason)),
      }
    },
  )

  app.post(
    '/bookings/:bookingUid/mark-absent',
    {
      onRequest,
      schema: {
        params: UidParams,
        body: Type.Object(
          {
            host: Type.Optional(Type.Boolean()),
            attendees: Type.Optional(
              Type.Array(
                Type.Object({ email: Type.String({ format: 'email' }), absent: Type.Boolean() }),
                { minItems: 1 },
              ),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const caller = requireCaller(request)
      return {
        status: 'success',
        data: render(service.markAbsent(request.params.bookingUid, caller, request.body)),
      }
    },
  )
}

export default bookings
