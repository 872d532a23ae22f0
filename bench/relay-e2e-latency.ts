// End-to-end latency through the relay: from the intake's 200 to the event reaching a desk that
// is waiting in a long-poll and a desk holding an SSE stream, at a steady 500 deliveries/s.
// Both clients live in this process, so one clock measures both ends.
import { performance } from 'node:perf_hooks'
import { Agent, fetch, request } from 'undici'
import { realisticBody } from '../cloud-relay/bench-support/calcom-body.js'
import type { EventsResponse, RelayEvent } from '../cloud-relay/src/contract.js'
import { signCalcomBody } from '../cloud-relay/src/signature.js'
import { openStorage } from '../cloud-relay/src/storage/open-storage.js'
import { createDatabase, seedChannel, seedDevice } from '../cloud-relay/test/helpers.js'
import { startRelayProcess } from '../cloud-relay/test/relay-process.js'

const RATE = 500
const SECONDS = Number(process.env.BENCH_DURATION_S ?? 6)
const TOTAL = RATE * SECONDS
// Senders and desks use separate connection pools, as they would on separate machines. Cal.com
// sends each delivery on its own, so the sender may open as many connections as it needs.
const senders = new Agent({ connections: 256, keepAliveTimeout: 30_000 })
const desks = new Agent({ connections: 4, keepAliveTimeout: 30_000 })

const tagOf = (body: string): string => /"uid":"(bench-[^"]+)"/.exec(body)?.[1] ?? ''

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

async function run(engine: 'sqlite' | 'postgres') {
  const db = await createDatabase(engine)
  const storage = await openStorage(db.url)
  const { channel, secret } = await seedChannel(storage)
  const poller = await seedDevice(storage, channel.id, 'long-poll desk')
  const streamer = await seedDevice(storage, channel.id, 'stream desk')
  await storage.close()
  const relay = await startRelayProcess({
    RELAY_DATABASE_URL: db.url,
    RELAY_INTAKE_RATE_LIMIT: '100000000',
  })

  const okAt = new Map<string, number>()
  const sentAt = new Map<string, number>()
  const polledAt = new Map<string, number>()
  const streamedAt = new Map<string, number>()
  let done = false

  // The long-poll desk: always waiting on the relay, as a real desk is.
  const polling = (async () => {
    let after = 0
    while (!done) {
      const res = await fetch(`${relay.url}/v1/events?after=${after}&wait=25&limit=500`, {
        headers: { authorization: `Bearer ${poller.token}` },
        dispatcher: desks,
      })
      const page = (await res.json()) as EventsResponse
      const now = performance.now()
      for (const e of page.events) polledAt.set(tagOf(e.body), now)
      after = page.nextAfter
      if (polledAt.size >= TOTAL) break
    }
  })()

  // The SSE desk.
  const abort = new AbortController()
  const streamRes = await fetch(`${relay.url}/v1/stream`, {
    headers: { authorization: `Bearer ${streamer.token}` },
    signal: abort.signal,
    dispatcher: desks,
  })
  const streaming = (async () => {
    const decoder = new TextDecoder()
    let buf = ''
    try {
      for await (const chunk of streamRes.body as unknown as AsyncIterable<Uint8Array>) {
        const now = performance.now()
        buf += decoder.decode(chunk, { stream: true })
        let at: number
        while ((at = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, at)
          buf = buf.slice(at + 2)
          const data = frame.split('\n').find((l) => l.startsWith('data: '))
          if (data) streamedAt.set(tagOf((JSON.parse(data.slice(6)) as RelayEvent).body), now)
        }
        if (streamedAt.size >= TOTAL) break
      }
    } catch {
      // aborted at the end
    }
  })()

  // Every delivery is made and signed before the clock starts, so the sender's own work (JSON,
  // HMAC) does not delay deliveries on a busy machine. undici's request() is used rather than
  // fetch(): it costs a fraction of the CPU per request, and the sender must not be the bottleneck.
  const deliveries = Array.from({ length: TOTAL }, () => {
    const body = realisticBody()
    return {
      tag: tagOf(body),
      body,
      headers: {
        'content-type': 'application/json',
        'x-cal-signature-256': signCalcomBody(secret, body),
        'x-cal-webhook-version': '2021-10-20',
      },
    }
  })
  const intakeUrl = new URL(`${relay.url}/hooks/calcom/${channel.id}`)

  // Steady 500/s: a small batch every 10 ms, on schedule regardless of answers.
  const sends: Promise<void>[] = []
  // Deliveries waiting in the sender for a free connection: if this is not 0, part of the
  // intake latency was spent queued in the load generator, not in the relay.
  let senderQueue = 0
  const watchQueue = setInterval(() => {
    for (const st of Object.values(senders.stats))
      if ('queued' in st) senderQueue = Math.max(senderQueue, st.queued)
  }, 5)
  const started = performance.now()
  for (let i = 0; i < TOTAL;) {
    const due = started + (i / RATE) * 1000
    const wait = due - performance.now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    for (const end = Math.min(TOTAL, i + RATE / 100); i < end; i++) {
      const d = deliveries[i] as (typeof deliveries)[number]
      sentAt.set(d.tag, performance.now())
      sends.push(
        request(intakeUrl, {
          method: 'POST',
          headers: d.headers,
          body: d.body,
          dispatcher: senders,
        }).then(async (r) => {
          await r.body.dump()
          if (r.statusCode === 200) okAt.set(d.tag, performance.now())
        }),
      )
    }
  }
  clearInterval(watchQueue)
  await Promise.all(sends)
  const deadline = Date.now() + 30_000
  while ((polledAt.size < TOTAL || streamedAt.size < TOTAL) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50))
  }
  done = true
  abort.abort()
  await streaming
  relay.child.kill('SIGTERM')
  await Promise.race([polling, new Promise((r) => setTimeout(r, 2000))])
  await relay.exited
  await db.drop()

  const measure = (arrived: Map<string, number>) => {
    // The event can reach a waiting desk before the sender has read its own 200: that counts as 0.
    const fromOk = [...okAt]
      .map(([tag, t]) => Math.max(0, (arrived.get(tag) ?? NaN) - t))
      .filter((x) => !Number.isNaN(x))
    const fromSend = [...sentAt]
      .map(([tag, t]) => (arrived.get(tag) ?? NaN) - t)
      .filter((x) => !Number.isNaN(x))
    return {
      n: fromOk.length,
      p50: percentile(fromOk, 50),
      p99: percentile(fromOk, 99),
      sendP50: percentile(fromSend, 50),
      sendP99: percentile(fromSend, 99),
    }
  }
  const intake = [...okAt].map(([tag, t]) => t - (sentAt.get(tag) ?? t))
  return {
    engine,
    accepted: okAt.size,
    rate: TOTAL / ((Math.max(...okAt.values()) - started) / 1000),
    intakeP50: percentile(intake, 50),
    intakeP99: percentile(intake, 99),
    senderQueue,
    poll: measure(polledAt),
    stream: measure(streamedAt),
  }
}

const os = await import('node:os')
console.log(`relay end-to-end latency: ${TOTAL} signed ~3.3 KB deliveries at ${RATE}/s per engine`)
console.log(
  `load average before the run: ${(os.loadavg()[0] ?? 0).toFixed(2)} on ${os.cpus().length} cores; target p99 < 50 ms\n`,
)
const f = (x: number) => x.toFixed(1).padStart(8)
console.log(
  `${'engine'.padEnd(10)}${'client'.padEnd(11)}${'events'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}   (from send: p50 / p99 ms)`,
)
// BENCH_ENGINES=postgres (or sqlite) runs one engine only, e.g. while profiling.
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres')
  .split(',')
  .filter((e): e is 'sqlite' | 'postgres' => e === 'sqlite' || e === 'postgres')
for (const engine of engines) {
  const r = await run(engine)
  for (const [client, m] of [
    ['long-poll', r.poll],
    ['SSE', r.stream],
  ] as const) {
    console.log(
      `${engine.padEnd(10)}${client.padEnd(11)}${String(m.n).padStart(8)}${f(m.p50)}${f(m.p99)}   (${m.sendP50.toFixed(1)} / ${m.sendP99.toFixed(1)})   p99 < 50 ms: ${m.p99 < 50 ? 'met' : 'NOT met'}`,
    )
  }
  console.log(
    `${''.padEnd(10)}intake 200: p50 ${r.intakeP50.toFixed(1)} ms, p99 ${r.intakeP99.toFixed(1)} ms; ${r.accepted} accepted at ${r.rate.toFixed(0)}/s achieved; at most ${r.senderQueue} waited in the sender for a connection`,
  )
}
