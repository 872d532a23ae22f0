import fp from 'fastify-plugin'

const TICK_MS = 1000

/**
 * Drives what happens with the passing of sandbox time: scheduled MEETING_* webhooks
 * (Cal.com's per-minute cron). Tests that move the clock call /_sandbox/webhooks/flush instead
 * of waiting for a tick.
 */
export default fp(
  async (app) => {
    let timer: NodeJS.Timeout | undefined
    app.addHook('onReady', async () => {
      timer = setInterval(() => app.sandbox.webhooks.tick(), TICK_MS)
      timer.unref()
    })
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer)
    })
  },
  { name: 'clock', dependencies: ['sandbox-context'] },
)
