import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { type RunningSandbox, type SandboxState, startSandbox } from '../src/index.js'
import { auth, NOW, SLOTS } from './helpers.js'

// Every hang below would last a minute or more without the fix; the close must not wait for it.
const HANG_DETECTOR_MS = 5_000

/** 'closed', or 'hung' when close() did not finish well within what a test can wait. */
async function closeOrHang(running: RunningSandbox): Promise<'closed' | 'hung'> {
  let timer: NodeJS.Timeout | undefined
  const hung = new Promise<'hung'>(
    (resolve) => (timer = setTimeout(() => resolve('hung'), HANG_DETECTOR_MS)),
  )
  const result = await Promise.race([running.close().then(() => 'closed' as const), hung])
  clearTimeout(timer)
  return result
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

let running: RunningSandbox
let state: SandboxState
const cleanups: Array<() => void> = []

async function start(opts: Parameters<typeof startSandbox>[0] = {}) {
  running = await startSandbox({ now: NOW, ...opts })
  state = (await (await fetch(`${running.url}/_sandbox/state`)).json()) as SandboxState
}

/** A webhook receiver that takes the request and never answers. */
async function silentReceiver(): Promise<string> {
  const server = createServer(() => undefined)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(() => {
    server.closeAllConnections()
    server.close()
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
}

async function subscribe(url: string) {
  const res = await post(
    `${running.url}/v2/webhooks`,
    { subscriberUrl: url, triggers: ['BOOKING_CREATED'], active: true },
    auth(state.accounts[0]!.apiKey),
  )
  expect(res.status).toBe(201)
}

async function bookPublicly(): Promise<void> {
  const et = state.accounts[0]!.eventTypes.find((e) => e.slug === 'haircut')!
  const end = new Date(Date.parse(NOW) + 3 * 86_400_000).toISOString()
  const slots = (await (
    await fetch(`${running.url}/v2/slots?eventTypeId=${et.id}&start=${NOW}&end=${end}`, {
      headers: SLOTS,
    })
  ).json()) as {
    data: Record<string, Array<{ start: string }>>
  }
  const start = new Date(Object.values(slots.data).flat()[0]!.start).toISOString()
  const res = await post(`${running.url}/_sandbox/book`, {
    start,
    eventTypeId: et.id,
    attendee: { name: 'Ada Client', email: 'ada@example.com', timeZone: 'UTC' },
  })
  expect(res.status).toBe(201)
}

afterEach(async () => {
  await running?.close()
  for (const cleanup of cleanups.splice(0)) cleanup()
})

describe('close always finishes promptly', () => {
  it('with hung API calls (no end, and a long hangMs), GET and POST with a body, and cuts them', async () => {
    await start()
    await post(`${running.url}/_sandbox/faults/api`, { mode: 'hang', count: 1 })
    await post(`${running.url}/_sandbox/faults/api`, { mode: 'hang', count: 1, hangMs: 120_000 })
    const outcome = (p: Promise<Response>) =>
      p.then(
        (r) => `answered ${r.status}`,
        () => 'cut',
      )
    const hungGet = outcome(
      fetch(`${running.url}/v2/me`, { headers: auth(state.accounts[0]!.apiKey) }),
    )
    const hungPost = outcome(
      post(
        `${running.url}/v2/webhooks`,
        { subscriberUrl: 'http://127.0.0.1:9/x', triggers: ['BOOKING_CREATED'], active: true },
        auth(state.accounts[0]!.apiKey),
      ),
    )
    await expect.poll(() => running.sandbox.apiFaults.pending().length).toBe(0)
    expect(await closeOrHang(running)).toBe('closed')
    expect(await hungGet).toBe('cut')
    expect(await hungPost).toBe('cut')
  })

  it('with a silent socket (a browser preconnect) and a half-sent request open', async () => {
    await start()
    const sockets = [
      connect(running.port, '127.0.0.1'),
      connect(running.port, '127.0.0.1'),
      connect(running.port, '127.0.0.1'),
    ]
    const cut = sockets.map((s) => new Promise((resolve) => s.once('close', resolve)))
    for (const s of sockets) {
      s.on('error', () => undefined)
      s.resume() // read to the end, so the client sees the server hang up
      cleanups.push(() => s.destroy())
      await new Promise((resolve) => s.once('connect', resolve))
    }
    sockets[1]!.write('GET /v2/me HTTP/1.1\r\nHost: sandbox\r\n')
    sockets[2]!.write(
      'POST /_sandbox/clock HTTP/1.1\r\nHost: sandbox\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"adv',
    )
    // an idle keep-alive connection from an ordinary client too
    expect((await fetch(`${running.url}/_sandbox/clock`)).status).toBe(200)
    expect(await closeOrHang(running)).toBe('closed')
    // the server has let go of every socket
    await Promise.all(cut)
  })

  it('drops delayed and held webhook deliveries and cuts a post to a receiver that never answers', async () => {
    await start()
    const silent = await silentReceiver()
    await subscribe(silent)
    await bookPublicly() // on the wire to the silent receiver
    await expect.poll(() => running.sandbox.webhooks.log[0]?.attemptedAt ?? null).not.toBeNull()
    await post(`${running.url}/_sandbox/faults/webhooks`, {
      mode: 'delay',
      count: 1,
      delayMs: 120_000,
    })
    await bookPublicly()
    await post(`${running.url}/_sandbox/faults/webhooks`, { mode: 'reorder', count: 3 })
    await bookPublicly() // held until two more deliveries come, which never do
    expect(await closeOrHang(running)).toBe('closed')
    const log = running.sandbox.webhooks.log
    expect(log.map((d) => [d.fault, d.statusCode, d.error])).toEqual([
      [null, null, 'cut: the sandbox closed'],
      ['delay', null, 'not sent: the sandbox closed'],
      ['reorder', null, 'not sent: the sandbox closed'],
    ])
    // and a flush after the close does not wait for anything either
    await running.sandbox.webhooks.flush()
  })

  it('stops the traffic generator: no client acts after the close', async () => {
    await start({ traffic: { perMinute: 1200 } })
    const traffic = running.app.traffic!
    await expect.poll(() => traffic.actions.length, { timeout: 3000 }).toBeGreaterThan(1)
    expect(await closeOrHang(running)).toBe('closed')
    const after = traffic.actions.length
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(traffic.actions.length).toBe(after)
  })

  it('a second close (a SIGINT after a test teardown) is harmless', async () => {
    await start()
    expect(await closeOrHang(running)).toBe('closed')
    expect(await closeOrHang(running)).toBe('closed')
  })
})
