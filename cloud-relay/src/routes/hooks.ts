import { isUtf8 } from 'node:buffer'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { RelayHttpError } from '../errors.js'
import { sha256Hex } from '../ids.js'
import type { RejectReason } from '../plugins/metrics.js'
import { verifyCalcomSignature } from '../signature.js'

const ACCEPTED_TYPES = new Set(['application/json', 'application/x-www-form-urlencoded'])
const OK = '{"ok":true}'
const NO_RATE_HEADERS = {
  'x-ratelimit-limit': false,
  'x-ratelimit-remaining': false,
  'x-ratelimit-reset': false,
}

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
 * secret, stored durably, and only then answered 200.
 */
const hooks: FastifyPluginAsyncTypebox<HooksOptions> = async (app, opts) => {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: opts.maxBodyBytes },
    (_req, body, done) => done(null, body),
  )

  app.post(
    '/hooks/calcom/:channelId',
    {
      bodyLimit: opts.maxBodyBytes,
      config: {
        intake: true,
        rateLimit: {
          max: opts.intakeRateLimitPerMinute,
          timeWindow: 60_000,
          keyGenerator: (req) => `intake:${(req.params as { channelId: string }).channelId}`,
          // Cal.com reads none of these; writing three headers on every delivery is waste.
          addHeadersOnExceeding: NO_RATE_HEADERS,
        },
      },
      schema: { params: Type.Object({ channelId: Type.String({ minLength: 1, maxLength: 100 }) }) },
    },
    async (request, reply) => {
      const { channelId } = request.params
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
      const contentType = request.headers['content-type'] ?? ''
      const reject = (status: number, reason: RejectReason, err: RelayHttpError): never => {
        app.metrics.rejected.inc({ reason })
        request.log.warn({ channelId, status, reason }, 'intake refused')
        app.deliveryLog.add({
          channelId,
          status,
          result: reason,
          bytes: body.length,
          contentType: contentType || null,
          seq: null,
        })
        throw err
      }

      const channel = await app.channelById(channelId)
      if (!channel)
        reject(404, 'unknown_channel', new RelayHttpError(404, 'NOT_FOUND', 'Unknown channel.'))
      const signature = request.headers['x-cal-signature-256']
      if (typeof signature !== 'string' || signature === '') {
        reject(
          401,
          'missing_signature',
          new RelayHttpError(401, 'BAD_SIGNATURE', 'X-Cal-Signature-256 is missing.'),
        )
      }
      if (
        !verifyCalcomSignature(
          (channel as NonNullable<typeof channel>).webhookSecret,
          body,
          signature as string,
        )
      ) {
        reject(
          401,
          'bad_signature',
          new RelayHttpError(401, 'BAD_SIGNATURE', 'X-Cal-Signature-256 does not match the body.'),
        )
      }
      const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
      if (!ACCEPTED_TYPES.has(mediaType)) {
        reject(
          415,
          'unsupported_media_type',
          new RelayHttpError(
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            'Content-Type must be application/json or application/x-www-form-urlencoded.',
          ),
        )
      }
      if (body.length === 0)
        reject(400, 'empty_body', new RelayHttpError(400, 'INVALID_BODY', 'The body is empty.'))
      if (!isUtf8(body))
        reject(
          400,
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
          503,
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
