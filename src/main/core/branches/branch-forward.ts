// `/b/<key>/api/…`: a request for one branch, forwarded over loopback to that branch's core with
// that core's own token. The app's session token was checked already (session-auth.ts, on this
// route like every other); the branch core then applies its own sign-in and roles, so a person
// may do at a branch exactly what that branch allows. Answers stream back as they come, which
// keeps the live stream (SSE) live.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { DeskError } from '../errors/desk-error'

/** Headers that belong to the hop to us, or that only the app's own API may judge. */
const NOT_FORWARDED = new Set([
  'host',
  'authorization',
  'origin',
  'referer',
  'cookie',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'upgrade',
  'sec-fetch-site',
  'sec-fetch-mode',
  'sec-fetch-dest',
])
const NOT_RETURNED = new Set(['connection', 'keep-alive', 'transfer-encoding'])

export interface ForwardTarget {
  port: number
  token: string
}

/** The path and query to ask the branch's core for: `rest` is what followed `/b/<key>/`. */
export function branchPath(rest: string, rawUrl: string): string {
  const segments = rest.split('/')
  if (segments[0] !== 'api' || segments.some((s) => s === '..' || s === '.')) {
    throw new DeskError('NOT_FOUND', 'A branch answers only under /b/<key>/api/…')
  }
  const query = new URLSearchParams(rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?')) : '')
  // The app's token (EventSource's `?token=`) is ours; the core is given its own in a header.
  query.delete('token')
  const search = query.toString()
  return '/' + segments.map(encodeURIComponent).join('/') + (search ? `?${search}` : '')
}

function forwardedHeaders(headers: IncomingHttpHeaders, target: ForwardTarget, body?: Buffer) {
  const out: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !NOT_FORWARDED.has(name)) out[name] = value
  }
  out.host = `127.0.0.1:${target.port}`
  out.authorization = `Bearer ${target.token}`
  if (body) out['content-length'] = String(body.length)
  return out
}

export function forward(
  request: FastifyRequest,
  reply: FastifyReply,
  target: ForwardTarget,
  path: string,
): Promise<FastifyReply> {
  const body = Buffer.isBuffer(request.body) ? request.body : undefined
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: target.port,
        method: request.method,
        path,
        headers: forwardedHeaders(request.headers, target, body),
      },
      (res) => {
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined && !NOT_RETURNED.has(name)) reply.header(name, value)
        }
        resolve(reply.code(res.statusCode ?? 502).send(res))
      },
    )
    upstream.on('error', (err) =>
      reject(
        new DeskError('BRANCH_UNAVAILABLE', `That branch's desk did not answer: ${err.message}`),
      ),
    )
    // The caller hanging up (closing the live stream) ends the request to the branch too.
    request.raw.on('close', () => upstream.destroy())
    upstream.end(body)
  })
}
