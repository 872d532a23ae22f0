// Graceful close over real sockets: in-flight intake is finished and stored, parked long-polls
// are answered, streams end, and close does not wait for keep-alive connections that sit idle
// (Node keeps those open for keepAliveTimeout, 72 s, unless the relay closes them).
import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventsResponse } from '../../src/shared/relay/relay-contract.js'
import { openStorage } from '../src/storage/open-storage.js'
import {
  ENGINES,
  auth,
  bookingBody,
  seedChannel,
  seedDevice,
  signedHeaders,
  startHarness,
  type Harness,
} from './helpers.js'
import { openStream } from './sse-client.js'

/** A raw HTTP/1.1 client on one socket, so the test decides exactly when bytes are sent. */
function rawClient(base: string) {
  const { hostname, port } = new URL(base)
  const socket: Socket = connect(Number(port), hostname)
  let received = ''
  let closed = false
  const changed: (() => void)[] = []
  const notify = () => changed.splice(0).forEach((f) => f())
  socket.setEncoding('latin1')
  socket.on('data', (d: string) => {
    received += d
    notify()
  })
  socket.on('close', () => {
    closed = true
    notify()
  })
  socket.on('error', () => {})
  const untilReceived = async (ok: () => boolean) => {
    while (!ok()) {
      if (closed) throw new Error(`socket closed; received:\n${received}`)
      await new Promise<void>((r) => changed.push(r))
    }
  }
  return {
    write: (s: string | Buffer) => socket.write(s),
    /** Resolves with the next complete response (status line, headers and a sized body). */
    async response(): Promise<{ status: number; headers: string; body: string }> {
      let parsed: { status: number; headers: string; body: string } | undefined
      await untilReceived(() => {
        const end = received.indexOf('\r\n\r\n')
        if (end < 0) return false
        const headers = received.slice(0, end)
        const length = Number(/content-length: (\d+)/i.exec(headers)?.[1] ?? 0)
        if (received.length < end + 4 + length) return false
        parsed = {
          status: Number(headers.slice(9, 12)),
          headers,
          body: received.slice(end + 4, end + 4 + length),
        }
        received = received.slice(end + 4 + length)
        return true
      })
      return parsed as { status: number; headers: string; body: string }
    },
    closed: () => new Promise<void>((r) => (closed ? r() : socket.once('close', () => r()))),
    /** Bytes received and not yet read as a response. */
    get answered() {
      return received
    },
    destroy: () => socket.destroy(),
  }
}

const postHead = (channelId: string, headers: Record<string, string>, length: number) =>
  `POST /hooks/calcom/${channelId} HTTP/1.1\r\nhost: relay\r\n` +
  Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('') +
  `content-length: ${length}\r\n\r\n`

describe.each(ENGINES)('graceful close on %s', (engine) => {
  let h: Harness | undefined
  const clients: { destroy(): void }[] = []
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await h?.app.close()
    await h?.db.drop()
    h = undefined
  })

  it(
    'finishes in-flight intake, ends long-polls and streams, and does not wait for idle keep-alive clients',
    { timeout: 30_000 },
    async () => {
      // No cut-off to fall back on: close must finish because nothing holds it, not by timeout.
      h = await startHarness(engine, {}, { closeGraceMs: 600_000 })
      const base = await h.app.listen({ host: '127.0.0.1', port: 0 })
      const { channel, secret } = await seedChannel(h.storage)
      const { token } = await seedDevice(h.storage, channel.id)

      // A keep-alive client that made one delivery and then sits idle on its socket.
      const idle = rawClient(base)
      clients.push(idle)
      const first = bookingBody()
      idle.write(postHead(channel.id, signedHeaders(secret, first), Buffer.byteLength(first)))
      idle.write(first)
      expect((await idle.response()).status).toBe(200)

      // A client that connected and has sent nothing yet.
      const silent = rawClient(base)
      clients.push(silent)

      // A delivery in flight when close begins: headers and half the body are in.
      const late = bookingBody()
      const bytes = Buffer.from(late)
      const inflight = rawClient(base)
      clients.push(inflight)
      inflight.write(postHead(channel.id, signedHeaders(secret, late), bytes.length))
      inflight.write(bytes.subarray(0, 100))

      // A desk parked in a long-poll, and one holding a stream.
      const poll = fetch(`${base}/v1/events?after=1&wait=25`, { headers: auth(token) })
      const stream = await openStream(`${base}/v1/stream?after=1`, auth(token))
      await stream.until((f) => f.some((x) => x.comment === 'connected'))
      // The long-poll is parked once the relay has armed a waiter for the channel.
      await expect.poll(() => h?.app.waiters.parked(channel.id)).toBe(2)

      const closing = h.app.close()
      let closed = false
      void closing.then(() => (closed = true))
      // The idle and the silent client are let go at once, while the delivery is still open.
      await idle.closed()
      await silent.closed()
      expect(closed).toBe(false)

      inflight.write(bytes.subarray(100))
      const answer = await inflight.response()
      expect(answer.status).toBe(200)
      expect(answer.headers.toLowerCase()).toContain('connection: close')

      const polled = await poll
      expect(polled.status).toBe(200)
      expect(((await polled.json()) as EventsResponse).events).toEqual([])
      await stream.until(() => stream.ended)
      expect(stream.ended).toBe(true)

      // Close completes on its own; the keep-alive timeout (72 s) would outlast this test.
      await closing
      await inflight.closed()

      // The delivery answered 200 during close was stored.
      const reopened = await openStorage(h.db.url)
      try {
        const read = await reopened.read(channel.id, 0, 10)
        expect(read.ok && read.events.map((e) => e.body.toString())).toEqual([first, late])
      } finally {
        await reopened.close()
      }
    },
  )

  it('cuts a connection that stalls mid-request once the grace period is over', async () => {
    h = await startHarness(engine, {}, { closeGraceMs: 200 })
    const base = await h.app.listen({ host: '127.0.0.1', port: 0 })
    const { channel, secret } = await seedChannel(h.storage)
    const body = bookingBody()
    const started = new Promise((r) => h?.app.server.once('request', r))
    const stalled = rawClient(base)
    clients.push(stalled)
    // Headers only: the body never comes.
    stalled.write(postHead(channel.id, signedHeaders(secret, body), Buffer.byteLength(body)))
    await started
    await h.app.close()
    await stalled.closed()
    expect(stalled.answered).toBe('')
    const reopened = await openStorage(h.db.url)
    try {
      expect(await reopened.read(channel.id, 0, 10)).toEqual({ ok: true, events: [] })
    } finally {
      await reopened.close()
    }
  })
})
