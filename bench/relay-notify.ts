// Notification dispatch at the relay (DESIGN.md §8): webhook-to-email latency (from the intake's
// 200 to the first and to the last recipient's email reaching a real SMTP server in this
// process), then dispatch throughput for a burst of deliveries, each notifying an owner and
// many admins by email and desktop — on SQLite and on PostgreSQL, one relay process each.
// Every kind coalesces nothing and quiet hours are off, so each delivery is its own messages.
import { performance } from 'node:perf_hooks'
import type {
  CreateBusinessResponse,
  NotificationRulesResponse,
} from '../src/shared/relay/relay-contract.js'
import { signCalcomBody } from '../cloud-relay/src/signature.js'
import { openStorage } from '../cloud-relay/src/storage/open-storage.js'
import { ENGINES, createDatabase, seedChannel, seedDevice } from '../cloud-relay/test/helpers.js'
import { startMailbox } from '../cloud-relay/test/mailbox.js'
import { startRelayProcess } from '../cloud-relay/test/relay-process.js'

const ADMINS = Number(process.env.BENCH_ADMINS ?? 9)
const RECIPIENTS = ADMINS + 1
const LATENCY_RUNS = Number(process.env.BENCH_LATENCY_RUNS ?? 50)
const BURST = Number(process.env.BENCH_BURST ?? 100)
const PIN = '482913'
const now = (): number => performance.now()

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

async function run(engine: 'sqlite' | 'postgres'): Promise<void> {
  const db = await createDatabase(engine)
  const mail = await startMailbox()
  const storage = await openStorage(db.url)
  const { channel, secret } = await seedChannel(storage)
  const { token } = await seedDevice(storage, channel.id)
  await storage.close()
  const relay = await startRelayProcess({
    RELAY_DATABASE_URL: db.url,
    RELAY_INTAKE_RATE_LIMIT: '100000000',
    RELAY_SMTP_URL: mail.url,
    RELAY_MAIL_FROM: 'alerts@frontdesk.test',
  })
  const api = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${relay.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`)
    return r.json() as Promise<unknown>
  }
  try {
    const biz = (await api('POST', '/v1/business', {
      name: 'Bench salon',
      owner: { name: 'Owner', email: 'owner@example.com', language: 'en', pin: PIN },
    })) as CreateBusinessResponse
    const actor = { personId: biz.ownerId, pin: PIN }
    for (let i = 0; i < ADMINS; i++)
      await api('POST', '/v1/business/people', {
        actor,
        person: {
          name: `Admin ${i}`,
          email: `admin${i}@example.com`,
          language: i % 2 ? 'es' : 'en',
          pin: '1234',
          role: 'admin',
          branches: [channel.id],
        },
      })
    const current = (await api(
      'GET',
      '/v1/business/notification-rules',
    )) as NotificationRulesResponse
    const rule = current.rules.kinds['booking.requested']
    rule.recipients = { roles: ['owner', 'admin'], people: [] }
    rule.coalesceMinutes = 0
    current.rules.quietHours = null
    await api('PUT', '/v1/business/notification-rules', {
      actor,
      baseVersion: current.version,
      rules: current.rules,
    })

    let n = 0
    const deliver = async () => {
      n += 1
      const body = JSON.stringify({
        triggerEvent: 'BOOKING_REQUESTED',
        createdAt: new Date().toISOString(),
        payload: {
          title: `Consultation ${n}`,
          startTime: new Date(Date.now() + 86_400_000).toISOString(),
          eventTypeId: 5,
          organizer: { name: 'Host', timeZone: 'Europe/Madrid' },
          attendees: [{ name: `Client ${n}`, email: `client${n}@example.com` }],
          uid: `bench-${n}`,
        },
      })
      const r = await fetch(`${relay.url}/hooks/calcom/${channel.id}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-cal-signature-256': signCalcomBody(secret, body),
        },
        body,
      })
      if (r.status !== 200) throw new Error(`intake ${r.status}`)
    }

    const first: number[] = []
    const all: number[] = []
    for (let i = 0; i < LATENCY_RUNS; i++) {
      const before = mail.messages.length
      await deliver()
      const t0 = now()
      await mail.waitFor(before + 1)
      first.push(now() - t0)
      await mail.waitFor(before + RECIPIENTS)
      all.push(now() - t0)
    }
    const before = mail.messages.length
    const t0 = now()
    await Promise.all(Array.from({ length: BURST }, () => deliver()))
    await mail.waitFor(before + BURST * RECIPIENTS)
    const seconds = (now() - t0) / 1000
    const emails = BURST * RECIPIENTS
    const fmt = (v: number) => `${v.toFixed(1)} ms`
    console.log(
      `${engine}: webhook → first email p50 ${fmt(percentile(first, 50))} p99 ${fmt(percentile(first, 99))}; ` +
        `→ all ${RECIPIENTS} recipients' emails p50 ${fmt(percentile(all, 50))} p99 ${fmt(percentile(all, 99))} ` +
        `(${LATENCY_RUNS} deliveries, one at a time)`,
    )
    console.log(
      `${engine}: dispatch throughput ${(emails / seconds).toFixed(0)} emails/s, ` +
        `${((2 * emails) / seconds).toFixed(0)} notifications/s (a burst of ${BURST} deliveries × ` +
        `${RECIPIENTS} recipients × email and desktop, ${seconds.toFixed(1)} s)`,
    )
  } finally {
    relay.child.kill('SIGTERM')
    await relay.exited
    await mail.close()
    await db.drop()
  }
}

console.log(
  'Emails go through the relay’s pooled SMTP transport (5 connections), up to 5 at once, to ' +
    'the in-process server: the numbers are the relay’s dispatch and nodemailer, not a real ' +
    'mail provider’s latency.',
)
for (const engine of ENGINES) await run(engine)
