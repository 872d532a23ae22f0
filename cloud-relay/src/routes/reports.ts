import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { DESK_REPORT_KINDS } from '../../../src/shared/notifications/kinds.js'
import type { DeskReportResponse } from '../../../src/shared/relay/relay-contract.js'
import { businessOfDevice } from '../business/load.js'
import { invalidField } from '../errors.js'
import type { Device } from '../storage/types.js'
import { nameProblem } from '../text-checks.js'

/**
 * `POST /v1/reports`: a desk-side problem (Cal.com refused a desk action, the desk must
 * reconnect) joins the notification pipeline as a job, idempotent by the desk's key.
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
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const device = request.device as Device
      const { key, kind, summary, bookingUid } = request.body
      const problem = nameProblem(summary)
      if (problem) throw invalidField('body/summary', problem)
      await businessOfDevice(request)
      const now = new Date()
      const fresh = await app.storage.notifications.enqueueReport(
        `rpt:${device.channelId}:${key}`,
        device.channelId,
        {
          kind,
          summary,
          bookingUid: bookingUid ?? null,
          deviceId: device.id,
          at: now.toISOString(),
        },
        now,
      )
      if (fresh) app.notifier.wake()
      const out: DeskReportResponse = { ok: true, duplicate: !fresh }
      return reply.code(202).send(out)
    },
  )
}

export default reports
