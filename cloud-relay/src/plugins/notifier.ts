import fp from 'fastify-plugin'
import { smtpMailer, type Mailer } from '../notifications/mailer.js'
import { Notifier } from '../notifications/notifier.js'

/** The waiters key parked `GET /v1/notifications` polls wait on. */
export const DESKTOP_WAITERS = 'desktop-notifications'

declare module 'fastify' {
  interface FastifyInstance {
    /** The notification dispatch loop of this instance (DESIGN.md §8). */
    notifier: Notifier
  }
}

export interface NotifierPluginOptions {
  smtp: { url: string; from: string } | undefined
  /** The clock of dispatch: quiet hours, coalescing windows, retries (tests move it). */
  now?: () => Date
  pollMs?: number
  leaseMs?: number
  background?: boolean
  /** Replaces SMTP (tests of a mail server that refuses). */
  mailer?: Mailer
  /** A branch no desk collects from for this long is a delivery problem. */
  stallMs?: number
  problemCheckMs?: number
  summaryHour?: number | null
}

export default fp<NotifierPluginOptions>(
  async (app, opts) => {
    const mailer =
      opts.mailer ?? (opts.smtp ? smtpMailer(opts.smtp.url, opts.smtp.from) : undefined)
    const notifier = new Notifier({
      storage: app.storage,
      log: app.log,
      mailer,
      now: opts.now ?? (() => new Date()),
      onDesktop: () => app.waiters.notify(DESKTOP_WAITERS),
      ...(opts.pollMs === undefined ? {} : { pollMs: opts.pollMs }),
      ...(opts.leaseMs === undefined ? {} : { leaseMs: opts.leaseMs }),
      ...(opts.background === undefined ? {} : { background: opts.background }),
      ...(opts.stallMs === undefined ? {} : { stallMs: opts.stallMs }),
      ...(opts.problemCheckMs === undefined ? {} : { problemCheckMs: opts.problemCheckMs }),
      ...(opts.summaryHour === undefined ? {} : { summaryHour: opts.summaryHour }),
    })
    app.decorate('notifier', notifier)
    app.addHook('onReady', async () => notifier.start())
    // Before storage closes: a pass in progress finishes (its claims would expire otherwise).
    app.addHook('preClose', async () => notifier.stop())
  },
  { name: 'notifier', dependencies: ['storage', 'waiters'] },
)
