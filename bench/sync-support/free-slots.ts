// Bookings that can all be made on a freshly seeded sandbox: planned on a private copy of the same
// seed (same clock start, so the same seed bookings), one booking at a time, so every planned
// (start, event type, host) is still free after all the ones before it. Sent with the same host,
// the real sandbox accepts each of them.
import { createSandbox } from '../../sandbox/src/index'
import type { SandboxState } from '../../sandbox/src/index'

export interface PlannedBooking {
  start: string
  eventTypeId: number
  hostId: number
}

const SLOTS_VERSION = '2024-09-04'

export async function planBookings(opts: {
  now: string
  count: number
  account?: number
  /** Event types to use, by slug (free ones without confirmation book at once). */
  slugs?: string[]
  /** First day to plan, in days after `now` (past the minimum notice of every event type). */
  fromDays?: number
}): Promise<PlannedBooking[]> {
  const { app } = await createSandbox({
    now: opts.now,
    rateLimit: { anonymousLimit: 1e9, apiKeyLimit: 1e9 },
  })
  try {
    const state = (await app.inject({ url: '/_sandbox/state' })).json<SandboxState>()
    const account = state.accounts[opts.account ?? 0]!
    const slugs = opts.slugs ?? ['haircut', 'colour-consultation']
    const types = account.eventTypes.filter((e) => slugs.includes(e.slug))
    const planned: PlannedBooking[] = []
    const first = Date.parse(opts.now) + (opts.fromDays ?? 2) * 86_400_000
    for (let day = 0; planned.length < opts.count && day < 365; day++) {
      const start = new Date(first + day * 86_400_000).toISOString().slice(0, 10)
      for (const type of types) {
        const slots = (
          await app.inject({
            url: `/v2/slots?eventTypeId=${type.id}&start=${start}&end=${start}`,
            headers: { 'cal-api-version': SLOTS_VERSION },
          })
        ).json<{ data: Record<string, Array<{ start: string }>> }>()
        for (const slot of Object.values(slots.data).flat()) {
          if (planned.length >= opts.count) break
          const res = await app.inject({
            method: 'POST',
            url: '/_sandbox/book',
            payload: {
              start: new Date(slot.start).toISOString(),
              eventTypeId: type.id,
              attendee: { name: 'Plan', email: 'plan@example.com', timeZone: account.timeZone },
            },
          })
          if (res.statusCode !== 201) continue
          const booked = res.json<{ data: { start: string; hosts: Array<{ id: number }> } }>()
          planned.push({
            start: new Date(booked.data.start).toISOString(),
            eventTypeId: type.id,
            hostId: booked.data.hosts[0]!.id,
          })
        }
      }
    }
    if (planned.length < opts.count)
      throw new Error(`only ${planned.length} free slots found for ${opts.count} bookings`)
    return planned
  } finally {
    await app.close()
  }
}
