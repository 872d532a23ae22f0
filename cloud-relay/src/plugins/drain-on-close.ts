import fp from 'fastify-plugin'

/**
 * Graceful close: keep-alive connections that finish a request after close began are told
 * `Connection: close` and idle ones are swept, so close waits for in-flight intake only, not for
 * clients that keep their sockets open.
 */
export default fp(
  async (app) => {
    let closing = false
    let sweep: NodeJS.Timeout | undefined
    app.addHook('onSend', async (_request, reply) => {
      if (closing) reply.header('connection', 'close')
    })
    app.addHook('preClose', async () => {
      closing = true
      sweep = setInterval(() => app.server.closeIdleConnections?.(), 100)
      sweep.unref()
    })
    app.addHook('onClose', async () => clearInterval(sweep))
  },
  { name: 'drain-on-close' },
)
