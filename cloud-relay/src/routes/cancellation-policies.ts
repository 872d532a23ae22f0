import { Type, type Static } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { CancellationPolicy } from '../../../src/shared/cancellation/late-cancellation.js'
import { can } from '../../../src/shared/people/roles.js'
import { CancellationPolicyResponseSchema } from '../../../src/shared/relay/business-answers.js'
import type { Actor, CancellationPolicyResponse } from '../../../src/shared/relay/relay-contract.js'
import { verifyActor } from '../business/actor.js'
import { commitChange } from '../business/commit.js'
import { businessOfDevice } from '../business/load.js'
import { forbidden } from '../business/people-checks.js'
import { RelayHttpError, errorAnswers, invalidField } from '../errors.js'
import { docOf } from '../storage/business-doc.js'
import type { StoredBusiness, StoredPerson } from '../storage/business-types.js'
import type { Device } from '../storage/types.js'
import { textProblem } from '../text-checks.js'
import { Actor as ActorSchema } from './business-schemas.js'

const Params = Type.Object({
  branchId: Type.String({ minLength: 1, maxLength: 100 }),
  eventTypeId: Type.Integer({ minimum: 1 }),
})

/**
 * A branch setting (DESIGN.md §7, §8): the owner sets any branch's policies, an admin those of
 * their own branches. A branch of another business is as unknown as a made-up one.
 */
function checkBranch(business: StoredBusiness, actor: StoredPerson, branchId: string): void {
  if (!business.channelIds.includes(branchId))
    throw new RelayHttpError(404, 'NOT_FOUND', 'No such branch in this business.', {
      field: 'params/branchId',
    })
  if (!can(actor.role, 'branch.settings'))
    throw forbidden('Only owners and admins set cancellation policies.')
  if (actor.role !== 'owner' && !actor.branches.includes(branchId))
    throw forbidden('An admin sets the cancellation policies of their own branches only.')
}

/**
 * Cancellation policies per service, stored with the business: a change is a new business
 * version with its audit row, announced to every branch, so each desk's copy has it and the
 * dispatcher judges late cancellations by it.
 */
const cancellationPolicies: FastifyPluginAsyncTypebox = async (app) => {
  const path = '/v1/business/cancellation-policies/:branchId/:eventTypeId'

  async function change(
    request: FastifyRequest,
    { branchId, eventTypeId }: Static<typeof Params>,
    actorIn: Actor,
    policy: CancellationPolicy | null,
  ): Promise<CancellationPolicyResponse> {
    const device = request.device as Device
    const business = await businessOfDevice(request)
    const now = new Date()
    const actor = await verifyActor(app.storage, business, actorIn, now)
    checkBranch(business, actor, branchId)
    const others = business.cancellationPolicies.filter(
      (p) => !(p.branchId === branchId && p.eventTypeId === eventTypeId),
    )
    const before = business.cancellationPolicies.length - others.length > 0
    const next = await commitChange(
      app.storage,
      business,
      { ...docOf(business), cancellationPolicies: policy ? [...others, policy] : others },
      {
        personId: actor.id,
        deviceId: device.id,
        action: policy ? 'policy.set' : 'policy.remove',
        detail: policy
          ? { branchId, eventTypeId, windowHours: policy.windowHours, replaced: before }
          : { branchId, eventTypeId, existed: before },
        at: now,
      },
    )
    request.log.info(
      { businessId: business.id, branchId, eventTypeId, version: next.version },
      policy ? 'cancellation policy set' : 'cancellation policy removed',
    )
    return { policy, version: next.version }
  }

  app.put(
    path,
    {
      onRequest: app.requireDevice,
      schema: {
        params: Params,
        body: Type.Object(
          {
            actor: ActorSchema,
            windowHours: Type.Integer({ minimum: 0, maximum: 24 * 30 }),
            text: Type.String({ minLength: 1, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: CancellationPolicyResponseSchema, ...errorAnswers },
      },
    },
    async (request) => {
      const problem = textProblem(request.body.text)
      if (problem) throw invalidField('body/text', problem)
      const { branchId, eventTypeId } = request.params
      const { windowHours, text } = request.body
      return change(request, request.params, request.body.actor, {
        branchId,
        eventTypeId,
        windowHours,
        text,
      })
    },
  )

  app.delete(
    path,
    {
      onRequest: app.requireDevice,
      schema: {
        params: Params,
        body: Type.Object({ actor: ActorSchema }, { additionalProperties: false }),
        response: { 200: CancellationPolicyResponseSchema, ...errorAnswers },
      },
    },
    async (request) => change(request, request.params, request.body.actor, null),
  )
}

export default cancellationPolicies
