// A port that was free a moment ago, for the parts whose port must be known before they start
// (the relay tells Cal.com its public URL; the OAuth redirect port is registered with Cal.com).
// The one copy for tests, benchmarks and the demo.
import { createServer } from 'node:net'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
