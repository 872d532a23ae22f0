import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CalcomClient, CalcomError } from '../calcom/calcom-client.js'
import { ensureWebhook } from '../calcom/ensure-webhook.js'
import { EnrollResponseSchema } from '../../../src/shared/relay/log-answers.js'
import type { EnrollResponse } from '../../../src/shared/relay/relay-contract.js'
import { RelayHttpError, errorAnswers, invalidField } from '../errors.js'
import { newChannelId, newDeviceId, newDeviceToken, newWebhookSecret, sha256Hex } from '../ids.js'
import type { Device } from '../storage/types.js'
import { nameProblem } from '../text-checks.js'

export interface EnrollOptions {
  calcomApiUrl: string
  publicUrl: string
  allowedAccounts: Set<string> | undefined
  rateLimitPerMinute: number
}

/** Exactly one of the two: an unknown key is named as such, not lost in a union's errors. */
const Credential = Type.Object(
  {
    apiKey: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    accessToken: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
  },
  { additionalProperties: false, minProperties: 1, maxProperties: 1 },
)

/**
 * Well above any valid enrollment (two short fields and a credential of at most 4 KB), so a
 * field too long is named by validation instead of drowned in a 413; far below intake's limit.
 */
const ENROLL_BODY_LIMIT = 128 * 1024

/** A desk proves who it is with its Cal.com credential and gets a device token for its channel. */
const enroll: FastifyPluginAsyncTypebox<EnrollOptions> = async (app, opts) => {
  /**
   * Revokes the device holding `oldToken` (whoever holds a device's token may give it up) and
   * gives `next` its cursor when they share a channel, so the old device holds back no
   * retention. Returns the revoked device's id.
   */
  const replaceDevice = async (
    oldToken: string | undefined,
    next: Device,
  ): Promise<string | undefined> => {
    const old =
      oldToken === undefined ? undefined : await app.storage.deviceByTokenHash(sha256Hex(oldToken))
    if (!old || old.id === next.id) return undefined
    if (old.channelId === next.channelId && old.cursor > 0)
      await app.storage.ack(next.id, old.cursor)
    await app.storage.revokeDevice(old.id)
    return old.id
  }

  app.post(
    '/v1/enroll',
    {
      bodyLimit: ENROLL_BODY_LIMIT,
      config: { rateLimit: { max: opts.rateLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        body: Type.Object(
          {
            calcom: Credential,
            deviceName: Type.String({ minLength: 1, maxLength: 100 }),
            /**
             * The token of the device this enrollment replaces (the desk enrolling again): that
             * device is revoked and its cursor carried over. Unknown or revoked: ignored.
             */
            replacesDeviceToken: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: EnrollResponseSchema, ...errorAnswers },
      },
    },
    async (request, reply) => {
      const problem = nameProblem(request.body.deviceName)
      if (problem) throw invalidField('body/deviceName', problem)
      const { apiKey, accessToken } = request.body.calcom
      const calcom = new CalcomClient(opts.calcomApiUrl, (apiKey ?? accessToken) as string)
      try {
        const me = await calcom.me()
        const accountId = String(me.id)
        if (opts.allowedAccounts && !opts.allowedAccounts.has(accountId)) {
          throw new RelayHttpError(
            403,
            'ACCOUNT_NOT_ALLOWED',
            'This Cal.com account may not enroll on this relay.',
          )
        }
        const channel = await app.storage.channelForAccount(accountId, {
          id: newChannelId(),
          webhookSecret: newWebhookSecret(),
        })
        const webhookId = await ensureWebhook(
          calcom,
          `${opts.publicUrl}/hooks/calcom/${channel.id}`,
          channel.webhookSecret,
        )
        if (webhookId !== channel.calcomWebhookId)
          await app.storage.setChannelWebhook(channel.id, webhookId)
        const deviceToken = newDeviceToken()
        const device = await app.storage.createDevice({
          id: newDeviceId(),
          channelId: channel.id,
          name: request.body.deviceName,
          tokenHash: sha256Hex(deviceToken),
        })
        const replaced = await replaceDevice(request.body.replacesDeviceToken, device)
        request.log.info(
          { channelId: channel.id, deviceId: device.id, accountId, replaced },
          'device enrolled',
        )
        const out: EnrollResponse = { channelId: channel.id, deviceId: device.id, deviceToken }
        return reply.send(out)
      } catch (err) {
        if (!(err instanceof CalcomError)) throw err
        if (err.kind === 'unauthorized') {
          throw new RelayHttpError(
            401,
            'CALCOM_UNAUTHORIZED',
            'Cal.com did not accept this credential.',
          )
        }
        request.log.warn({ err: err.message }, 'enrollment: Cal.com call failed')
        throw new RelayHttpError(
          502,
          'CALCOM_UNAVAILABLE',
          `Could not complete enrollment with Cal.com: ${err.message}`,
        )
      }
    },
  )
}

export default enroll
