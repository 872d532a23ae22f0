import fp from 'fastify-plugin'

export interface RetentionOptions {
  retentionDays: number
  minRetentionHours: number
  intervalMs: number
}

/** Prunes acked and expired events on a timer. Safe on every instance: storage locks per channel. */
export default fp<RetentionOptions>(
  async (app, opts) => {
    let running: Promise<void> | undefined
    const run = (): void => {
      if (running) return
      running = app.storage
        .prune({
          now: new Date(),
          maxAgeMs: opts.retentionDays * 86_400_000,
          minAgeMs: opts.minRetentionHours * 3_600_000,
        })
        .then(async (deleted) => {
          if (deleted) app.log.info({ deleted }, 'retention pruned events')
          // Done dispatch jobs live as long as events: a report key repeated within it is known.
          const jobs = await app.storage.notifications.pruneJobs(
            new Date(Date.now() - opts.retentionDays * 86_400_000),
          )
          if (jobs) app.log.info({ jobs }, 'retention pruned notification jobs')
        })
        .catch((err: unknown) => app.log.error({ err }, 'retention failed'))
        .finally(() => (running = undefined))
    }
    const timer = setInterval(run, opts.intervalMs)
    timer.unref()
    app.addHook('onReady', async () => run())
    app.addHook('preClose', async () => {
      clearInterval(timer)
      await running
    })
  },
  { name: 'retention', dependencies: ['storage'] },
)
