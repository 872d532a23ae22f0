import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { Sandbox } from '../src/domain/sandbox.js'
import { createSandbox, type SandboxOptions, type SandboxState } from '../src/index.js'

// A Tuesday: Toronto is on EDT (UTC-4) since 8 March, Berlin still on CET (UTC+1).
export const NOW = '2026-03-10T14:00:00.000Z'
export const BOOKINGS = { 'cal-api-version': '2024-08-13' }
export const SLOTS = { 'cal-api-version': '2024-09-04' }

export interface Harness {
  app: FastifyInstance
  sandbox: Sandbox
  state: SandboxState
  close(): Promise<void>
}

export async function harness(opts: SandboxOptions = {}): Promise<Harness> {
  const { app, sandbox } = await createSandbox({ now: NOW, ...opts })
  await app.ready()
  const state = (await app.inject({ url: '/_sandbox/state' })).json() as SandboxState
  return {
    app,
    sandbox,
    state,
    async close() {
      await sandbox.webhooks.flush()
      await app.close()
    },
  }
}

export const auth = (apiKey: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${apiKey}`,
  ...extra,
})

export interface Received {
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/** A real HTTP webhook receiver on 127.0.0.1:0 that records raw bodies. */
export async function receiver(
  answer: (r: Received) => { status: number; headers?: Record<string, string> } = () => ({
    status: 200,
  }),
) {
  const received: Received[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const r = {
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      received.push(r)
      const { status, headers } = answer(r)
      res.writeHead(status, headers).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The first free slot (UTC ISO) of an event type from `from` on, via the public slots API. */
export async function firstSlot(
  app: FastifyInstance,
  eventTypeId: number,
  from = NOW,
  days = 3,
): Promise<string> {
  const end = new Date(Date.parse(from) + days * 86_400_000).toISOString()
  const res = await app.inject({
    url: `/v2/slots?eventTypeId=${eventTypeId}&start=${from}&end=${end}`,
    headers: SLOTS,
  })
  const data = res.json().data as Record<string, Array<{ start: string }>>
  const first = Object.values(data).flat()[0]
  if (!first) throw new Error(`no free slot for event type ${eventTypeId}`)
  return new Date(first.start).toISOString()
}
