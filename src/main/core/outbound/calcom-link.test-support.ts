// Test support: a real HTTP hop between the desk and the Cal.com sandbox that tests can break on
// purpose — refuse connections (Cal.com unreachable), lose the answer to a request the sandbox
// did carry out (an unknown outcome), or slow every request down — and that counts what passed.
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface Passed {
  method: string
  path: string
  status: number | null
  at: number
}

export interface CalcomLink {
  url: string
  /** Requests that reached the sandbox, with the status it answered. */
  passed: Passed[]
  /** Cal.com unreachable: new connections are cut at once. */
  down(): void
  up(): void
  /**
   * The next `count` matching requests reach the sandbox, but their answers are lost; `thenDown`:
   * the line goes down as the last one is lost (the desk's next try cannot get through until up).
   */
  loseAnswers(count: number, method: string, path: string, opts?: { thenDown?: boolean }): void
  /**
   * The next matching request is cut off from the desk at once (it cannot know what became of it)
   * and reaches the sandbox late: just before the next request of its kind, which waits for it.
   */
  deliverLate(method: string, path: string): void
  /** Every request waits this long before it is forwarded. */
  delay(ms: number): void
  /** Requests with exactly this method and path that reached the sandbox. */
  count(method: string, path: string): number
  close(): Promise<void>
}

export async function startCalcomLink(target: string): Promise<CalcomLink> {
  const upstream = new URL(target)
  const passed: Passed[] = []
  const sockets = new Set<Socket>()
  let isDown = false
  let delayMs = 0
  const losses: Array<{ left: number; method: string; path: string; thenDown: boolean }> = []

  interface Held {
    method: string
    url: string
    headers: IncomingMessage['headers']
    body: Buffer
  }
  let late: { method: string; path: string; held?: Held } | null = null
  const sendUpstream = (h: Held) =>
    new Promise<void>((resolve) => {
      const out = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: h.method,
          path: h.url,
          headers: h.headers,
        },
        (answer: IncomingMessage) => {
          answer.resume()
          answer.on('end', () => resolve())
        },
      )
      out.on('error', () => resolve())
      out.end(h.body)
    })

  const server: Server = createServer((req, res) => {
    if (isDown) {
      req.socket.destroy()
      return
    }
    const path = (req.url ?? '/').split('?')[0]!
    const pending = late
    if (pending && pending.method === req.method && pending.path === path) {
      if (!pending.held) {
        const chunks: Buffer[] = []
        req.on('data', (c: Buffer) => chunks.push(c))
        req.on('end', () => {
          pending.held = {
            method: req.method ?? 'GET',
            url: req.url ?? '/',
            headers: { ...req.headers, host: upstream.host },
            body: Buffer.concat(chunks),
          }
          req.socket.destroy()
        })
        return
      }
      late = null
      req.pause()
      void sendUpstream(pending.held).then(() => {
        pass(req, res, path)
      })
      return
    }
    pass(req, res, path)
  })

  function pass(req: IncomingMessage, res: ServerResponse, path: string): void {
    const loss = losses.find((l) => l.left > 0 && l.method === req.method && l.path === path)
    if (loss) loss.left -= 1
    const forward = () => {
      const out = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer: IncomingMessage) => {
          const entry = {
            method: req.method ?? '',
            path,
            status: answer.statusCode ?? null,
            at: Date.now(),
          }
          passed.push(entry)
          if (loss) {
            answer.resume()
            answer.on('end', () => {
              if (loss.thenDown && loss.left === 0) isDown = true
              req.socket.destroy()
            })
            return
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        },
      )
      out.on('error', () => req.socket.destroy())
      req.pipe(out)
    }
    if (delayMs > 0) setTimeout(forward, delayMs)
    else forward()
  }
  server.on('connection', (socket: Socket) => {
    if (isDown) {
      socket.destroy()
      return
    }
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    passed,
    down() {
      isDown = true
      for (const s of sockets) s.destroy()
    },
    up() {
      isDown = false
    },
    loseAnswers(count, method, path, opts = {}) {
      losses.push({ left: count, method, path, thenDown: opts.thenDown === true })
    },
    deliverLate(method, path) {
      late = { method, path }
    },
    delay(ms) {
      delayMs = ms
    },
    count(method, path) {
      return passed.filter((p) => p.method === method && p.path === path).length
    },
    close() {
      for (const s of sockets) s.destroy()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
