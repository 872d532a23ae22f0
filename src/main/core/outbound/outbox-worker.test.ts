// The worker keeps enough calls in flight to spend Cal.com's budget when Cal.com is slow to
// answer: rows of different bookings go out together, up to the worker's limit, not four at a
// time. Counted at a slow hop between the desk and the sandbox (each call held a while there).
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import type { TempDesk } from '../../../../test/support/temp-desk'
import {
  act,
  connectWithApiKey,
  deskOn,
  sandboxState,
  syncedFrom,
  deskSignals,
} from './outbound.test-support'
import { until } from '../../../../test/support/until'

/** Forwards to `target` after `holdMs`, counting how many cancels are open at once. */
async function slowHop(target: string) {
  const upstream = new URL(target)
  let open = 0
  const state = { holdMs: 0, maxOpenCancels: 0, cancels: 0, throttled: 0 }
  const server: Server = createServer((req, res) => {
    const cancel = req.method === 'POST' && /^\/v2\/bookings\/[^/]+\/cancel/.test(req.url ?? '')
    if (cancel) {
      open += 1
      state.cancels += 1
      state.maxOpenCancels = Math.max(state.maxOpenCancels, open)
    }
    const out = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        if (answer.statusCode === 429) state.throttled += 1
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
        answer.on('end', () => {
          if (cancel) open -= 1
        })
      },
    )
    out.on('error', () => req.socket.destroy())
    setTimeout(() => req.pipe(out), state.holdMs)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    state,
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((r) => server.close(() => r()))
    },
  }
}

describe('outbox worker, Cal.com slow to answer', () => {
  let sandbox: RunningSandbox
  let hop: Awaited<ReturnType<typeof slowHop>>
  let desk: TempDesk
  beforeAll(async () => {
    // A fortnight ahead, the sandbox's whole seeded week is still to come for the desk, so there
    // are always twenty bookings to cancel whatever weekday the test runs on.
    sandbox = await startSandbox({
      port: 0,
      now: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    })
    hop = await slowHop(sandbox.url)
    desk = await deskOn(hop.url)
    await connectWithApiKey(desk, (await sandboxState(sandbox.url)).accounts[0]!.apiKey)
  })
  afterAll(async () => {
    await desk?.dispose()
    await hop?.close()
    await sandbox?.close()
  })

  it('sends rows of different bookings together, up to 16 at once, with no 429', async () => {
    // The bookings the connect's reconcile brings in.
    const accountId = (await sandboxState(sandbox.url)).accounts[0]!.userId
    const accepted = [...sandbox.sandbox.store.bookings.values()].filter(
      (b) =>
        b.accountId === accountId && b.status === 'accepted' && Date.parse(b.start) > Date.now(),
    )
    await until(
      "the branch's upcoming bookings from Cal.com at the desk",
      () => accepted.every((b) => desk.services.appointments.byUid(b.uid)),
      deskSignals(desk),
    )
    // Those still to happen (some are already marked no-show).
    const upcoming = accepted
      .filter((b) => desk.services.appointments.byUid(b.uid)!.status === 'SCHEDULED')
      .slice(0, 20)
    expect(upcoming).toHaveLength(20)
    hop.state.holdMs = 1_000
    const queued = await Promise.all(
      upcoming.map(({ uid }) => act(desk, uid, 'cancel', { reason: 'Closed' })),
    )
    for (const q of queued) await syncedFrom(desk, q.outboxId!)

    expect(hop.state.cancels).toBe(20)
    expect(hop.state.throttled).toBe(0)
    // Four at a time (the old limit) would leave most of the budget unused at this speed.
    expect(hop.state.maxOpenCancels).toBeGreaterThanOrEqual(12)
    expect(hop.state.maxOpenCancels).toBeLessThanOrEqual(16)
  })
})
