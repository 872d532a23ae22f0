// One Server-Sent Events stream per open UI: a `data:` line per change, a comment every 15 s
// so proxies and the browser keep the connection, and `retry:` so EventSource comes back soon.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import type { ServerResponse } from 'node:http'
import type { DeskServices } from '../desk-services'

const HEARTBEAT_MS = 15_000

const live: FastifyPluginAsync<{ services: DeskServices }> = async (app, { services }) => {
  const open = new Set<ServerResponse>()
  app.addHook('preClose', async () => {
    for (const res of open) res.end()
  })

  app.get(
    '/api/live',
    {
      config: { tokenInQuery: true, access: 'open' },
      schema: {
        summary: 'Live changes (Server-Sent Events; EventSource may pass the token as ?token=)',
        querystring: Type.Object(
          {
            token: Type.Optional(
              Type.String({ description: 'The session token, for EventSource (no headers)' }),
            ),
          },
          { additionalProperties: false },
        ),
        produces: ['text/event-stream'],
      },
    },
    (request, reply) => {
      reply.hijack()
      const res = reply.raw
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      })
      res.write('retry: 2000\n: connected\n\n')
      open.add(res)
      const unsubscribe = services.bus.subscribe((event) => {
        res.write(`data: ${JSON.stringify(event)}\n\n`)
      })
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS)
      const stop = () => {
        unsubscribe()
        clearInterval(heartbeat)
        open.delete(res)
      }
      request.raw.on('close', stop)
      res.on('close', stop)
    },
  )
}
export default live
