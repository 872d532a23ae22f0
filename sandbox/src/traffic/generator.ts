import type { Sandbox } from '../domain/sandbox.js'
import { clientName, prng } from '../seed/people.js'

const DAY = 86_400_000

/**
 * Clients booking, rescheduling and cancelling through the public pages at `perMinute` actions
 * a minute (spread over both branches). Every action fires the webhooks Cal.com would send.
 */
export class TrafficGenerator {
  private timer: NodeJS.Timeout | undefined
  private readonly rand: () => number
  readonly actions: Array<{ at: string; action: 'book' | 'reschedule' | 'cancel'; uid: string }> =
    []

  constructor(
    private readonly sandbox: Sandbox,
    private readonly perMinute: number,
    seed = Date.now() & 0xffff,
  ) {
    this.rand = prng(seed)
  }

  start(): void {
    if (this.perMinute <= 0) return
    this.timer = setInterval(() => this.step(), Math.max(50, 60_000 / this.perMinute))
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
  }

  private pick<T>(items: T[]): T | undefined {
    return items[Math.floor(this.rand() * items.length)]
  }

  /** One client action; returns what was done, or undefined when nothing fitted. */
  step(): { action: 'book' | 'reschedule' | 'cancel'; uid: string } | undefined {
    const { store, bookings, slots, clock } = this.sandbox
    const now = clock.nowMs()
    const roll = this.rand()
    const upcoming = [...store.bookings.values()].filter(
      (b) => (b.status === 'accepted' || b.status === 'pending') && Date.parse(b.start) > now,
    )
    try {
      if (roll < 0.2 && upcoming.length > 0) {
        const booking = this.pick(upcoming)!
        bookings.cancel(
          booking.uid,
          null,
          this.pick(['Something came up', 'Feeling unwell', 'Booked by mistake']),
        )
        return this.record('cancel', booking.uid)
      }
      if (roll < 0.4 && upcoming.length > 0) {
        const booking = this.pick(upcoming)!
        const et = store.eventTypes.get(booking.eventTypeId)
        if (!et) return undefined
        const free = slots.available(et, now, now + 7 * DAY, booking.uid)
        const start = this.pick(free)
        if (start === undefined) return undefined
        const fresh = bookings.reschedule(booking.uid, null, {
          start: new Date(start).toISOString(),
        })
        return this.record('reschedule', fresh.uid)
      }
      const et = this.pick([...store.eventTypes.values()])
      if (!et) return undefined
      const owner = store.accounts.get(et.ownerId)
      const start = this.pick(slots.available(et, now, now + 7 * DAY))
      if (start === undefined || !owner) return undefined
      const booking = bookings.create({
        eventType: et,
        start: new Date(start).toISOString(),
        attendee: { ...clientName(this.rand), timeZone: owner.timeZone },
        source: 'WEBAPP',
      })
      if (et.price > 0) bookings.pay(booking.uid)
      return this.record('book', booking.uid)
    } catch {
      // a slot taken between the look-up and the booking: a real client would just try again
      return undefined
    }
  }

  private record(action: 'book' | 'reschedule' | 'cancel', uid: string) {
    const entry = { at: this.sandbox.clock.now().toISOString(), action, uid }
    this.actions.push(entry)
    return { action, uid }
  }
}
