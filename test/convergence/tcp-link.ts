// Test support: a TCP hop (node:net, below HTTP) between the desk and one server it talks to, that
// the convergence test can cut and restore like a real network:
//   cut('refuse')  existing connections are reset, new ones are reset at once (host unreachable)
//   cut('hang')    existing connections are reset, new ones are accepted and never answered
//                  (a silent network); they are reset when the link is restored
//   loseAnswers(n) the next n answers from the server are never delivered: the connection is
//                  reset as the first byte arrives, so the server acted but the desk cannot know
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net'

export type CutMode = 'refuse' | 'hang'

export interface TcpLink {
  url: string
  readonly state: 'up' | CutMode
  cut(mode: CutMode): void
  /** Back to a healthy line: hung connections are reset and no answer is lost any more. */
  restore(): void
  loseAnswers(n: number): void
  close(): Promise<void>
}

export async function startTcpLink(target: string): Promise<TcpLink> {
  const upstream = new URL(target)
  const open = new Set<Socket>()
  const hung = new Set<Socket>()
  let state: 'up' | CutMode = 'up'
  let toLose = 0

  const reset = (s: Socket) => {
    if (!s.destroyed) s.resetAndDestroy()
  }
  const track = (s: Socket, set: Set<Socket>) => {
    set.add(s)
    s.on('close', () => set.delete(s))
    s.on('error', () => undefined)
  }

  const server: Server = createServer((client) => {
    client.on('error', () => undefined)
    if (state === 'refuse') return reset(client)
    if (state === 'hang') return track(client, hung)
    const server = connect({ host: upstream.hostname, port: Number(upstream.port) })
    track(client, open)
    track(server, open)
    client.pipe(server)
    server.on('data', (chunk: Buffer) => {
      if (toLose > 0) {
        toLose -= 1
        reset(server)
        reset(client)
        return
      }
      if (!client.write(chunk)) {
        server.pause()
        client.once('drain', () => server.resume())
      }
    })
    server.on('end', () => client.end())
    server.on('close', (hadError) => {
      if (hadError) reset(client)
    })
    client.on('close', () => reset(server))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    get state() {
      return state
    },
    cut(mode) {
      state = mode
      for (const s of open) reset(s)
    },
    restore() {
      state = 'up'
      toLose = 0
      for (const s of hung) reset(s)
    },
    loseAnswers(n) {
      toLose += n
    },
    async close() {
      state = 'refuse'
      for (const s of [...open, ...hung]) reset(s)
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
