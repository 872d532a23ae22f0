import type { Socket } from 'node:net'
import fp from 'fastify-plugin'

export interface DrainOptions {
  /** After this long, connections still open (a stalled upload, a stuck client) are cut. */
  graceMs: number
}

/**
 * Graceful close. Node's server.close() waits for every connection, and a keep-alive client can
 * hold one open for the keep-alive timeout (72 s), a connected client that never sends a
 * request until the headers timeout. So, once close begins:
 * - responses still to be sent say `Connection: close`, so their sockets end with them;
 * - connections that never sent a byte, and keep-alive connections between requests, are
 *   closed at once, and again every 100 ms as in-flight requests finish (streams and long-polls
 *   end because the waiters plugin wakes them);
 * - after `graceMs`, whatever is still open is cut. Intake that was cut never got its 200; the
 *   storage still commits what it already accepted before it closes.
 */
export default fp<DrainOptions>(
  async (app, opts) => {
    let closing = false
    let sweep: NodeJS.Timeout | undefined
    let cut: NodeJS.Timeout | undefined
    const sockets = new Set<Socket>()
    app.server.on('connection', (socket: Socket) => {
      sockets.add(socket)
      socket.once('close', () => sockets.delete(socket))
    })
    app.addHook('onSend', (_request, reply, payload, done) => {
      if (closing) reply.header('connection', 'close')
      done(null, payload)
    })
    const closeIdle = (): void => {
      for (const s of sockets) if (s.bytesRead === 0) s.destroy()
      app.server.closeIdleConnections()
    }
    app.addHook('preClose', async () => {
      closing = true
      closeIdle()
      sweep = setInterval(closeIdle, 100)
      cut = setTimeout(() => {
        if (sockets.size)
          app.log.warn({ open: sockets.size }, 'close: cutting connections still open')
        app.server.closeAllConnections()
      }, opts.graceMs)
      sweep.unref()
      cut.unref()
    })
    app.addHook('onClose', async () => {
      clearInterval(sweep)
      clearTimeout(cut)
    })
  },
  { name: 'drain-on-close' },
)
