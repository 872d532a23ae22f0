import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { RelayHttpError } from '../errors.js'
import { FixedWindow } from '../fixed-window.js'
import { RefusalTally } from '../refusal-tally.js'
import type { RejectReason } from './metrics.js'

export type WrongTokenReason = 'bad_device_token' | 'bad_admin_token'

export interface RefusedDelivery {
  channelId: string
  reason: RejectReason
  bytes: number
  contentType: string | null
}

export interface Refusals {
  /**
   * Records a refused delivery: counted, logged in aggregate, kept in the admin log. One that
   * could not be verified (unknown channel, bad signature, too large to check) also spends its
   * sender's refusals; past that budget the answer is a 429 instead of `error`. Returns the
   * error to answer with. A channel's own budget is spent only by deliveries that verify.
   */
  delivery(
    request: FastifyRequest,
    refused: RefusedDelivery,
    error: RelayHttpError,
    unverified: boolean,
  ): RelayHttpError
  /** The 429 for a sender that has spent its wrong tokens, checked before any token is. */
  tokensSpent(request: FastifyRequest): RelayHttpError | undefined
  /** Records a wrong admin or device token against its sender. */
  wrongToken(request: FastifyRequest, reason: WrongTokenReason): void
}

declare module 'fastify' {
  interface FastifyInstance {
    refusals: Refusals
  }
}

export interface RefusalsOptions {
  /** Refusals per minute per client address, for deliveries and for tokens (each its own). */
  perMinute: number
  /** How often the aggregate refusal lines are written. */
  logIntervalMs: number
}

const tooMany = (retryAfterSeconds: number): RelayHttpError =>
  new RelayHttpError(
    429,
    'RATE_LIMITED',
    `Too many refused requests from this address; retry in ${retryAfterSeconds} s.`,
    {},
    { 'retry-after': String(retryAfterSeconds) },
  )

/** Refusals are limited by client address, apart from channels' budgets, and logged in aggregate. */
export default fp<RefusalsOptions>(
  async (app, opts) => {
    const unverifiedFrom = new FixedWindow(opts.perMinute, 60_000)
    const wrongTokensFrom = new FixedWindow(opts.perMinute, 60_000)
    const tally = new RefusalTally()
    const flush = (): void => {
      for (const line of tally.flush()) app.log.warn(line, 'requests refused')
    }
    const timer = setInterval(flush, opts.logIntervalMs)
    timer.unref()
    app.addHook('onClose', async () => {
      clearInterval(timer)
      flush()
    })

    app.decorate('refusals', {
      delivery(request, refused, error, unverified) {
        const from = request.ip
        const spent = unverified && unverifiedFrom.add(from) > opts.perMinute
        const status = spent ? 429 : error.statusCode
        app.metrics.rejected.inc({ reason: refused.reason })
        tally.note(from, refused.reason, spent, refused.channelId)
        app.deliveryLog.addRefusal({
          from,
          channelId: refused.channelId,
          status,
          result: refused.reason,
          bytes: refused.bytes,
          contentType: refused.contentType,
          seq: null,
        })
        return spent ? tooMany(unverifiedFrom.retryAfterSeconds(from)) : error
      },
      tokensSpent(request) {
        if (!wrongTokensFrom.spent(request.ip)) return undefined
        tally.note(request.ip, 'too_many_wrong_tokens', true)
        return tooMany(wrongTokensFrom.retryAfterSeconds(request.ip))
      },
      wrongToken(request, reason) {
        wrongTokensFrom.add(request.ip)
        tally.note(request.ip, reason, false)
      },
    } satisfies Refusals)
  },
  { name: 'refusals', dependencies: ['metrics', 'delivery-log'] },
)
