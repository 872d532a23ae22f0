// The relay client's own failure handling, against real sockets: a relay that accepts the poll
// and then says nothing (a half-dead connection) trips the watchdog, and retries back off with
// full jitter inside a capped, growing interval.
import { createServer, type Server, type Socket } from 'node:net'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { until } from '../../../../test/support/until'
import { Backoff } from './backoff'
import { RelayClient, type RelayProblem, type RelayState } from './relay-client'

let silent: Server
let url: string
const sockets = new Set<Socket>()

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.add(socket)
    socket.on('data', () => undefined) // reads the request, never answers
  })
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(silent.address() as { port: number }).port}`
})
afterAll(async () => {
  for (const s of sockets) s.destroy()
  await new Promise((r) => silent.close(r))
})

describe('relay client', () => {
  it('abandons a poll the relay holds past its promise, and retries', async () => {
    const states: Array<{ state: RelayState; error?: RelayProblem }> = []
    const client = new RelayClient({
      logger: pino({ level: 'silent' }),
      device: async () => ({
        relayUrl: url,
        calcomAccountId: 1,
        channelId: 'ch',
        deviceId: 'dev',
        deviceToken: 'fdr_secret',
      }),
      forgetDevice: async () => undefined,
      cursor: () => 0,
      applyEvents: async () => 0,
      resync: async () => 0,
      onState: (state, detail) => states.push({ state, error: detail?.error }),
      waitSeconds: 0,
      watchdogGraceMs: 150,
      backoff: new Backoff(10, 20),
    })
    client.start()
    await until(
      'the watchdog to trip twice',
      () => states.filter((s) => s.error?.code === 'RELAY_SILENT').length >= 2,
      { ms: 10_000, everyMs: 20, explain: () => states },
    )
    await client.stop()
    expect(states.at(-1)?.state).toBe('stopped')
    expect(states.some((s) => s.state === 'online')).toBe(false)
  })

  it('backs off with full jitter inside a capped, doubling interval', () => {
    const top = new Backoff(100, 1000, () => 0.999999)
    expect([1, 2, 3, 4, 5, 6].map(() => top.next())).toEqual([99, 199, 399, 799, 999, 999])
    const bottom = new Backoff(100, 1000, () => 0)
    expect(bottom.next()).toBe(0)
    top.reset()
    expect(top.next()).toBe(99)
  })
})
