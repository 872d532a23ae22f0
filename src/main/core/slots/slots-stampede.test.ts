// A stampede of slot reads against the Cal.com sandbox, through a counting HTTP hop: one Cal.com
// call per uncached day however many clients ask, none once every client has left, and the
// outbox's writes still get through while reads use up the rate budget. Everything is measured
// by counts and order of the calls that reached the sandbox, never by time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import { startCalcomLink, type CalcomLink } from '../outbound/calcom-link.test-support'
import {
  book,
  connectWithApiKey,
  deskOn,
  eventTypeOf,
  SANDBOX_NOW,
  sandboxState,
  slotsOf,
  syncedFrom,
} from '../outbound/outbound.test-support'

interface World {
  sandbox: RunningSandbox
  link: CalcomLink
  desk: TempDesk
}

async function startWorld(rateLimit: {
  apiKeyLimit: number
  windowMs: number
  blockMs: number
}): Promise<World> {
  const sandbox = await startSandbox({ port: 0, now: SANDBOX_NOW, rateLimit })
  const state = await sandboxState(sandbox.url)
  const link = await startCalcomLink(sandbox.url)
  const desk = await deskOn(link.url)
  await connectWithApiKey(desk, state.accounts[0]!.apiKey)
  return { sandbox, link, desk }
}

async function stopWorld(w: World | undefined): Promise<void> {
  await w?.desk.dispose()
  await w?.link.close()
  await w?.sandbox.close()
}

const slotCalls = (w: World) => w.link.passed.filter((p) => p.path === '/v2/slots').length
const slotsUrl = (eventTypeId: number, date: string) =>
  `/api/slots?eventTypeId=${eventTypeId}&date=${date}`

describe('500 clients asking for one uncached day', () => {
  let w: World
  // A budget the old one-call-per-client behaviour could spend without waiting for a window.
  beforeAll(async () => {
    w = await startWorld({ apiKeyLimit: 2_000, windowMs: 60_000, blockMs: 60_000 })
  })
  afterAll(() => stopWorld(w))

  it('makes one Cal.com call, and every client gets its answer', async () => {
    const haircut = eventTypeOf(w.desk, 'haircut')
    const before = slotCalls(w)
    // Cal.com takes a moment to answer, as it does under load: every client arrives meanwhile.
    w.link.delay(300)
    const answers = await Promise.all(
      Array.from({ length: 500 }, () =>
        deskFetch(w.desk, slotsUrl(haircut.id, '2026-03-13')).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as { slots: string[] },
        })),
      ),
    )
    w.link.delay(0)
    expect(answers.filter((a) => a.status !== 200)).toEqual([])
    expect(new Set(answers.map((a) => JSON.stringify(a.body.slots))).size).toBe(1)
    expect(answers[0]!.body.slots.length).toBeGreaterThan(0)
    expect(slotCalls(w) - before).toBe(1)
  })
})

describe('clients that leave before Cal.com can be asked', () => {
  let w: World
  // A 429 blocks the credential for blockMs (the sandbox announces it as the reset).
  beforeAll(async () => {
    w = await startWorld({ apiKeyLimit: 2_000, windowMs: 60_000, blockMs: 2_000 })
  })
  afterAll(() => stopWorld(w))

  it('stop waiting, and the call queued for them is never made', async () => {
    const haircut = eventTypeOf(w.desk, 'haircut')
    // Cal.com blocks the connection: every call from now on waits in the desk's rate governor.
    await fetch(`${w.sandbox.url}/_sandbox/faults/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'http429', count: 1, pathPrefix: '/v2/slots' }),
    })
    const blocked = await deskFetch(w.desk, slotsUrl(haircut.id, '2026-03-12'))
    expect(blocked.status).toBe(503)
    const before = slotCalls(w)

    // 50 clients ask for another day, and all leave before the block ends.
    const controllers = Array.from({ length: 50 }, () => new AbortController())
    const leaving = controllers.map((c) =>
      deskFetch(w.desk, slotsUrl(haircut.id, '2026-03-17'), { signal: c.signal }).then(
        () => 'answered',
        () => 'left',
      ),
    )
    // Every request has reached the desk and waits there for Cal.com.
    const governor = w.desk.services.transport.governor
    const rateKey = w.desk.services.connection.tokenProvider()!.rateKey
    // The governor tells no bus of its queue, so its state is re-checked on the kit's tick.
    await until('a call waiting at the governor', () => governor.snapshot(rateKey).waiting >= 1, {
      ms: 20_000,
      everyMs: 10,
    })
    for (const c of controllers) c.abort()
    expect(new Set(await Promise.all(leaving))).toEqual(new Set(['left']))

    // A client that stays, asking for a third day, queues behind whatever is still queued: once
    // it has its answer, a call kept for the clients who left would have been made before it.
    const stays = await deskFetch(w.desk, slotsUrl(haircut.id, '2026-03-18'))
    expect(stays.status).toBe(200)
    expect(slotCalls(w) - before).toBe(1)
    const calls = w.desk.services.apiLog.recent(500).filter((c) => c.path.startsWith('/v2/slots?'))
    expect(calls.filter((c) => c.path.includes('start=2026-03-17'))).toEqual([])
  })
})

describe('reads using up the rate budget', () => {
  let w: World
  const LIMIT = 4
  beforeAll(async () => {
    w = await startWorld({ apiKeyLimit: LIMIT, windowMs: 1_000, blockMs: 5_000 })
  })
  afterAll(() => stopWorld(w))

  it('leave a share to the outbox: a walk-in booked behind 24 queued reads reaches Cal.com before them', async () => {
    const haircut = eventTypeOf(w.desk, 'haircut')
    const { slots } = await slotsOf(w.desk, haircut.id)
    // 24 uncached days asked at once: six windows of reads at this budget.
    const days = Array.from({ length: 24 }, (_, i) => `2026-04-${String(i + 1).padStart(2, '0')}`)
    const reads = days.map((d) => deskFetch(w.desk, slotsUrl(haircut.id, d)))
    const governor = w.desk.services.transport.governor
    const rateKey = w.desk.services.connection.tokenProvider()!.rateKey
    await until(
      'ten calls waiting at the governor',
      () => governor.snapshot(rateKey).waiting >= 10,
      {
        ms: 20_000,
        everyMs: 10,
      },
    )

    const booked = await book(w.desk, {
      eventTypeId: haircut.id,
      start: slots[2],
      attendee: { name: 'Rita Quick' },
      walkIn: true,
    })
    await syncedFrom(w.desk, booked.outboxId!)
    const statuses = (await Promise.all(reads)).map((r) => r.status)
    expect(statuses.filter((s) => s !== 200)).toEqual([])

    const order = w.link.passed.map((p) => `${p.method} ${p.path}`)
    const posted = order.indexOf('POST /v2/bookings')
    const readsAfter = order.slice(posted).filter((c) => c === 'GET /v2/slots').length
    // The booking went ahead of most of the queued reads, and no call was refused.
    expect(readsAfter).toBeGreaterThanOrEqual(days.length / 2)
    expect(w.link.passed.filter((p) => p.status === 429)).toEqual([])
  })
})
