import fp from 'fastify-plugin'

/** Metadata of one intake attempt, for operators. Never the body, never the signature. */
export interface DeliveryRecord {
  at: string
  channelId: string
  status: number
  /** accepted | duplicate | the reject reason */
  result: string
  bytes: number
  contentType: string | null
  seq: number | null
}

/**
 * The last deliveries seen by this instance, in memory: rejected deliveries are stored nowhere
 * (DESIGN.md §4.1), so their trace lives only here and in the counters.
 */
export class DeliveryLog {
  // A ring: recording runs once per delivery, so it stays O(1) and formats nothing; times are
  // turned into text only when an operator reads the log.
  private readonly items: (Omit<DeliveryRecord, 'at'> & { at: number })[] = []
  private next = 0
  constructor(private readonly capacity = 500) {}

  add(r: Omit<DeliveryRecord, 'at'>): void {
    const item = { ...r, at: Date.now() }
    if (this.items.length < this.capacity) this.items.push(item)
    else this.items[this.next] = item
    this.next = (this.next + 1) % this.capacity
  }

  recent(limit: number, channelId?: string): DeliveryRecord[] {
    const ordered = [...this.items.slice(this.next), ...this.items.slice(0, this.next)]
    const list = channelId ? ordered.filter((i) => i.channelId === channelId) : ordered
    return list
      .slice(-limit)
      .reverse()
      .map((i) => ({ ...i, at: new Date(i.at).toISOString() }))
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    deliveryLog: DeliveryLog
  }
}

export default fp(
  async (app) => {
    app.decorate('deliveryLog', new DeliveryLog())
  },
  { name: 'delivery-log' },
)
