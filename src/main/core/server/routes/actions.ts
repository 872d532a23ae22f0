// The desk's actions (DESIGN.md §4.3): book, reschedule, cancel, no-show, confirm, decline (each
// queued for Cal.com and answered 202 with the appointment as it now shows, "waiting to sync"),
// and visit state / desk notes (desk-only, 200). Who acted comes from the X-Desk-User header.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  ActionResult,
  ApiError,
  BookBody,
  CancelBody,
  DeclineBody,
  EmptyBody,
  NoShowBody,
  RescheduleBody,
  UidParams,
  VisitBody,
} from '../../../../shared/api/schemas'
import { IDEMPOTENCY_KEY_HEADER } from '../../actions/booking-requests'
import { DESK_USER_HEADER, resolveDeskUser } from '../../actions/desk-user'
import type { DeskServices } from '../desk-services'

export const DeskUserHeaders = Type.Object({
  [DESK_USER_HEADER]: Type.Optional(
    Type.String({
      pattern: '^[0-9]{1,9}$',
      description: 'The acting desk user id (no sign-in yet)',
    }),
  ),
})

const BookHeaders = Type.Composite([
  DeskUserHeaders,
  Type.Object({
    [IDEMPOTENCY_KEY_HEADER]: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 255,
        pattern: '^[\\x21-\\x7e]+$',
        description:
          'One per booking form (printable ASCII, no spaces). A repeat with the same key is answered ' +
          'with the first answer for 24 hours, and books nothing; the same key with another body is ' +
          'a 422 IDEMPOTENCY_KEY_REUSED. Without a key, the same client, service and start booked ' +
          'in the last 2 minutes is a 409 DUPLICATE_BOOKING naming that booking.',
      }),
    ),
  }),
])

/**
 * Runs a route's domain work. Its DeskErrors reach the error handler as they are (it alone gives
 * them their status); anything else is a 500.
 */
export async function answering<T>(work: () => T | Promise<T>): Promise<T> {
  return await work()
}

const queued = { 202: ActionResult, 400: ApiError, 404: ApiError, 409: ApiError }

const actions: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (
  app,
  { services },
) => {
  const { actions: desk, deskUsers } = services
  const user = (headers: Record<string, unknown>) =>
    resolveDeskUser(deskUsers, headers[DESK_USER_HEADER] as string | undefined)

  app.post(
    '/api/appointments',
    {
      config: { access: 'appointment.book' },
      schema: {
        summary: 'Book a walk-in or phone booking (checked against Cal.com slots when online)',
        headers: BookHeaders,
        body: BookBody,
        response: { ...queued, 422: ApiError },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(
          await answering(() =>
            services.bookings.book(
              request.body,
              user(request.headers),
              request.headers[IDEMPOTENCY_KEY_HEADER],
            ),
          ),
        ),
  )

  app.post(
    '/api/appointments/:uid/reschedule',
    {
      config: { access: 'appointment.reschedule' },
      schema: {
        summary: 'Move to another start',
        headers: DeskUserHeaders,
        params: UidParams,
        body: RescheduleBody,
        response: queued,
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(
          await answering(() =>
            desk.reschedule(request.params.uid, request.body, user(request.headers)),
          ),
        ),
  )

  app.post(
    '/api/appointments/:uid/cancel',
    {
      config: { access: 'appointment.cancel' },
      schema: {
        summary: 'Cancel with a reason',
        headers: DeskUserHeaders,
        params: UidParams,
        body: CancelBody,
        response: queued,
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(
          await answering(() =>
            desk.cancel(request.params.uid, request.body, user(request.headers)),
          ),
        ),
  )

  app.post(
    '/api/appointments/:uid/no-show',
    {
      config: { access: 'appointment.noShow' },
      schema: {
        summary: 'Mark (or unmark) the attendee as a no-show',
        headers: DeskUserHeaders,
        params: UidParams,
        body: Type.Optional(NoShowBody),
        response: queued,
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(
          await answering(() =>
            desk.markNoShow(
              request.params.uid,
              { absent: request.body?.absent ?? true },
              user(request.headers),
            ),
          ),
        ),
  )

  app.post(
    '/api/appointments/:uid/confirm',
    {
      config: { access: 'appointment.confirm' },
      schema: {
        summary: 'Confirm a booking that needs confirmation',
        headers: DeskUserHeaders,
        params: UidParams,
        body: Type.Optional(EmptyBody),
        response: queued,
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await answering(() => desk.confirm(request.params.uid, user(request.headers)))),
  )

  app.post(
    '/api/appointments/:uid/decline',
    {
      config: { access: 'appointment.decline' },
      schema: {
        summary: 'Decline a booking that needs confirmation',
        headers: DeskUserHeaders,
        params: UidParams,
        body: Type.Optional(DeclineBody),
        response: queued,
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(
          await answering(() =>
            desk.decline(request.params.uid, request.body ?? {}, user(request.headers)),
          ),
        ),
  )

  app.post(
    '/api/appointments/:uid/visit',
    {
      config: { access: 'appointment.checkIn' },
      schema: {
        summary: 'Visit state (arrived, in service, done) and desk notes: the desk’s own',
        headers: DeskUserHeaders,
        params: UidParams,
        body: VisitBody,
        response: { 200: ActionResult, 400: ApiError, 404: ApiError, 409: ApiError },
      },
    },
    async (request) =>
      answering(() =>
        desk.visit(request.params.uid, request.body as VisitBody, user(request.headers)),
      ),
  )
}
export default actions
