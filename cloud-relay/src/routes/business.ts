import { randomBytes } from 'node:crypto'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  BusinessSnapshotSchema,
  CreateBusinessResponseSchema,
} from '../../../src/shared/relay/business-answers.js'
import type { CreateBusinessResponse } from '../../../src/shared/relay/relay-contract.js'
import { announceBusiness } from '../business/announce.js'
import { businessOfDevice } from '../business/load.js'
import { hashPin } from '../business/pin.js'
import { snapshotOf } from '../business/snapshot.js'
import { RelayHttpError, errorAnswers, invalidField } from '../errors.js'
import type { StoredBusiness } from '../storage/business-types.js'
import type { Device } from '../storage/types.js'
import { nameProblem } from '../text-checks.js'
import { Name, NewPerson } from './business-schemas.js'

export const newBusinessId = (): string => `biz_${randomBytes(12).toString('base64url')}`
export const newPersonId = (): string => `per_${randomBytes(12).toString('base64url')}`

/** Setting up a business from an enrolled desk, and the snapshot a fresh desk starts from. */
const business: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/business',
    {
      onRequest: app.requireDevice,
      schema: {
        body: Type.Object(
          {
            name: Name,
            owner: Type.Object(NewPerson, { additionalProperties: false }),
          },
          { additionalProperties: false },
        ),
        response: { 201: CreateBusinessResponseSchema, ...errorAnswers },
      },
    },
    async (request, reply) => {
      const device = request.device as Device
      const { name, owner } = request.body
      for (const [field, value] of [
        ['body/name', name],
        ['body/owner/name', owner.name],
      ] as const) {
        const problem = nameProblem(value)
        if (problem) throw invalidField(field, problem)
      }
      const now = new Date()
      const ownerId = newPersonId()
      const id = newBusinessId()
      const doc = {
        name,
        people: [
          {
            id: ownerId,
            name: owner.name,
            email: owner.email,
            language: owner.language,
            role: 'owner' as const,
            branches: [],
            pinHash: await hashPin(owner.pin),
            active: true,
          },
        ],
        cancellationPolicies: [],
        branchNames: {},
      }
      const created = await app.storage.business.createBusiness({
        id,
        channelId: device.channelId,
        doc,
        audit: {
          personId: ownerId,
          deviceId: device.id,
          action: 'business.create',
          detail: { name },
          at: now,
        },
      })
      if (!created)
        throw new RelayHttpError(
          409,
          'BUSINESS_EXISTS',
          'This branch already belongs to a business.',
        )
      const stored: StoredBusiness = { id, version: 1, channelIds: [device.channelId], ...doc }
      await announceBusiness(app.storage, stored, now)
      request.log.info(
        { businessId: id, channelId: device.channelId, deviceId: device.id },
        'business created',
      )
      const out: CreateBusinessResponse = { ...snapshotOf(stored), ownerId }
      return reply.code(201).send(out)
    },
  )

  app.get(
    '/v1/business',
    {
      onRequest: app.requireDevice,
      schema: { response: { 200: BusinessSnapshotSchema, ...errorAnswers } },
    },
    async (request) => snapshotOf(await businessOfDevice(request)),
  )
}

export default business
