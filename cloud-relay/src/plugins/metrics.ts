import fp from 'fastify-plugin'
import { Counter, Gauge, Registry } from 'prom-client'

export type RejectReason =
  | 'bad_signature'
  | 'missing_signature'
  | 'unknown_channel'
  | 'too_large'
  | 'unsupported_media_type'
  | 'invalid_utf8'
  | 'empty_body'
  | 'rate_limited'
  | 'storage_error'

export interface RelayMetrics {
  registry: Registry
  accepted: Counter
  duplicates: Counter
  rejected: Counter<'reason'>
  served: Counter<'via'>
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: RelayMetrics
  }
}

/** Prometheus metrics of this instance; backlog per channel is read from storage at scrape time. */
export default fp(
  async (app) => {
    const registry = new Registry()
    const accepted = new Counter({
      name: 'relay_deliveries_accepted_total',
      help: 'Webhook deliveries verified and stored (first copies).',
      registers: [registry],
    })
    const duplicates = new Counter({
      name: 'relay_deliveries_duplicate_total',
      help: 'Verified redeliveries of a body already stored on the channel (answered 200, stored once).',
      registers: [registry],
    })
    const rejected = new Counter({
      name: 'relay_deliveries_rejected_total',
      help: 'Webhook deliveries refused, by reason. Nothing of them is stored.',
      labelNames: ['reason'] as const,
      registers: [registry],
    })
    const served = new Counter({
      name: 'relay_events_served_total',
      help: 'Events handed to desks, by route.',
      labelNames: ['via'] as const,
      registers: [registry],
    })
    new Gauge({
      name: 'relay_channel_backlog',
      help: 'Events after the slowest active device cursor of each channel.',
      labelNames: ['channel'] as const,
      registers: [registry],
      async collect() {
        this.reset()
        for (const ch of await app.storage.listChannels()) this.set({ channel: ch.id }, ch.backlog)
      },
    })
    new Gauge({
      name: 'relay_channel_last_seq',
      help: 'Last seq assigned on each channel.',
      labelNames: ['channel'] as const,
      registers: [registry],
      async collect() {
        this.reset()
        for (const ch of await app.storage.listChannels()) this.set({ channel: ch.id }, ch.lastSeq)
      },
    })
    new Gauge({
      name: 'relay_parked_connections',
      help: 'Long-polls and streams of this instance waiting for their channel’s next event.',
      registers: [registry],
      collect() {
        // Waiters register after metrics; by scrape time they exist.
        this.set(app.hasDecorator('waiters') ? app.waiters.parkedTotal() : 0)
      },
    })
    app.decorate('metrics', { registry, accepted, duplicates, rejected, served })
  },
  { name: 'metrics', dependencies: ['storage'] },
)
