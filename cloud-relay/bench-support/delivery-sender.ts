// The Cal.com side of bench/relay-e2e-latency.ts, in a process of its own: it makes and signs the
// deliveries, waits for "go", then POSTs them at a steady rate and reports, for each delivery,
// when it was sent and when its 200 arrived. Times are absolute (performance.timeOrigin + now),
// so the bench can set them against the arrival times its desks record in their own process.
import { performance } from 'node:perf_hooks'
import { Agent, request } from 'undici'
import { signCalcomBody } from '../src/signature.js'
import { realisticBody, tagOf } from './calcom-body.js'

export interface SenderConfig {
  intakeUrl: string
  secret: string
  rate: number
  /** Deliveries sent, warm-up included; the first `warmup` of them are the warm-up. */
  total: number
}

export interface SenderReport {
  /** [uid tag, absolute ms] per delivery sent, in the order they were sent. */
  sent: [string, number][]
  /** [uid tag, absolute ms] per delivery answered 200. */
  ok: [string, number][]
  /** Absolute ms at which the first delivery was due (the schedule: i / rate after it). */
  started: number
  /** Most deliveries that waited in the sender for a free connection at once. */
  senderQueue: number
}

const now = (): number => performance.timeOrigin + performance.now()

async function main(): Promise<void> {
  const cfg = JSON.parse(process.env.SENDER_CONFIG ?? '{}') as SenderConfig
  // Cal.com sends each delivery on its own, so the sender may open as many connections as it needs.
  const senders = new Agent({ connections: 256, keepAliveTimeout: 30_000 })
  // Every delivery is made and signed before the clock starts, so the sender's own work (JSON,
  // HMAC) does not delay deliveries. undici's request() costs a fraction of fetch()'s CPU.
  const deliveries = Array.from({ length: cfg.total }, () => {
    const body = realisticBody()
    return {
      tag: tagOf(body),
      body,
      headers: {
        'content-type': 'application/json',
        'x-cal-signature-256': signCalcomBody(cfg.secret, body),
        'x-cal-webhook-version': '2021-10-20',
      },
    }
  })
  const url = new URL(cfg.intakeUrl)
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve())
    process.send?.({ ready: true })
  })

  const sent: [string, number][] = []
  const ok: [string, number][] = []
  const sends: Promise<void>[] = []
  // Deliveries waiting here for a free connection: if this is not 0, part of the intake latency
  // was spent queued in the load generator, not in the relay.
  let senderQueue = 0
  const watchQueue = setInterval(() => {
    for (const st of Object.values(senders.stats))
      if ('queued' in st) senderQueue = Math.max(senderQueue, st.queued)
  }, 5)
  // Steady rate: a small batch every 10 ms, on schedule regardless of answers.
  const started = now()
  for (let i = 0; i < cfg.total;) {
    const wait = started + (i / cfg.rate) * 1000 - now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    for (const end = Math.min(cfg.total, i + cfg.rate / 100); i < end; i++) {
      const d = deliveries[i] as (typeof deliveries)[number]
      sent.push([d.tag, now()])
      sends.push(
        request(url, {
          method: 'POST',
          headers: d.headers,
          body: d.body,
          dispatcher: senders,
        }).then(async (r) => {
          await r.body.dump()
          if (r.statusCode === 200) ok.push([d.tag, now()])
        }),
      )
    }
  }
  clearInterval(watchQueue)
  await Promise.all(sends)
  await senders.close()
  // Disconnect only once the report is handed over: a large message is still being written.
  const report: SenderReport = { sent, ok, started, senderQueue }
  process.send?.({ report }, undefined, {}, () => process.disconnect?.())
}

await main()
