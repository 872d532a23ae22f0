import fp from 'fastify-plugin'

/** How long a close waits for webhook posts and requests already under way before cutting them. */
export const CLOSE_GRACE_MS = 500

/**
 * Closing always finishes within about CLOSE_GRACE_MS: no more webhooks are queued (delayed,
 * held and scheduled ones are dropped), posts on the wire get the grace, and connections still
 * open after it are cut — a hung fault, a browser's preconnected socket or a half-sent request
 * would otherwise keep `server.close()` waiting for minutes.
 */
export default fp(
  async (app) => {
    let deliveriesClosed: Promise<void> | undefined
    let forceClose: NodeJS.Timeout | undefined
    app.addHook('preClose', async () => {
      deliveriesClosed = app.sandbox.webhooks.close(CLOSE_GRACE_MS)
      if (app.server.listening) {
        forceClose = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS)
        forceClose.unref()
      }
    })
    app.addHook('onClose', async () => {
      clearTimeout(forceClose)
      await deliveriesClosed
    })
  },
  { name: 'graceful-close', dependencies: ['sandbox-context'] },
)
