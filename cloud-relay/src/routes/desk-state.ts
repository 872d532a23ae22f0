import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { DESK_EVENT_TRIGGER, DeskChangeSchema } from '../../../src/shared/relay/desk-events.js'
import type { DeskStateResponse } from '../../../src/shared/relay/desk-state.js'
import type { Device } from '../storage/types.js'

/** The answer's shape, which also serializes it: nothing but these fields leaves the relay. */
const DeskStateResponseSchema = Type.Object({
  asOf: Type.Integer({ minimum: 0 }),
  entries: Type.Array(
    Type.Object({
      seq: Type.Integer({ minimum: 1 }),
      event: Type.Object({
        triggerEvent: Type.Literal(DESK_EVENT_TRIGGER),
        key: Type.String(),
        deviceId: Type.String(),
        madeAt: Type.String(),
        change: DeskChangeSchema,
      }),
    }),
  ),
})

/**
 * `GET /v1/desk-state` (DESIGN.md §9): the branch's desk-owned state as of a seq, for a desk that
 * cannot rebuild it from the log — one that joined after retention pruned the desk events, was
 * wiped, or was away longer than the log is kept. Always the device's own channel: nothing in the
 * request can name another.
 */
const deskState: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/desk-state',
    { preHandler: app.requireDevice, schema: { response: { 200: DeskStateResponseSchema } } },
    async (request) => {
      const device = request.device as Device
      const state = await app.storage.deskState(device.channelId)
      // The bodies are the relay's own JSON, written by POST /v1/desk-events after its checks.
      const out: DeskStateResponse = {
        asOf: state.asOf,
        entries: state.entries.map((e) => ({
          seq: e.seq,
          event: JSON.parse(e.body) as DeskStateResponse['entries'][number]['event'],
        })),
      }
      return out
    },
  )
}

export default deskState
