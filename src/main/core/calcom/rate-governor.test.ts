// The rate governor's use of Cal.com's budget: it opens the next window as soon as the answers
// prove the last one over (not a second later), never learns the current window's end from a
// late answer about an earlier window, keeps a share of each window for the receptionist's actions
// however many reads wait, drops a call whose caller gave up, and, against the sandbox over
// several short windows, gets no 429 however many calls wait. The clock is the governor's own (injected), so nothing here
// depends on how fast the machine is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import { startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { credentialFile } from '../auth/token-store'
import { CalcomTokenProvider } from '../auth/token-provider'
import { ApiLog } from './api-log-store'
import { createCalcomClient } from './calcom-client'
import { CalcomTransport } from './http-transport'
import { RateGovernor, type Admission, type CallPriority } from './rate-governor'

const KEY = 'api-key:test'
const answer = (remaining: number, resetSeconds: number) =>
  new Headers({
    'x-ratelimit-limit-default': '3',
    'x-ratelimit-remaining-default': String(remaining),
    'x-ratelimit-reset-default': String(resetSeconds),
  })

/** Whether `admit()` lets a call through now, rather than making it wait for budget. */
async function admittedAtOnce(
  governor: RateGovernor,
  priority?: CallPriority,
): Promise<Admission | 'waits'> {
  return settledAtOnce(governor.admit(KEY, { priority }))
}

async function settledAtOnce(admission: Promise<Admission>): Promise<Admission | 'waits'> {
  return Promise.race([
    admission,
    new Promise<'waits'>((resolve) => setImmediate(() => resolve('waits'))),
  ])
}

function granted(a: Admission | 'waits') {
  if (a === 'waits' || !a.ok) throw new Error(`expected an admission, got ${JSON.stringify(a)}`)
  return a
}

describe('rate governor, on its own clock', () => {
  it('opens the next window at the earliest end the answers imply', async () => {
    let now = 0
    const governor = new RateGovernor({ now: () => now })
    // A budget of 3 per 10 s window. The probe is answered 10 ms in: the window ends by 10.01 s.
    const probe = granted(await admittedAtOnce(governor))
    now = 10
    probe.release(answer(2, 10), 200)
    const second = granted(await admittedAtOnce(governor))
    const third = granted(await admittedAtOnce(governor))
    expect(await admittedAtOnce(governor)).toBe('waits') // budget used up
    // Later answers round the same end up to later whole seconds; they must not move it.
    now = 600
    second.release(answer(1, 10), 200)
    now = 900
    third.release(answer(0, 10), 200)
    expect(governor.snapshot(KEY)).toMatchObject({ remaining: 0, resetAt: 10_010 })

    now = 10_020
    const next = await admittedAtOnce(governor)
    expect(next).toMatchObject({ ok: true })
    governor.forget(KEY)
  })

  it('does not let a late answer about the last window end the current one early', async () => {
    let now = 0
    const governor = new RateGovernor({ now: () => now })
    const probe = granted(await admittedAtOnce(governor))
    now = 10
    probe.release(answer(2, 10), 200)
    now = 9_900
    const straggler = granted(await admittedAtOnce(governor)) // sent as the window ends

    // The window is over; the next one's first call waits for the straggler's answer...
    now = 10_020
    const waiting = governor.admit(KEY)
    // ...which describes the old window: one call left, a reset 1 s from now.
    now = 10_040
    straggler.release(answer(1, 1), 200)
    const nextProbe = granted(await waiting)
    // The new window's own answer: another desk on the same key has used it up.
    now = 10_050
    nextProbe.release(answer(0, 10), 200)
    expect(governor.snapshot(KEY)).toMatchObject({ remaining: 0, resetAt: 20_050 })

    // Believing the straggler would open a window at 11.04 s and earn a 429; the governor waits.
    now = 11_100
    expect(await admittedAtOnce(governor)).toBe('waits')
    governor.forget(KEY)
  })

  it('after a 429, waits out the block whatever other answers say', async () => {
    let now = 0
    const governor = new RateGovernor({ now: () => now })
    const probe = granted(await admittedAtOnce(governor))
    now = 10
    probe.release(answer(2, 10), 200)
    const a = granted(await admittedAtOnce(governor))
    const b = granted(await admittedAtOnce(governor))
    now = 600
    a.release(answer(0, 5), 429)
    now = 700
    b.release(answer(1, 10), 200)
    expect(governor.snapshot(KEY).blockedUntil).toBe(5_600)
    now = 1_000
    expect(await admittedAtOnce(governor)).toBe('waits')
    governor.forget(KEY)
  })
})

describe('rate governor: actions before reads', () => {
  it('lets reads use the window only down to the share kept for actions', async () => {
    let now = 0
    const governor = new RateGovernor({ now: () => now })
    const probe = granted(await admittedAtOnce(governor, 'read'))
    now = 10
    probe.release(answer(2, 10), 200) // a limit of 3: one call is kept for actions
    granted(await admittedAtOnce(governor, 'read'))
    expect(await admittedAtOnce(governor, 'read')).toBe('waits')
    granted(await admittedAtOnce(governor, 'action'))
    governor.forget(KEY)
  })

  it('gives freed budget to a waiting action before reads that waited longer', async () => {
    let now = 0
    const governor = new RateGovernor({ now: () => now })
    const probe = granted(await admittedAtOnce(governor))
    now = 10
    probe.release(answer(2, 10), 200)
    const x = granted(await admittedAtOnce(governor, 'action'))
    const y = granted(await admittedAtOnce(governor, 'action'))
    const read = governor.admit(KEY, { priority: 'read' })
    const action = governor.admit(KEY, { priority: 'action' })
    expect(governor.snapshot(KEY).waiting).toBe(2)

    // The window ends; the next one starts with a single probe, and the action gets it.
    now = 10_020
    x.release(null, 200)
    y.release(null, 200)
    expect(await settledAtOnce(action)).toMatchObject({ ok: true })
    expect(await settledAtOnce(read)).toBe('waits')
    governor.forget(KEY)
  })

  it('drops a queued call at once when its caller gives up, and never admits it', async () => {
    let now = 0
    const governor = new RateGovernor({ now: () => now })
    const probe = granted(await admittedAtOnce(governor))
    now = 10
    probe.release(answer(0, 10), 200)
    const gaveUp = new AbortController()
    const queued = governor.admit(KEY, { priority: 'read', signal: gaveUp.signal })
    expect(governor.snapshot(KEY).waiting).toBe(1)
    gaveUp.abort()
    expect(await settledAtOnce(queued)).toEqual({ ok: false, reason: 'cancelled' })
    expect(governor.snapshot(KEY).waiting).toBe(0)
    governor.forget(KEY)
  })
})

describe('rate governor against the sandbox', () => {
  const LIMIT = 3
  let sandbox: RunningSandbox
  let desk: TempDesk
  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      rateLimit: { apiKeyLimit: LIMIT, windowMs: 1_000, blockMs: 5_000 },
    })
    desk = await startTempDesk({ env: { FRONTDESK_LOG_LEVEL: 'silent' } })
  })
  afterAll(async () => {
    await desk?.dispose()
    await sandbox?.close()
  })

  it('sends four windows of queued calls with no 429 and no call lost', async () => {
    const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
    const apiLog = new ApiLog(desk.services.db)
    const transport = new CalcomTransport({
      baseUrl: sandbox.url,
      apiLog,
      governor: new RateGovernor({ maxWaitMs: 10_000 }),
    })
    const credential = new CalcomTokenProvider({
      store: credentialFile(desk.dataDir),
      credential: { kind: 'apiKey', apiKey: state.accounts[0]!.apiKey },
      oauth: null,
    })
    const client = createCalcomClient({ transport, credential })
    const results = await Promise.all(Array.from({ length: LIMIT * 4 }, () => client.me.get()))
    expect(results.filter((r) => !r.ok)).toEqual([])
    const statuses = apiLog.recent(100).map((r) => r.status)
    expect(statuses.filter((s) => s === 429)).toEqual([])
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT * 4)
  })
})
