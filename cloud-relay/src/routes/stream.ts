import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { RelayHttpError, errorAnswers } from '../errors.js'
import { sha256Hex } from '../ids.js'
import { bearer } from '../plugins/auth.js'
import type { Device } from '../storage/types.js'
import { resyncError, toWire } from './event-wire.js'

export interface StreamOptions {
  heartbeatMs: number
}

const BATCH = 500

/** Server-sent events: the same log as /v1/events, pushed as it grows. */
const stream: FastifyPluginAsyncTypebox<StreamOptions> = async (app, opts) => {
  app.get(
    '/v1/stream',
    {
      preHandler: app.requireDevice,
      schema: {
        querystring: Type.Object(
          { after: Type.Optional(Type.Integer({ minimum: 0 })) },
          { additionalProperties: false },
        ),
        headers: Type.Object({
          'last-event-id': Type.Optional(Type.String({ pattern: '^\\d{1,15}$' })),
        }),
        // The 200 is the event stream, written by hand (each `data:` a RelayEvent or the
        // RESYNC_REQUIRED error, see relay-contract.ts); a refusal before it is the usual JSON.
        response: {
          200: { content: { 'text/event-stream': { schema: Type.String() } } },
          ...errorAnswers,
        },
      },
    },
    async (request, reply) => {
      const device = request.device as Device
      const tokenHash = sha256Hex(bearer(request) as string)
      const lastId = request.headers['last-event-id']
      let after = lastId !== undefined ? Number(lastId) : (request.query.after ?? device.cursor)
      // Fail before the 200 when the cursor is already too old.
      const first = await app.storage.read(device.channelId, after, 1)
      if (!first.ok) {
        throw new RelayHttpError(410, 'RESYNC_REQUIRED', resyncError(first.resumeAfter).message, {
          resumeAfter: first.resumeAfter,
        })
      }

      reply.hijack()
      const res = reply.raw
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      })
      res.write(': connected\n\n')
      let open = true
      let armed: { cancel(): void } | undefined
      res.once('close', () => {
        open = false
        armed?.cancel()
      })
      const write = async (chunk: string): Promise<void> => {
        if (!res.write(chunk) && open) await new Promise((r) => res.once('drain', r))
      }

      try {
        while (open && !app.waiters.closing) {
          const a = app.waiters.arm(device.channelId)
          armed = a
          const r = await app.storage.read(device.channelId, after, BATCH)
          if (!r.ok) {
            a.cancel()
            await write(`event: resync\ndata: ${JSON.stringify(resyncError(r.resumeAfter))}\n\n`)
            break
          }
          if (r.events.length) {
            a.cancel()
            let chunk = ''
            for (const e of r.events)
              chunk += `id: ${e.seq}\nevent: delivery\ndata: ${JSON.stringify(toWire(e))}\n\n`
            await write(chunk)
            app.metrics.served.inc({ via: 'stream' }, r.events.length)
            after = r.events.at(-1)?.seq ?? after
            continue
          }
          const before = Date.now()
          await a.wait(opts.heartbeatMs)
          if (open && Date.now() - before >= opts.heartbeatMs - 5) {
            // A revoked device loses its open stream at the next heartbeat at the latest.
            if (!(await app.storage.deviceByTokenHash(tokenHash))) break
            await write(': heartbeat\n\n')
          }
        }
      } catch (err) {
        request.log.error({ err }, 'stream failed')
      } finally {
        armed?.cancel()
        if (!res.writableEnded) res.end()
      }
    },
  )
}

export default stream
