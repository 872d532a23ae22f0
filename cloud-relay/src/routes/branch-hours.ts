import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { DateTime } from 'luxon'
import { BranchHoursResponseSchema } from '../../../src/shared/relay/notification-answers.js'
import type { BranchHoursResponse } from '../../../src/shared/relay/relay-contract.js'
import { errorAnswers, invalidField } from '../errors.js'
import type { Device } from '../storage/types.js'

/**
 * `PUT /v1/branch-hours`: a desk says when its branch closes on the coming days (from the
 * branch's Cal.com schedules, which only the desk can read), so the relay sends the branch's
 * summary.daily at its real closing in its zone. A device writes its own branch only; the
 * latest report of any of the branch's desks wins.
 */
const branchHours: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/v1/branch-hours',
    {
      onRequest: app.requireDevice,
      schema: {
        body: Type.Object(
          {
            zone: Type.String({ minLength: 1, maxLength: 100 }),
            days: Type.Array(
              Type.Object(
                {
                  date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
                  closesAtMinute: Type.Union([
                    Type.Integer({ minimum: 1, maximum: 1440 }),
                    Type.Null(),
                  ]),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 31 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: BranchHoursResponseSchema, ...errorAnswers },
      },
    },
    async (request) => {
      const device = request.device as Device
      const { zone, days } = request.body
      if (!DateTime.local().setZone(zone).isValid)
        throw invalidField('body/zone', 'must be an IANA time zone')
      const seen = new Set<string>()
      days.forEach((d, i) => {
        if (!DateTime.fromISO(d.date, { zone }).isValid)
          throw invalidField(`body/days/${i}/date`, 'must be a calendar date')
        if (seen.has(d.date)) throw invalidField(`body/days/${i}/date`, 'is listed twice')
        seen.add(d.date)
      })
      await app.storage.notifications.setBranchHours(device.channelId, {
        zone,
        days: [...days].sort((a, b) => a.date.localeCompare(b.date)),
        reportedAt: new Date(),
      })
      request.log.info({ channel: device.channelId, zone, days: days.length }, 'branch hours')
      const out: BranchHoursResponse = { ok: true }
      return out
    },
  )
}

export default branchHours
