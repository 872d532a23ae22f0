import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { DESK_REPORT_KINDS, WEBHOOK_FINDINGS } from '../../../src/shared/notifications/kinds.js'
import { DeskReportResponseSchema } from '../../../src/shared/relay/notification-answers.js'
import type { DeskReportResponse } from '../../../src/shared/relay/relay-contract.js'
import { businessOfDevice } from '../business/load.js'
import { errorAnswers, invalidField } from '../errors.js'
import type { ReportPayload } from '../storage/notification-types.js'
import type { Device } from '../storage/types.js'
import { nameProblem } from '../text-checks.js'

/**
 * `POST /v1/reports`: a desk-side problem (Cal.com refused a desk action, the desk must
 * reconnect) joins the notification pipeline as a job, idempotent by the desk's key. A branch's
 * Cal.com webhook found off (`webhook_disabled`) is a relay.delivery_problem keyed by the branch
 * and the day, whichever desk of the branch finds it and however often.
 */
const reports: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/reports',
    {
      onRequest: app.requireDevice,
      schema: {
        body: Type.Object(
          {
            key: Type.String({ minLength: 1, maxLength: 200 }),
            kind: Type.Union(DESK_REPORT_KINDS.map((k) => Type.Literal(k))),
            summary: Type.String({ minLength: 1, maxLength: 500 }),
            bookingUid: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            webhook: Type.Optional(
              Type.Object(
                {
                  finding: Type.Union(WEBHOOK_FINDINGS.map((f) => Type.Literal(f))),
                  reenabled: Type.Boolean(),
                },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 202: DeskReportResponseSchema, ...errorAnswers },
      },
    },
    async (request, reply) => {
      const device = request.device as Device
      const { key, kind, summary, bookingUid, webhook } = request.body
      const problem = nameProblem(summary)
      if (problem) throw invalidField('body/summary', problem)
      if (kind === 'webhook_disabled' && !webhook)
        throw invalidField('body/webhook', 'must say what was found of the webhook')
      if (kind !== 'webhook_disabled' && webhook)
        throw invalidField('body/webhook', 'is only for a webhook_disabled report')
      await businessOfDevice(request)
      const now = new Date()
      const at = now.toISOString()
      const [sourceKey, payload]: [string, ReportPayload] =
        kind === 'webhook_disabled'
          ? [
              `relay:webhook-disabled:${device.channelId}:${at.slice(0, 10)}`,
              {
                kind: 'relay.delivery_problem',
                // Worded per recipient from `problem` (messages.ts); the desk's sentence is logged.
                summary: '',
                problem: { code: 'webhook_disabled', since: at, webhook },
                bookingUid: null,
                deviceId: device.id,
                at,
              },
            ]
          : [
              `rpt:${device.channelId}:${key}`,
              { kind, summary, bookingUid: bookingUid ?? null, deviceId: device.id, at },
            ]
      const fresh = await app.storage.notifications.enqueueReport(
        sourceKey,
        device.channelId,
        payload,
        now,
      )
      if (kind === 'webhook_disabled')
        request.log.warn(
          { channel: device.channelId, device: device.id, webhook, duplicate: !fresh },
          'a desk found the branch’s Cal.com webhook off',
        )
      if (fresh) app.notifier.wake()
      const out: DeskReportResponse = { ok: true, duplicate: !fresh }
      return reply.code(202).send(out)
    },
  )
}

export default reports
