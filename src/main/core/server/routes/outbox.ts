// The outbox as the desk shows it (DESIGN.md §4.3): what is queued or needs attention, with
// retry and discard. Discard needs `{confirm: true}`: it never sends the change. A new booking
// or a move refused for its time is sent again for another time (another-time).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  ActionResult,
  AnotherTimeBody,
  ApiError,
  DiscardBody,
  EmptyBody,
  OutboxEntry,
  OutboxIdParams,
  OutboxQuery,
} from '../../../../shared/api/schemas'
import { resolveDeskUser, DESK_USER_HEADER } from '../../actions/desk-user'
import type { OutboxRow } from '../../outbound/outbox-store'
import type { DeskServices } from '../desk-services'
import { answering, DeskUserHeaders } from './actions'

/** An outbox row as the API shows it; `anotherTime` says whether it can take another time. */
const toEntry = (r: OutboxRow, anotherTime: (r: OutboxRow) => boolean): OutboxEntry => ({
  id: r.id,
  mutationId: r.mutationId,
  op: r.op,
  bookingUid: r.bookingUid,
  state: r.state,
  attempts: r.attempts,
  nextAttemptAt:
    r.state === 'pending' && r.nextAttemptAt > 0 ? new Date(r.nextAttemptAt).toISOString() : null,
  reason: r.lastError,
  createdBy: r.createdBy,
  createdAt: new Date(r.createdAt).toISOString(),
  updatedAt: new Date(r.updatedAt).toISOString(),
  canTakeAnotherTime: anotherTime(r),
})

const outbox: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (app, { services }) => {
  const user = (headers: Record<string, unknown>) =>
    resolveDeskUser(services.deskUsers, headers[DESK_USER_HEADER] as string | undefined)
  const changed = { 200: OutboxEntry, 400: ApiError, 404: ApiError, 409: ApiError }
  // By the rule another-time itself goes by, so the screens never restate it.
  const entry = (r: OutboxRow) => toEntry(r, (row) => services.actions.canTakeAnotherTime(row))

  app.get(
    '/api/outbox',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: 'Queued and needs-attention desk changes, oldest first',
        querystring: OutboxQuery,
        response: { 200: Type.Array(OutboxEntry), 400: ApiError },
      },
    },
    async (request) =>
      services.outbox
        .list(
          (request.query as OutboxQuery).state ?? ['pending', 'in_flight', 'needs_attention'],
          request.query.limit ?? 200,
        )
        .map(entry),
  )

  app.post(
    '/api/outbox/:id/retry',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: 'Send again now',
        headers: DeskUserHeaders,
        params: OutboxIdParams,
        body: Type.Optional(EmptyBody),
        response: changed,
      },
    },
    async (request) =>
      entry(
        await answering(() =>
          services.outboxCommands.retry(request.params.id, user(request.headers)),
        ),
      ),
  )

  app.post(
    '/api/outbox/:id/discard',
    {
      config: { access: 'attention.discard' },
      schema: {
        summary: 'Never send; undo the change at the desk',
        headers: DeskUserHeaders,
        params: OutboxIdParams,
        body: DiscardBody,
        response: changed,
      },
    },
    async (request) =>
      entry(
        await answering(() =>
          services.outboxCommands.discard(request.params.id, user(request.headers)),
        ),
      ),
  )

  app.post(
    '/api/outbox/:id/another-time',
    {
      config: { access: 'appointment.reschedule' },
      schema: {
        summary:
          'Send a refused new booking or reschedule again for another start (its time was taken)',
        headers: DeskUserHeaders,
        params: OutboxIdParams,
        body: AnotherTimeBody,
        response: { 202: ActionResult, 400: ApiError, 404: ApiError, 409: ApiError },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(
          await answering(() =>
            services.actions.anotherTime(request.params.id, request.body, user(request.headers)),
          ),
        ),
  )
}
export default outbox
