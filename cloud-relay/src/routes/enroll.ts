import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CalcomClient, CalcomError } from '../calcom/calcom-client.js'
import { ensureWebhook } from '../calcom/ensure-webhook.js'
import type { EnrollResponse } from '../contract.js'
import { RelayHttpError } from '../errors.js'
import { newChannelId, newDeviceId, newDeviceToken, newWebhookSecret, sha256Hex } from '../ids.js'

export interface EnrollOptions {
  calcomApiUrl: string
  publicUrl: string
  allowedAccounts: Set<string> | undefined
  rateLimitPerMinute: number
}

const Credential = Type.Union([
  Type.Object(
    { accessToken: Type.String({ minLength: 1, maxLength: 4096 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { apiKey: Type.String({ minLength: 1, maxLength: 4096 }) },
    { additionalProperties: false },
  ),
])

/** A desk proves who it is with its Cal.com credential and gets a device token for its channel. */
const enroll: FastifyPluginAsyncTypebox<EnrollOptions> = async (app, opts) => {
  app.post(
    '/v1/enroll',
    {
      config: { rateLimit: { max: opts.rateLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        body: Type.Object(
          { calcom: Credential, deviceName: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const cred = request.body.calcom
      const calcom = new CalcomClient(
        opts.calcomApiUrl,
        'apiKey' in cred ? cred.apiKey : cred.accessToken,
      )
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
        request.log.info(
          { channelId: channel.id, deviceId: device.id, accountId },
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
