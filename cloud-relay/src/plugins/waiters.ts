import fp from 'fastify-plugin'

export interface Armed {
  /** Resolves on the next event of the channel after arming, on shutdown, or after `ms`. */
  wait(ms: number): Promise<void>
  cancel(): void
}

/**
 * Long-polls and streams park here until their channel gets an event. Arm before reading the
 * log, then wait: an event landing between the read and the wait still wakes the caller.
 */
export class Waiters {
  private readonly byChannel = new Map<string, Set<() => void>>()
  closing = false

  arm(channelId: string): Armed {
    let fired = false
    let wake: () => void = () => {}
    const fire = (): void => {
      fired = true
      wake()
    }
    let set = this.byChannel.get(channelId)
    if (!set) this.byChannel.set(channelId, (set = new Set()))
    set.add(fire)
    const cancel = (): void => {
      const s = this.byChannel.get(channelId)
      s?.delete(fire)
      if (s && s.size === 0) this.byChannel.delete(channelId)
    }
    return {
      wait: (ms) =>
        new Promise<void>((resolve) => {
          if (fired || this.closing) return resolve()
          const timer = setTimeout(() => wake(), ms)
          wake = () => {
            clearTimeout(timer)
            resolve()
          }
        }).finally(cancel),
      cancel: () => {
        cancel()
        wake()
      },
    }
  }

  /** How many long-polls and streams are parked on the channel. */
  parked(channelId: string): number {
    return this.byChannel.get(channelId)?.size ?? 0
  }

  /** How many long-polls and streams are parked on every channel of this instance. */
  parkedTotal(): number {
    let n = 0
    for (const set of this.byChannel.values()) n += set.size
    return n
  }

  /** `*` wakes everyone (e.g. after the notification connection reconnected). */
  notify(channelId: string): void {
    if (channelId === '*') {
      for (const set of this.byChannel.values()) for (const f of [...set]) f()
      return
    }
    const set = this.byChannel.get(channelId)
    if (set) for (const f of [...set]) f()
  }

  closeAll(): void {
    this.closing = true
    this.notify('*')
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    waiters: Waiters
  }
}

export default fp(
  async (app) => {
    const waiters = new Waiters()
    const off = app.storage.onEvents((channelId) => waiters.notify(channelId))
    app.decorate('waiters', waiters)
    // Parked long-polls answer (empty) and streams end, so close does not wait 25 s for them.
    app.addHook('preClose', async () => waiters.closeAll())
    app.addHook('onClose', async () => off())
  },
  { name: 'waiters', dependencies: ['storage'] },
)
