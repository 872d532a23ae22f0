import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { can } from '../../../src/shared/people/roles.js'
import { RenameBranchResponseSchema } from '../../../src/shared/relay/business-answers.js'
import type { RenameBranchResponse } from '../../../src/shared/relay/relay-contract.js'
import { verifyActor } from '../business/actor.js'
import { commitChange } from '../business/commit.js'
import { businessOfDevice } from '../business/load.js'
import { forbidden } from '../business/people-checks.js'
import { RelayHttpError, errorAnswers, invalidField } from '../errors.js'
import { docOf } from '../storage/business-doc.js'
import type { Device } from '../storage/types.js'
import { nameProblem } from '../text-checks.js'
import { Actor, Name } from './business-schemas.js'

const Params = Type.Object({ channelId: Type.String({ minLength: 1, maxLength: 100 }) })

/**
 * Branch names (DESIGN.md §7, §9): the owner names any branch of the business, an admin their
 * own. The name lives in the business document, so a change is a new version with its audit row,
 * announced to every branch: each desk's copy and every message the relay words carry it. A
 * branch of another business is as unknown as a made-up one.
 */
const branches: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/v1/business/branches/:channelId',
    {
      onRequest: app.requireDevice,
      schema: {
        params: Params,
        body: Type.Object({ actor: Actor, name: Name }, { additionalProperties: false }),
        response: { 200: RenameBranchResponseSchema, ...errorAnswers },
      },
    },
    async (request): Promise<RenameBranchResponse> => {
      const name = request.body.name.trim()
      const problem = nameProblem(name)
      if (problem) throw invalidField('body/name', problem)
      const { channelId } = request.params
      const device = request.device as Device
      const business = await businessOfDevice(request)
      const now = new Date()
      const actor = await verifyActor(app.storage, business, request.body.actor, now)
      if (!business.channelIds.includes(channelId))
        throw new RelayHttpError(404, 'NOT_FOUND', 'No such branch in this business.', {
          field: 'params/channelId',
        })
      if (!can(actor.role, 'branch.settings'))
        throw forbidden('Only owners and admins name branches.')
      if (actor.role !== 'owner' && !actor.branches.includes(channelId))
        throw forbidden('An admin names their own branches only.')
      const before = business.branchNames[channelId] ?? null
      const next = await commitChange(
        app.storage,
        business,
        { ...docOf(business), branchNames: { ...business.branchNames, [channelId]: name } },
        {
          personId: actor.id,
          deviceId: device.id,
          action: 'branch.rename',
          detail: { channelId, name, before },
          at: now,
        },
      )
      request.log.info(
        { businessId: business.id, channelId, version: next.version },
        'branch renamed',
      )
      return { channelId, name, version: next.version }
    },
  )
}

export default branches
