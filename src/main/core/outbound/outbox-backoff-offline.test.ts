// How often a walk-in booked while Cal.com is out of reach is tried: the production backoff
// (2 s base, 5 min cap, full jitter) bounds it however often the worker is woken. The worker's
// schedule runs on a clock the test walks through ten minutes, one second at a time, waking the
// worker at every step (more often than new rows, reconnections or finished calls would); each
// try is a real call through a real hop to the Cal.com sandbox, cut or answering 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { startCalcomLink, type CalcomLink } from './calcom-link.test-support'
import {
  book,
  connectWithApiKey,
  deskOn,
  eventTypeOf,
  SANDBOX_NOW,
  sandboxState,
  slotsOf,
} from './outbound.test-support'

const SECOND = 1_000
const TEN_MINUTES = 600

/**
 * With every jitter draw at the middle (0.5) the waits are 1, 2, 4 … 128 s, then 150 s (half the
 * cap): tries at 0, 1, 3, 7, 15, 31, 63, 127, 255, 405 and 555 s, so 11 in ten minutes.
 */
const MOST_TRIES_IN_TEN_MINUTES = 11

interface World {
  sandbox: RunningSandbox
  link: CalcomLink
  desk: TempDesk
  /** The worker's clock. */
  clock: { now: number }
}

async function world(): Promise<World> {
  const clock = { now: Date.now() }
  const sandbox = await startSandbox({ port: 0, now: SANDBOX_NOW })
  const link = await startCalcomLink(sandbox.url)
  // The production backoff: only the clock and the jitter's draws are the test's.
  const desk = await deskOn(link.url, {
    outbound: { outbox: { now: () => clock.now, random: () => 0.5, closeGraceMs: 500 } },
  })
  await connectWithApiKey(desk, (await sandboxState(sandbox.url)).accounts[0]!.apiKey)
  return { sandbox, link, desk, clock }
}

/** Ten minutes on the worker's clock, the worker woken every second; the row's tries after. */
async function tenMinutesOffline(w: World, outboxId: number): Promise<number> {
  const worker = w.desk.services.outboxWorker
  for (let second = 1; second <= TEN_MINUTES; second++) {
    w.clock.now += SECOND
    worker.wake()
    // The wake-up runs on the next turn; then whatever it sent has its answer.
    await new Promise((resolve) => setImmediate(resolve))
    await worker.idle()
    // The queue as the page reads it, now and then, as the receptionist's screen does.
    if (second % 30 === 0) expect((await deskFetch(w.desk, '/api/outbox')).status).toBe(200)
  }
  return w.desk.services.outbox.byId(outboxId)!.attempts
}

/** A haircut walk-in at `start`, one of Cal.com's free times read while it answered. */
function walkIn(w: World, name: string, start: string) {
  return book(w.desk, {
    eventTypeId: eventTypeOf(w.desk, 'haircut').id,
    start,
    attendee: { name },
    walkIn: true,
  })
}

describe('a walk-in booked while Cal.com is out of reach, over ten minutes', () => {
  let w: World
  let free: string[]
  beforeAll(async () => {
    w = await world()
    free = (await slotsOf(w.desk, eventTypeOf(w.desk, 'haircut').id)).slots
  }, 60_000)
  afterAll(async () => {
    await w?.desk.dispose()
    await w?.link.close()
    await w?.sandbox.close()
  })

  it('is tried no more often than the backoff allows while the line is cut', async () => {
    w.link.down()
    const booked = await walkIn(w, 'Gil Offline', free[1]!)
    const tries = await tenMinutesOffline(w, booked.outboxId!)
    expect(tries).toBeGreaterThan(1)
    expect(tries).toBeLessThanOrEqual(MOST_TRIES_IN_TEN_MINUTES)
    expect(w.desk.services.outbox.byId(booked.outboxId!)?.state).toBe('pending')
    expect(w.link.count('POST', '/v2/bookings')).toBe(0)
    w.link.up()
  }, 120_000)

  it('is tried no more often than the backoff allows while Cal.com answers 500', async () => {
    const fault = await fetch(`${w.sandbox.url}/_sandbox/faults/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'http500', count: 100_000, pathPrefix: '/v2/bookings' }),
    })
    expect(fault.status).toBe(201)
    const booked = await walkIn(w, 'Ida Fivehundred', free[3]!)
    const tries = await tenMinutesOffline(w, booked.outboxId!)
    expect(tries).toBeGreaterThan(1)
    expect(tries).toBeLessThanOrEqual(MOST_TRIES_IN_TEN_MINUTES)
    expect(w.desk.services.outbox.byId(booked.outboxId!)?.state).toBe('pending')
    await fetch(`${w.sandbox.url}/_sandbox/faults`, { method: 'DELETE' })
  }, 120_000)
})
