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
  private readonly items: DeliveryRecord[] = []
  constructor(private readonly capacity = 500) {}

  add(r: DeliveryRecord): void {
    this.items.push(r)
    if (this.items.length > this.capacity) this.items.shift()
  }

  recent(limit: number, channelId?: string): DeliveryRecord[] {
    const list = channelId ? this.items.filter((i) => i.channelId === channelId) : this.items
    return list.slice(-limit).reverse()
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
