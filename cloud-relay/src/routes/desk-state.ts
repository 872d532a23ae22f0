import { Type } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { DESK_EVENT_TRIGGER, DeskChangeSchema } from '../../../src/shared/relay/desk-events.js'
import type { DeskStateResponse } from '../../../src/shared/relay/desk-state.js'
import { errorAnswers } from '../errors.js'
import type { Device } from '../storage/types.js'

const DeskStateEventSchema = Type.Object({
  triggerEvent: Type.Literal(DESK_EVENT_TRIGGER),
  key: Type.String(),
  deviceId: Type.String(),
  madeAt: Type.String(),
  change: DeskChangeSchema,
})
/** The answer's shape, which also serializes it: nothing but these fields leaves the relay. */
const DeskStateResponseSchema = Type.Object({
  asOf: Type.Integer({ minimum: 0 }),
  entries: Type.Array(
    Type.Object({ seq: Type.Integer({ minimum: 1 }), event: DeskStateEventSchema }),
  ),
})
/**
 * An entry this relay can serve. POST /v1/desk-events stored only such bodies, but a relay rolled
 * back to an older version may hold kinds of change it no longer knows: those are left out (and
 * logged), so the rest still reaches the desk instead of every resync of the branch failing.
 */
const servable = TypeCompiler.Compile(DeskStateEventSchema)

/**
 * `GET /v1/desk-state` (DESIGN.md §9): the branch's desk-owned state as of a seq, for a desk that
 * cannot rebuild it from the log — one that joined after retention pruned the desk events, was
 * wiped, or was away longer than the log is kept. Always the device's own channel: nothing in the
 * request can name another.
 */
const deskState: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/desk-state',
    {
      preHandler: app.requireDevice,
      schema: { response: { 200: DeskStateResponseSchema, ...errorAnswers } },
    },
    async (request) => {
      const device = request.device as Device
      const state = await app.storage.deskState(device.channelId)
      // The bodies are the relay's own JSON, written by POST /v1/desk-events after its checks.
      const entries: DeskStateResponse['entries'] = []
      const skipped: number[] = []
      for (const e of state.entries) {
        const event: unknown = JSON.parse(e.body)
        if (servable.Check(event)) entries.push({ seq: e.seq, event })
        else skipped.push(e.seq)
      }
      if (skipped.length > 0)
        request.log.warn(
          {
            channelId: device.channelId,
            skippedSeqs: skipped.slice(0, 20),
            skipped: skipped.length,
          },
          'desk state entries this relay cannot serve were left out',
        )
      const out: DeskStateResponse = { asOf: state.asOf, entries }
      return out
    },
  )
}

export default deskState
