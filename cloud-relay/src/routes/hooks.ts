import { isUtf8 } from 'node:buffer'
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { RelayHttpError, errorAnswers } from '../errors.js'
import { FixedWindow } from '../fixed-window.js'
import { sha256Hex } from '../ids.js'
import type { RejectReason } from '../plugins/metrics.js'
import { verifyCalcomSignature } from '../signature.js'

const ACCEPTED_TYPES = new Set(['application/json', 'application/x-www-form-urlencoded'])
/** What Cal.com is answered: `OK`, pre-serialized (Fastify sends JSON text as it is). */
const AcceptedSchema = Type.Object({ ok: Type.Literal(true) })
const OK = '{"ok":true}' as unknown as Static<typeof AcceptedSchema>
/** Channel ids are `ch_` and 22 characters; anything much longer names no channel. */
const MAX_CHANNEL_ID = 100

/** The Cal.com headers kept with each event (lower-case names, as received). */
function calcomHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('x-cal-') && typeof value === 'string') out[name] = value
  }
  return out
}

export interface HooksOptions {
  maxBodyBytes: number
  intakeRateLimitPerMinute: number
}

/**
 * Webhook intake. The body is taken as raw bytes (no parsing), verified against the channel's
 * secret, stored durably, and only then answered 200. Only deliveries that verify spend their
 * channel's budget: refusals spend their sender's (see the refusals plugin), so a flood of
 * forged deliveries cannot keep Cal.com's real ones out.
 */
const hooks: FastifyPluginAsyncTypebox<HooksOptions> = async (app, opts) => {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: opts.maxBodyBytes },
    (_req, body, done) => done(null, body),
  )
  const budget = new FixedWindow(opts.intakeRateLimitPerMinute, 60_000)

  app.post(
    '/hooks/calcom/:channelId',
    {
      bodyLimit: opts.maxBodyBytes,
      config: { intake: true },
      schema: {
        params: Type.Object({ channelId: Type.String({ minLength: 1 }) }),
        response: { 200: AcceptedSchema, ...errorAnswers },
      },
    },
    async (request, reply) => {
      const { channelId } = request.params
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
      const contentType = request.headers['content-type'] ?? ''
      const refused = { channelId, bytes: body.length, contentType: contentType || null }
      /** Refuses a delivery no channel's secret vouches for. */
      const unverified = (reason: RejectReason, err: RelayHttpError): never => {
        throw app.refusals.delivery(request, { ...refused, reason }, err, true)
      }
      /** Refuses a delivery signed with its channel's secret. */
      const reject = (reason: RejectReason, err: RelayHttpError): never => {
        throw app.refusals.delivery(request, { ...refused, reason }, err, false)
      }

      const channel =
        channelId.length > MAX_CHANNEL_ID ? undefined : await app.channelById(channelId)
      if (!channel)
        return unverified(
          'unknown_channel',
          new RelayHttpError(404, 'NOT_FOUND', 'Unknown channel.'),
        )
      const signature = request.headers['x-cal-signature-256']
      if (typeof signature !== 'string' || signature === '') {
        return unverified(
          'missing_signature',
          new RelayHttpError(401, 'BAD_SIGNATURE', 'X-Cal-Signature-256 is missing.'),
        )
      }
      if (!verifyCalcomSignature(channel.webhookSecret, body, signature)) {
        // Awaited: only the delivery that reaches the threshold writes (once per window), and the
        // problem is stored before Cal.com hears the refusal, so nothing races its dispatch.
        await app.notifier
          .noteBadSignature(channelId)
          .catch((err: unknown) => request.log.error({ err }, 'intake: noting a bad signature'))
        return unverified(
          'bad_signature',
          new RelayHttpError(401, 'BAD_SIGNATURE', 'X-Cal-Signature-256 does not match the body.'),
        )
      }
      if (budget.add(channelId) > opts.intakeRateLimitPerMinute) {
        const wait = budget.retryAfterSeconds(channelId)
        return reject(
          'rate_limited',
          new RelayHttpError(
            429,
            'RATE_LIMITED',
            `Rate limit exceeded; retry in ${wait} s.`,
            {},
            { 'retry-after': String(wait) },
          ),
        )
      }
      const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
      if (!ACCEPTED_TYPES.has(mediaType)) {
        return reject(
          'unsupported_media_type',
          new RelayHttpError(
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            'Content-Type must be application/json or application/x-www-form-urlencoded.',
          ),
        )
      }
      if (body.length === 0)
        return reject('empty_body', new RelayHttpError(400, 'INVALID_BODY', 'The body is empty.'))
      if (!isUtf8(body))
        return reject(
          'invalid_utf8',
          new RelayHttpError(400, 'INVALID_BODY', 'The body is not valid UTF-8.'),
        )

      let stored: { seq: number; duplicate: boolean }
      try {
        const [result] = await app.storage.ingest([
          {
            channelId,
            body,
            bodySha256: sha256Hex(body),
            contentType,
            headers: calcomHeaders(request.headers),
            receivedAt: new Date(),
          },
        ])
        stored = result as { seq: number; duplicate: boolean }
      } catch (err) {
        request.log.error({ err, channelId }, 'intake: storage failed')
        return reject(
          'storage_error',
          new RelayHttpError(503, 'INTERNAL', 'Storage is unavailable; nothing was stored.'),
        )
      }
      const { seq, duplicate } = stored
      ;(duplicate ? app.metrics.duplicates : app.metrics.accepted).inc()
      app.deliveryLog.add({
        channelId,
        status: 200,
        result: duplicate ? 'duplicate' : 'accepted',
        bytes: body.length,
        contentType,
        seq,
      })
      return reply.type('application/json; charset=utf-8').send(OK)
    },
  )
}

export default hooks
