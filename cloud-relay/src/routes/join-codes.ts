import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { can } from '../../../src/shared/people/roles.js'
import {
  BusinessSnapshotSchema,
  JoinCodeResponseSchema,
} from '../../../src/shared/relay/business-answers.js'
import type { JoinCodeResponse } from '../../../src/shared/relay/relay-contract.js'
import { verifyActor } from '../business/actor.js'
import { announceBusiness } from '../business/announce.js'
import { JOIN_CODE_TTL_MS, joinCodeHash, newJoinCode } from '../business/join-code.js'
import { commitChange } from '../business/commit.js'
import { docOf } from '../storage/business-doc.js'
import { businessOfDevice } from '../business/load.js'
import { forbidden } from '../business/people-checks.js'
import { snapshotOf } from '../business/snapshot.js'
import { RelayHttpError, errorAnswers } from '../errors.js'
import type { StoredBusiness } from '../storage/business-types.js'
import type { Device } from '../storage/types.js'
import { Actor } from './business-schemas.js'

export interface JoinCodeOptions {
  /** Join attempts per client address per minute: what makes guessing a code hopeless. */
  joinRateLimitPerMinute: number
}

/** The owner makes single-use codes; another branch's enrolled desk joins with one. */
const joinCodes: FastifyPluginAsyncTypebox<JoinCodeOptions> = async (app, opts) => {
  app.post(
    '/v1/business/join-codes',
    {
      onRequest: app.requireDevice,
      schema: {
        body: Type.Object({ actor: Actor }, { additionalProperties: false }),
        response: { 201: JoinCodeResponseSchema, ...errorAnswers },
      },
    },
    async (request, reply) => {
      const device = request.device as Device
      const business = await businessOfDevice(request)
      const now = new Date()
      const actor = await verifyActor(app.storage, business, request.body.actor, now)
      if (!can(actor.role, 'business.joinCode')) throw forbidden('Only an owner makes join codes.')
      const code = newJoinCode()
      const expiresAt = new Date(now.getTime() + JOIN_CODE_TTL_MS)
      await commitChange(app.storage, business, docOf(business), {
        personId: actor.id,
        deviceId: device.id,
        action: 'joinCode.create',
        detail: { expiresAt: expiresAt.toISOString() },
        at: now,
      })
      await app.storage.business.addJoinCode({
        codeHash: joinCodeHash(code),
        businessId: business.id,
        expiresAt,
      })
      const out: JoinCodeResponse = { code, expiresAt: expiresAt.toISOString() }
      return reply.code(201).send(out)
    },
  )

  app.post(
    '/v1/business/join',
    {
      onRequest: app.requireDevice,
      config: { rateLimit: { max: opts.joinRateLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        body: Type.Object(
          { code: Type.String({ minLength: 1, maxLength: 64 }) },
          { additionalProperties: false },
        ),
        response: { 200: BusinessSnapshotSchema, ...errorAnswers },
      },
    },
    async (request) => {
      const device = request.device as Device
      if (await app.storage.business.businessOfChannel(device.channelId))
        throw new RelayHttpError(
          409,
          'BUSINESS_EXISTS',
          'This branch already belongs to a business.',
        )
      const now = new Date()
      const joined = await app.storage.business.redeemJoinCode({
        codeHash: joinCodeHash(request.body.code),
        channelId: device.channelId,
        now,
        audit: {
          personId: null,
          deviceId: device.id,
          action: 'branch.join',
          detail: { channelId: device.channelId },
          at: now,
        },
      })
      // Unknown, used and expired codes get one answer: a guesser learns nothing from which.
      if (!joined)
        throw new RelayHttpError(
          403,
          'JOIN_CODE_INVALID',
          'This join code is not valid: it may be mistyped, used or expired.',
          { field: 'body/code' },
        )
      const business = (await app.storage.business.businessOfChannel(
        device.channelId,
      )) as StoredBusiness
      await announceBusiness(app.storage, business, now)
      request.log.info(
        { businessId: business.id, channelId: device.channelId, deviceId: device.id },
        'branch joined a business',
      )
      return snapshotOf(business)
    },
  )
}

export default joinCodes
