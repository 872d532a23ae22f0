// Issue 5, item 9: the convergence property. For each seed, a random interleaving of public
// bookings and changes on Cal.com (the sandbox), the owner's changes through Cal.com's API, the
// receptionist's actions at the desk, network cuts on both of the desk's lines, lost answers,
// webhook drops / duplicates / reordering / delays, 5xx, 429 and hanging calls, and desk restarts;
// then rest, and the desk must show exactly what Cal.com holds, with nothing booked twice.
// A second desk of the same branch (issue 18) shares the faults: both desks set visit states,
// booking notes and client notes and alerts, often the same ones, both book, move, cancel and
// confirm through Cal.com (sometimes reaching for the same booking), and the second restarts too;
// at rest it must also show what Cal.com holds, and both desks the same desk-owned state.
// 200 seeds took 12.6 min on the shared 2-core machine at a load average of 5–7 (3 lanes). Before
// a desk restarted while Cal.com hung stopped waiting out its reads (40–70 s a restart), they
// took 30.5 min at a load average of 10–20.
//   FRONTDESK_CONVERGENCE_SEEDS=N   how many seeds (default 200), seeds 1..N
//   FRONTDESK_CONVERGENCE_SEED=N    replay one seed (its steps and log are printed on failure)
//   FRONTDESK_CONVERGENCE_LOG=info  the desk's log level (its log file stays in a failing seed's
//                                   data directory, which is kept and printed)
//   FRONTDESK_CONVERGENCE_LANES=N   seeds run at once, each lane with its own sandbox + relay (3)
//   FRONTDESK_CONVERGENCE_TRACE=1   print every seed's steps with timings, passing or not
//
// A replay runs the same steps; where they land can still vary a little with timing (which
// outbox call meets which fault), so a replay of a timing-sensitive failure may need a few runs.
import { afterAll, beforeAll, describe, it } from 'vitest'
import { deskOwnedDifferences, differences } from './compare'
import { quiesce, quietState } from './quiesce'
import { scenarioOf, type Step } from './scenario'
import { desk, DeskAnswerError, needingAttention, runStep, type RunLog } from './steps'
import { startBase, startWorld, type Base, type World } from './world'
import { deskFetch } from '../support/temp-desk'
import { until } from '../support/until'

const one = process.env.FRONTDESK_CONVERGENCE_SEED
const count = Number(process.env.FRONTDESK_CONVERGENCE_SEEDS ?? 200)
const seeds = one ? [Number(one)] : Array.from({ length: count }, (_, i) => i + 1)

const describeStep = (s: Step) => JSON.stringify(s)

/**
 * Rest reached: what the desk shows now is final unless something is still on its way, so the
 * comparison is retried briefly before it counts as a difference.
 */
async function expectConverged(w: World, when: string): Promise<void> {
  let diffs: string[] = []
  const all = async () => [
    ...(await differences(w)).map((d) => `desk 1: ${d}`),
    ...(await differences(w, w.desk2)).map((d) => `desk 2: ${d}`),
    ...deskOwnedDifferences(w),
  ]
  try {
    await until(
      'the desks to equal Cal.com and each other',
      async () => (diffs = await all()).length === 0,
      3_000,
    )
  } catch {
    throw new Error(
      [
        `${diffs.length} difference(s) ${when}:`,
        ...diffs.map((d) => `  ${d}`),
        `state: ${JSON.stringify(await quietState(w))}`,
      ].join('\n'),
    )
  }
}

/**
 * Seeds run in a few lanes at once, each with its own sandbox and relay (a seed mostly waits on
 * timers and the network, so lanes share the CPU well); within a lane they run one at a time.
 */
const LANES = Number(process.env.FRONTDESK_CONVERGENCE_LANES ?? 3)
const idle: Base[] = []
const waiting: Array<(b: Base) => void> = []
const all: Base[] = []

async function withLane<T>(work: (base: Base) => Promise<T>): Promise<T> {
  const base = idle.pop() ?? (await new Promise<Base>((resolve) => waiting.push(resolve)))
  try {
    return await work(base)
  } finally {
    const next = waiting.shift()
    if (next) next(base)
    else idle.push(base)
  }
}

async function runSeed(base: Base, seed: number): Promise<void> {
  const scenario = scenarioOf(seed)
  const log: RunLog = { lines: [], deskCreates: [[], []] }
  const t0 = Date.now()
  const mark = (what: string) => log.lines.push(`  [${Date.now() - t0} ms] ${what}`)
  const w = await startWorld(base, seed, { inboxOnly: scenario.inboxOnly })
  mark('world started')
  let ok = false
  try {
    for (const desk of [w.desk, w.desk2]) {
      const connect = await deskFetch(desk, '/api/branch/connect', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ apiKey: w.account.apiKey }),
      })
      if (connect.status !== 200)
        throw new Error(`connect answered ${connect.status}: ${await connect.text()}`)
      // Enrolled (Cal.com's webhook points at the relay) and the first reconcile done: from here
      // on every change reaches the desk one way or the other.
      await until('the desk to enroll with the relay and reconcile', () => {
        const h = desk.services.sync.health()
        return h.relay.channelId !== null && h.lastReconcile?.ok === true
      })
    }
    mark('connected')
    for (const [i, step] of scenario.steps.entries()) {
      log.lines.push(`#${i} [${Date.now() - t0} ms] ${describeStep(step)}`)
      await runStep(w, step, log)
    }
    mark('steps done')
    await quiesce(w, { reconcile: !scenario.inboxOnly })
    mark('at rest')
    // Every booking a desk accepted is one create in its outbox, whatever became of it.
    for (const [i, at] of [w.desk, w.desk2].entries()) {
      const creates = at.services.outbox
        .list(['pending', 'in_flight', 'needs_attention', 'done', 'discarded'], 10_000)
        .filter((r) => r.op === 'create')
      if (creates.length !== log.deskCreates[i]!.length)
        throw new Error(
          `desk ${i + 1}: ${log.deskCreates[i]!.length} bookings accepted, ${creates.length} creates queued`,
        )
    }
    await expectConverged(w, 'at rest')
    // The receptionists discard whatever Cal.com refused: undone at each desk, both must show
    // exactly what Cal.com holds again, flags gone. A change queued behind a discarded one is
    // sent next and may be refused in turn (a second move of a booking the client cancelled
    // meanwhile: seed 190 under load), so they go on until nothing needs attention; an entry
    // that needs attention again after its own discard is a failure.
    const discarded = new Set<string>()
    for (let round = 1; ; round++) {
      const refused = [w.desk, w.desk2].flatMap((at, i) =>
        needingAttention(at).map((entry) => ({ at, entry, key: `${i}:${entry.id}` })),
      )
      if (!refused.length) break
      if (refused.some((r) => discarded.has(r.key)))
        throw new Error('entries still need attention after discard')
      for (const { at, entry, key } of refused) {
        log.lines.push(`-- discard outbox #${entry.id} (${entry.op} ${entry.bookingUid})`)
        await desk(at, `/api/outbox/${entry.id}/discard`, { confirm: true }, log)
        discarded.add(key)
      }
      await quiesce(w, { reconcile: !scenario.inboxOnly })
      await expectConverged(w, `after discarding what needed attention (round ${round})`)
    }
    ok = true
    mark('compared')
    if (process.env.FRONTDESK_CONVERGENCE_TRACE) console.log(log.lines.join('\n'))
  } catch (err) {
    const why = err instanceof DeskAnswerError ? 'the desk answered wrongly' : 'no convergence'
    throw new Error(
      [
        `convergence failed for seed ${seed} (replay: FRONTDESK_CONVERGENCE_SEED=${seed} npx vitest run test/convergence)`,
        `${why}: ${(err as Error).message}`,
        `inboxOnly=${scenario.inboxOnly}; desk data dirs kept at ${w.dataDir} and ${w.dataDir2}`,
        'steps:',
        ...log.lines,
      ].join('\n'),
    )
  } finally {
    await w.close(!ok)
  }
}

describe('the desk converges to Cal.com under every fault (issue 5, item 9)', () => {
  beforeAll(async () => {
    for (let i = 0; i < Math.min(LANES, seeds.length); i++) all.push(await startBase())
    idle.push(...all)
  })
  afterAll(async () => {
    for (const base of all) await base.close()
  })

  it.concurrent.each(seeds)('seed %i', (seed) => withLane((base) => runSeed(base, seed)), 180_000)
})
