import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type SandboxState, startSandbox } from '../src/index.js'
import { auth, BOOKINGS, firstSlot, harness, type Harness, NOW, receiver } from './helpers.js'

let h: Harness
let rx: Awaited<ReturnType<typeof receiver>>
beforeEach(async () => {
  h = await harness()
  rx = await receiver()
})
afterEach(async () => {
  await h.close()
  await rx.close()
})

const toronto = () => h.state.accounts.find((a) => a.timeZone === 'America/Toronto')!

async function subscribe() {
  const res = await h.app.inject({
    method: 'POST',
    url: '/v2/webhooks',
    headers: auth(toronto().apiKey),
    payload: { subscriberUrl: rx.url, triggers: ['BOOKING_CREATED'], active: true },
  })
  return res.json().data.id as string
}

/** Books `n` haircuts in order; returns their uids. */
async function bookMany(n: number): Promise<string[]> {
  const et = toronto().eventTypes.find((e) => e.slug === 'haircut')!
  const uids: string[] = []
  let from = NOW
  for (let i = 0; i < n; i++) {
    const start = await firstSlot(h.app, et.id, from)
    const res = await h.app.inject({
      method: 'POST',
      url: '/v2/bookings',
      headers: auth(toronto().apiKey, BOOKINGS),
      payload: {
        start,
        eventTypeId: et.id,
        attendee: { name: `Client ${i}`, email: `c${i}@example.com`, timeZone: 'UTC' },
      },
    })
    uids.push(res.json().data.uid)
    from = new Date(Date.parse(start) + 3600_000).toISOString()
  }
  return uids
}

const fault = (payload: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: '/_sandbox/faults/webhooks', payload })
const flush = () => h.app.inject({ method: 'POST', url: '/_sandbox/webhooks/flush' })
const uidsReceived = () => rx.received.map((r) => JSON.parse(r.body).payload.uid as string)

describe('webhook faults', () => {
  it('drop: the next N deliveries never arrive, later ones do', async () => {
    await subscribe()
    await fault({ mode: 'drop', count: 2 })
    const uids = await bookMany(3)
    await flush()
    expect(uidsReceived()).toEqual([uids[2]])
    const log = (await h.app.inject({ url: '/_sandbox/deliveries' })).json().deliveries
    expect(log.filter((d: { fault: string }) => d.fault === 'drop')).toHaveLength(2)
  })

  it('duplicate: the same bytes arrive twice', async () => {
    await subscribe()
    await fault({ mode: 'duplicate', count: 1 })
    const [uid] = await bookMany(1)
    await flush()
    expect(uidsReceived()).toEqual([uid, uid])
    expect(rx.received[0]!.body).toBe(rx.received[1]!.body)
  })

  it('delay: the delivery arrives after the delay, and flush waits for it', async () => {
    await subscribe()
    await fault({ mode: 'delay', count: 1, delayMs: 1_000 })
    const [held, next] = await bookMany(2)
    // The booking made after it is delivered first: the delayed one is still held.
    await expect.poll(() => rx.received.length).toBeGreaterThan(0)
    expect(uidsReceived()).toEqual([next])
    await flush()
    expect(uidsReceived()).toEqual([next, held])
  })

  it('reorder: the next N deliveries arrive newest first', async () => {
    await subscribe()
    await fault({ mode: 'reorder', count: 3 })
    const uids = await bookMany(3)
    await flush()
    expect(uidsReceived()).toEqual([...uids].reverse())
  })

  it('disable: a webhook switched off as after failures gets nothing and reads active=false', async () => {
    const id = await subscribe()
    const res = await h.app.inject({ method: 'POST', url: `/_sandbox/webhooks/${id}/disable` })
    expect(res.json().active).toBe(false)
    await bookMany(1)
    await flush()
    expect(rx.received).toHaveLength(0)
    const read = await h.app.inject({ url: `/v2/webhooks/${id}`, headers: auth(toronto().apiKey) })
    expect(read.json().data.active).toBe(false)
  })
})

describe('API faults', () => {
  it('http500 and http429 fail the next N matching calls with Cal.com envelopes, then calls work', async () => {
    await h.app.inject({
      method: 'POST',
      url: '/_sandbox/faults/api',
      payload: { mode: 'http500', count: 1, pathPrefix: '/v2/me' },
    })
    await h.app.inject({
      method: 'POST',
      url: '/_sandbox/faults/api',
      payload: { mode: 'http429', count: 1 },
    })
    const key = auth(toronto().apiKey)
    const webhooksCall = await h.app.inject({ url: '/v2/webhooks', headers: key }) // not /v2/me: only the 429 applies
    expect(webhooksCall.statusCode).toBe(429)
    expect(webhooksCall.json().error).toMatchObject({ code: 'ThrottlerException' })
    const meCall = await h.app.inject({ url: '/v2/me', headers: key })
    expect(meCall.statusCode).toBe(500)
    expect(meCall.json().error.code).toBe('InternalServerErrorException')
    expect((await h.app.inject({ url: '/v2/me', headers: key })).statusCode).toBe(200)
    expect((await h.app.inject({ url: '/_sandbox/faults' })).json().api).toEqual([])
  })

  it('an injected 429 carries the throttler headers of a blocked credential, and a 500 the usual ones', async () => {
    const blocked = await harness({
      rateLimit: { blockMs: 3_000, windowMs: 10_000, apiKeyLimit: 50 },
    })
    try {
      await blocked.app.inject({
        method: 'POST',
        url: '/_sandbox/faults/api',
        payload: { mode: 'http429', count: 1 },
      })
      await blocked.app.inject({
        method: 'POST',
        url: '/_sandbox/faults/api',
        payload: { mode: 'http500', count: 1 },
      })
      const key = auth(blocked.state.accounts[0]!.apiKey)
      const throttledCall = await blocked.app.inject({ url: '/v2/me', headers: key })
      expect(throttledCall.statusCode).toBe(429)
      expect(throttledCall.headers).toMatchObject({
        'x-ratelimit-limit-default': '50',
        'x-ratelimit-remaining-default': '0',
        'x-ratelimit-reset-default': '3',
      })
      const failed = await blocked.app.inject({ url: '/v2/me', headers: key })
      expect(failed.statusCode).toBe(500)
      expect(failed.headers['x-ratelimit-remaining-default']).toBe('48')
    } finally {
      await blocked.close()
    }
  })

  it('hang: the call gets no answer and the connection is cut when the hang ends', async () => {
    const running = await startSandbox({ now: NOW })
    try {
      const state = (await (await fetch(`${running.url}/_sandbox/state`)).json()) as SandboxState
      const me = () => fetch(`${running.url}/v2/me`, { headers: auth(state.accounts[0]!.apiKey) })
      /** A call to /v2/me that the sandbox is holding: it has taken the fault for it. */
      const held = async (fault: { count: number; hangMs?: number }) => {
        await fetch(`${running.url}/_sandbox/faults/api`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ mode: 'hang', ...fault }),
        })
        let outcome: string | undefined
        const call = me().then(
          (r) => (outcome = `status ${r.status}`),
          (e: Error) => (outcome = `failed: ${e.message}`),
        )
        await expect.poll(() => running.sandbox.apiFaults.pending()).toEqual([])
        return { call, outcome: () => outcome }
      }

      // Held: another call is answered meanwhile, and this one still has none; then it is cut.
      const hung = await held({ count: 1, hangMs: 1_500 })
      expect((await me()).status).toBe(200)
      expect(hung.outcome()).toBeUndefined()
      expect(await hung.call).toMatch(/^failed/)

      // A hang without end is released when the sandbox closes.
      const endless = await held({ count: 1 })
      expect((await me()).status).toBe(200)
      expect(endless.outcome()).toBeUndefined()
      await running.close()
      expect(await endless.call).toMatch(/^failed/)
    } finally {
      await running.close().catch(() => undefined)
    }
  })
})
