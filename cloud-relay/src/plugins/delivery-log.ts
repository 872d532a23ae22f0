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

/** A refused delivery also names its sender: floods are told apart by address. */
export interface RefusalRecord extends DeliveryRecord {
  from: string
}

/** The last `capacity` records, oldest overwritten first. Adding is O(1) and formats nothing. */
class Ring<T extends { channelId: string }> {
  private readonly items: (T & { at: number })[] = []
  private next = 0
  constructor(private readonly capacity: number) {}

  add(r: T): void {
    const item = { ...r, at: Date.now() }
    if (this.items.length < this.capacity) this.items.push(item)
    else this.items[this.next] = item
    this.next = (this.next + 1) % this.capacity
  }

  /** Newest first; times become text only when an operator reads them. */
  recent(limit: number, channelId?: string): (T & { at: string })[] {
    const ordered = [...this.items.slice(this.next), ...this.items.slice(0, this.next)]
    const list = channelId ? ordered.filter((i) => i.channelId === channelId) : ordered
    return list
      .slice(-limit)
      .reverse()
      .map((i) => ({ ...i, at: new Date(i.at).toISOString() }))
  }
}

/**
 * The last deliveries seen by this instance, in memory: rejected deliveries are stored nowhere
 * (DESIGN.md §4.1), so their trace lives only here and in the counters. Accepted and refused
 * deliveries have a ring each, so a flood of refusals cannot push real deliveries out.
 */
export class DeliveryLog {
  private readonly accepted: Ring<Omit<DeliveryRecord, 'at'>>
  private readonly refused: Ring<Omit<RefusalRecord, 'at'>>

  constructor(capacity = 500) {
    this.accepted = new Ring(capacity)
    this.refused = new Ring(capacity)
  }

  add(r: Omit<DeliveryRecord, 'at'>): void {
    this.accepted.add(r)
  }

  addRefusal(r: Omit<RefusalRecord, 'at'>): void {
    this.refused.add(r)
  }

  recent(limit: number, channelId?: string): DeliveryRecord[] {
    return this.accepted.recent(limit, channelId)
  }

  recentRefusals(limit: number, channelId?: string): RefusalRecord[] {
    return this.refused.recent(limit, channelId)
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
