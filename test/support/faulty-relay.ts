// A relay that answers badly on purpose: an HTTP hop in front of a real relay that passes every
// request through and, for the routes a test names, rewrites the relay's JSON answer before the
// desk reads it (a role the desk does not know, a day that does not exist). It stands in for a
// relay of another version or a broken proxy, never for the desk under test. It can also rewrite
// what the desk sends on a route before the relay reads it, so a test can see what the desk sent
// and let a real relay of this version take what only a newer one would.
import {
  createServer,
  type ClientRequest,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'

/** Turns the relay's parsed answer into the one the desk gets. */
export type Rewrite = (answer: unknown) => unknown

export interface FaultyRelay {
  url: string
  /** From now on, the answers to `route` (`GET /v1/business`) are rewritten; null: passed on. */
  fault(route: string, rewrite: Rewrite | null): void
  /** From now on, the JSON bodies the desk sends on `route` are rewritten; null: passed on. */
  rewriteRequests(route: string, rewrite: Rewrite | null): void
  close(): Promise<void>
}

export async function startFaultyRelay(target: string): Promise<FaultyRelay> {
  const upstream = new URL(target)
  const faults = new Map<string, Rewrite>()
  const sent = new Map<string, Rewrite>()
  const server: Server = createServer((req, res) => {
    const route = `${req.method} ${(req.url ?? '').split('?')[0]}`
    const rewriteSent = sent.get(route)
    if (!rewriteSent) {
      req.pipe(forward(req, res, route, req.headers))
      return
    }
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.from(
        JSON.stringify(rewriteSent(JSON.parse(Buffer.concat(chunks).toString('utf8')))),
      )
      const headers = { ...req.headers, 'content-length': String(body.length) }
      delete headers['transfer-encoding']
      forward(req, res, route, headers).end(body)
    })
  })

  /** Sends the request on to the relay; the caller writes its body. */
  function forward(
    req: IncomingMessage,
    res: ServerResponse,
    route: string,
    headers: IncomingHttpHeaders,
  ): ClientRequest {
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers,
      },
      (answer) => {
        // Looked up as the answer comes: a long poll asked before the fault was set is hit too.
        const rewrite = faults.get(route)
        if (!rewrite) {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
          return
        }
        const chunks: Buffer[] = []
        answer.on('data', (c: Buffer) => chunks.push(c))
        answer.on('end', () => {
          const body = Buffer.from(
            JSON.stringify(rewrite(JSON.parse(Buffer.concat(chunks).toString('utf8')))),
          )
          const answered: IncomingHttpHeaders = { ...answer.headers }
          delete answered['transfer-encoding']
          answered['content-length'] = String(body.length)
          res.writeHead(answer.statusCode ?? 502, answered)
          res.end(body)
        })
      },
    )
    out.on('error', () => res.destroy())
    return out
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    fault: (route, rewrite) => (rewrite ? faults.set(route, rewrite) : faults.delete(route)),
    rewriteRequests: (route, rewrite) => (rewrite ? sent.set(route, rewrite) : sent.delete(route)),
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
