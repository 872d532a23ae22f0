import { describe, expect, it } from 'vitest'
import { createSandbox } from '../src/index.js'
import { TrafficGenerator } from '../src/traffic/generator.js'
import { auth, NOW, receiver } from './helpers.js'

describe('traffic generator', () => {
  it('books, reschedules and cancels like real clients, and each action fires webhooks', async () => {
    const { app, sandbox } = await createSandbox({ now: NOW })
    const rx = await receiver()
    try {
      for (const account of sandbox.store.accounts.values()) {
        await app.inject({
          method: 'POST',
          url: '/v2/webhooks',
          headers: auth(account.apiKey),
          payload: {
            subscriberUrl: rx.url,
            triggers: [
              'BOOKING_CREATED',
              'BOOKING_REQUESTED',
              'BOOKING_RESCHEDULED',
              'BOOKING_CANCELLED',
              'BOOKING_PAID',
            ],
            active: true,
          },
        })
      }
      const before = sandbox.store.bookings.size
      const traffic = new TrafficGenerator(sandbox, 60, 42)
      for (let i = 0; i < 30; i++) traffic.step()
      await sandbox.webhooks.flush()
      const kinds = new Set(traffic.actions.map((a) => a.action))
      expect(kinds).toEqual(new Set(['book', 'reschedule', 'cancel']))
      expect(sandbox.store.bookings.size).toBeGreaterThan(before)
      const triggers = new Set(rx.received.map((r) => JSON.parse(r.body).triggerEvent))
      expect(triggers.has('BOOKING_RESCHEDULED') && triggers.has('BOOKING_CANCELLED')).toBe(true)
      expect(rx.received.length).toBeGreaterThanOrEqual(traffic.actions.length)
    } finally {
      await app.close()
      await rx.close()
    }
  })
})
