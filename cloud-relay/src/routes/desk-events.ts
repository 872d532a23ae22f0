import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  DESK_EVENT_CONTENT_TYPE,
  DESK_EVENT_TRIGGER,
  DeskEventRequestSchema,
  deskFieldOf,
  type DeskChange,
  type DeskEventBody,
  type DeskEventResponse,
} from '../../../src/shared/relay/desk-events.js'
import { DeskEventResponseSchema } from '../../../src/shared/relay/log-answers.js'
import { errorAnswers, invalidField } from '../errors.js'
import { sha256Hex } from '../ids.js'
import type { Device } from '../storage/types.js'
import { textProblem } from '../text-checks.js'

/**
 * `POST /v1/desk-events` (DESIGN.md §9): a desk-owned change (visit state, notes, alerts, the
 * walk-in flag) joins the device's own channel log, where every desk of the branch reads it in
 * seq order. The channel is always the device's: nothing in the body can name another. The log's
 * dedupe key is the desk's key (not the body), so a retry with the same key is the same event
 * on both engines. The field it sets joins the channel's desk state in the same commit
 * (GET /v1/desk-state), which retention leaves alone.
 */
const deskEvents: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/desk-events',
    {
      preHandler: app.requireDevice,
      schema: {
        body: DeskEventRequestSchema,
        response: { 200: DeskEventResponseSchema, ...errorAnswers },
      },
    },
    async (request, reply) => {
      const device = request.device as Device
      const { key, madeAt, change } = request.body
      if (change.kind === 'note_put') {
        const problem = textProblem(change.text)
        if (problem) throw invalidField('body/change/text', problem)
      }
      // The schema checked it; the type provider reads Type.Unsafe enums as unknown.
      const checked = change as DeskChange
      const event: DeskEventBody = {
        triggerEvent: DESK_EVENT_TRIGGER,
        key,
        deviceId: device.id,
        madeAt,
        change: checked,
      }
      const body = Buffer.from(JSON.stringify(event))
      const [stored] = await app.storage.ingest([
        {
          channelId: device.channelId,
          body,
          // Per channel: the same key on another branch's channel is another event, and a
          // device learns nothing about keys outside its own channel.
          bodySha256: sha256Hex(`desk-event\u0000${key}`),
          contentType: DESK_EVENT_CONTENT_TYPE,
          headers: {},
          receivedAt: new Date(),
          deskField: deskFieldOf(checked),
        },
      ])
      const out: DeskEventResponse = { seq: stored!.seq, duplicate: stored!.duplicate }
      return reply.send(out)
    },
  )
}

export default deskEvents
