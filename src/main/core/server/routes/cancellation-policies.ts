// Cancellation policies of this branch's services (DESIGN.md §8): an owner or an admin sets or
// removes one with their PIN; the relay is the authority (it checks the PIN and the branch), this
// desk reads the new copy before answering, so the cancel dialog shows it at once.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  RemoveCancellationPolicyBody,
  ServiceParams,
  ServicePolicy,
  ServicePolicyList,
  SetCancellationPolicyBody,
} from '../../../../shared/api/cancellation-policy'
import { ApiError } from '../../../../shared/api/schemas'
import { DeskError } from '../../errors/desk-error'
import type { DeskServices } from '../desk-services'

const cancellationPolicies: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (
  app,
  { services },
) => {
  const { branches, businessCopy, eventTypes, signIn, policies, audit } = services
  const refusals = {
    400: ApiError,
    401: ApiError,
    403: ApiError,
    404: ApiError,
    409: ApiError,
    423: ApiError,
    503: ApiError,
  }

  const change = async (
    eventTypeId: number,
    body: { pin: string; windowHours?: number; text?: string },
  ) => {
    const me = signIn.current()
    if (!me) throw new DeskError('SIGN_IN_REQUIRED', 'Sign in with your PIN first')
    const branch = branches.current()
    const eventType = eventTypes.byId(branch.id, eventTypeId)
    if (!eventType)
      throw new DeskError('NOT_FOUND', `No event type ${eventTypeId} at this branch`, 'eventTypeId')
    const actor = { personId: me.id, pin: body.pin }
    const set = body.windowHours !== undefined && body.text !== undefined
    await businessCopy.setCancellationPolicy(
      eventType.calcomId,
      set ? { actor, windowHours: body.windowHours!, text: body.text! } : { actor },
      { role: me.role, action: 'branch.settings' },
    )
    audit.record({
      action: set ? 'cancellationPolicy.set' : 'cancellationPolicy.remove',
      target: `eventType:${eventTypeId}`,
      detail: set ? { windowHours: body.windowHours } : {},
    })
    return { policy: policies.of({ branchId: branch.id, eventTypeId }) }
  }

  app.get(
    '/api/cancellation-policies',
    {
      config: { access: 'branch.settings' },
      schema: {
        summary: 'This branch’s services with their cancellation policies (owners and admins)',
        response: { 200: ServicePolicyList, 401: ApiError, 403: ApiError },
      },
    },
    async () => {
      const branch = branches.current()
      const of = policies.reader()
      return {
        // Hidden ones too: Cal.com still books them by direct link.
        services: eventTypes.list(branch.id).map((et) => ({
          eventTypeId: et.id,
          title: et.title,
          policy: of({ branchId: branch.id, eventTypeId: et.id }),
        })),
      }
    },
  )

  app.put(
    '/api/cancellation-policies/:eventTypeId',
    {
      config: { access: 'branch.settings' },
      schema: {
        summary: 'Set the cancellation policy of one of this branch’s services (owners and admins)',
        params: ServiceParams,
        body: SetCancellationPolicyBody,
        response: { 200: ServicePolicy, ...refusals },
      },
    },
    async (request) => change(request.params.eventTypeId, request.body),
  )

  app.delete(
    '/api/cancellation-policies/:eventTypeId',
    {
      config: { access: 'branch.settings' },
      schema: {
        summary: 'Remove the cancellation policy of one of this branch’s services',
        params: ServiceParams,
        body: RemoveCancellationPolicyBody,
        response: { 200: ServicePolicy, ...refusals },
      },
    },
    async (request) => change(request.params.eventTypeId, request.body),
  )
}

export default cancellationPolicies
