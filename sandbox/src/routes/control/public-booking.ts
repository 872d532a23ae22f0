import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { renderBooking } from '../../domain/render/booking.js'
import { CreateBookingBody, toNewBooking } from '../v2/bookings.js'

const UidParams = Type.Object({ bookingUid: Type.String({ minLength: 1 }) })

/**
 * What members of the public do on Cal.com's booking pages: book, cancel or reschedule through
 * their links, pay. Each fires the same webhooks as the API. The organizer's "request
 * reschedule" is here too (it is UI-only on Cal.com).
 */
const publicBooking: FastifyPluginAsyncTypebox = async (app) => {
  const { store, bookings } = app.sandbox
  const BookBody = Type.Composite(
    [
      CreateBookingBody,
      Type.Object({ hostId: Type.Optional(Type.Integer()), pay: Type.Optional(Type.Boolean()) }),
    ],
    {
      additionalProperties: false,
    },
  )

  app.post('/book', { schema: { body: BookBody } }, async (request, reply) => {
    const { hostId, pay, ...body } = request.body
    const input = toNewBooking(store, body, 'WEBAPP')
    if (hostId !== undefined) input.hostIds = [hostId]
    let booking = bookings.create(input)
    if (pay && input.eventType.price > 0) booking = bookings.pay(booking.uid)
    return reply.code(201).send({ status: 'success', data: renderBooking(store, booking) })
  })

  app.post(
    '/bookings/:bookingUid/cancel',
    {
      schema: {
        params: UidParams,
        body: Type.Optional(Type.Object({ cancellationReason: Type.Optional(Type.String()) })),
      },
    },
    async (request) => ({
      status: 'success',
      data: renderBooking(
        store,
        bookings.cancel(request.params.bookingUid, null, request.body?.cancellationReason),
      ),
    }),
  )

  app.post(
    '/bookings/:bookingUid/request-reschedule',
    {
      schema: {
        params: UidParams,
        body: Type.Optional(Type.Object({ reason: Type.Optional(Type.String()) })),
      },
    },
    async (request) => {
      const booking = store.bookings.get(request.params.bookingUid)
      const organizer = booking ? store.accounts.get(booking.accountId) : undefined
      const actor = organizer ? { userId: organizer.userId, email: organizer.email } : null
      return {
        status: 'success',
        data: renderBooking(
          store,
          bookings.cancel(request.params.bookingUid, actor, request.body?.reason, true),
        ),
      }
    },
  )

  app.post(
    '/bookings/:bookingUid/reschedule',
    {
      schema: {
        params: UidParams,
        body: Type.Object({
          start: Type.String({ format: 'date-time' }),
          reschedulingReason: Type.Optional(Type.String()),
        }),
      },
    },
    async (request, reply) => {
      const booking = bookings.reschedule(request.params.bookingUid, null, request.body)
      return reply.code(201).send({ status: 'success', data: renderBooking(store, booking) })
    },
  )

  app.post('/bookings/:bookingUid/pay', { schema: { params: UidParams } }, async (request) => ({
    status: 'success',
    data: renderBooking(store, bookings.pay(request.params.bookingUid)),
  }))
}

export default publicBooking
