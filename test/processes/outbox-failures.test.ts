// The desk's outbox when Cal.com says no, with the sandbox, the relay and the headless desk each
// in its own process: a slot taken while the desk was offline ends in "needs attention" with
// Cal.com's reason while the rest of the queue drains; a 429 storm loses nothing, books nothing
// twice and stays within Cal.com's budget.
import { describe, expect, it } from 'vitest'
import { DISCARDED_BOOKING_REASON } from '../../src/main/core/outbound/outbox-commands'
import type { OutboxEntry } from '../../src/shared/api/schemas'
import {
  act,
  book,
  deskEventType,
  detail,
  freeStarts,
  outboxRow,
  syncedFrom,
} from '../support/desk-client'
import { useProcessWorld, type ProcessWorld } from '../support/process-world'
import { until } from '../support/until'

/** Cal.com's bookings made by the desk, per outbox mutation id. */
async function bookingsByMutation(w: ProcessWorld): Promise<Map<string, string[]>> {
  const byMutation = new Map<string, string[]>()
  for (const b of await w.calcomBookings()) {
    const id = b.metadata?.frontdeskMutationId
    if (id) byMutation.set(id, [...(byMutation.get(id) ?? []), b.uid])
  }
  return byMutation
}

describe('a slot taken while the desk was offline', () => {
  const w = useProcessWorld({ connect: 'apiKey' })

  it('needs attention with the reason, the rest of the queue drains, and discarding it books nothing', async () => {
    const haircut = await deskEventType(w, 'haircut')
    const [target, other] = await freeStarts(w, haircut, 2)
    const earlier = await syncedFrom(
      w,
      (await book(w, { eventTypeId: haircut.id, start: other, attendee: { name: 'Hal Ito' } }))
        .outboxId!,
    )

    w.link.down()
    const doomed = await book(w, {
      eventTypeId: haircut.id,
      start: target,
      attendee: { name: 'Ivy Jo' },
    })
    const later = await act(w, earlier.uid, 'cancel', { reason: 'Moved away' })
    // Meanwhile clients online book every host of the haircut at that time.
    const calcomType = w.account.eventTypes.find((e) => e.slug === 'haircut')!
    for (const hostId of calcomType.hostIds) {
      await fetch(`${w.sandbox.url}/_sandbox/book`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          eventTypeId: calcomType.id,
          start: target,
          hostId,
          attendee: {
            name: `Online ${hostId}`,
            email: `o${hostId}@example.com`,
            timeZone: w.account.timeZone,
          },
        }),
      })
    }
    w.link.up()

    await syncedFrom(w, later.outboxId!)
    expect((await detail(w, earlier.uid)).appointment).toMatchObject({
      status: 'CANCELLED',
      syncState: 'synced',
    })
    const stuck = await until(
      'the create to need attention',
      async () => {
        const row = await outboxRow(w, doomed.outboxId!)
        return row?.state === 'needs_attention' && row
      },
      30_000,
      () => outboxRow(w, doomed.outboxId!),
    )
    expect(stuck.reason).toMatchObject({
      code: 'slot_taken',
      params: {
        message: expect.stringMatching(/already has booking at this time or is not available/),
      },
    })
    expect((await w.get<OutboxEntry[]>('/api/outbox')).map((e) => e.id)).toEqual([stuck.id])
    expect((await detail(w, doomed.appointment.uid)).appointment.syncState).toBe('needs_attention')

    // Discarding needs its confirmation; then the booking shows as never booked.
    const unconfirmed = await w.call(`/api/outbox/${stuck.id}/discard`, { confirm: false })
    expect(unconfirmed.status).toBe(400)
    const discarded = await w.call(`/api/outbox/${stuck.id}/discard`, { confirm: true })
    expect(discarded.status).toBe(200)
    expect(await discarded.json()).toMatchObject({ state: 'discarded' })
    expect((await detail(w, doomed.appointment.uid)).appointment).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: DISCARDED_BOOKING_REASON,
      syncState: 'synced',
    })
    expect((await bookingsByMutation(w)).get(stuck.mutationId)).toBeUndefined()
  }, 90_000)
})

describe('a 429 storm', () => {
  const limit = 10
  const w = useProcessWorld({
    connect: 'apiKey',
    sandboxEnv: {
      SANDBOX_RATE_API_KEY_LIMIT: String(limit),
      SANDBOX_RATE_WINDOW_MS: '2000',
      SANDBOX_RATE_BLOCK_MS: '2000',
    },
  })

  it('loses nothing, sends each booking once, and stays within the budget', async () => {
    const haircut = await deskEventType(w, 'haircut')
    const starts = await freeStarts(w, haircut, 8)
    // Someone else with the same key uses the whole budget: Cal.com blocks the key.
    for (let i = 0; i <= limit; i++) {
      await fetch(`${w.sandbox.url}/v2/me`, {
        headers: { authorization: `Bearer ${w.account.apiKey}` },
      })
    }
    const before = w.link.passed.length
    const booked = await Promise.all(
      starts.map((start, i) =>
        book(w, {
          eventTypeId: haircut.id,
          start,
          attendee: { name: `Storm ${i}`, email: `storm${i}@example.com` },
        }),
      ),
    )
    for (const b of booked) await syncedFrom(w, b.outboxId!, 60_000)

    const done = await w.get<OutboxEntry[]>('/api/outbox?state=done&limit=500')
    const made = await bookingsByMutation(w)
    for (const b of booked) {
      const row = done.find((d) => d.id === b.outboxId)!
      expect(made.get(row.mutationId)).toEqual([row.bookingUid])
    }
    const seen = w.link.passed.slice(before)
    // The governor only sends what it believes the budget covers; once Cal.com's refusal tells it
    // the key is blocked it waits the block out, so refusals stay within one window's budget
    // instead of one per queued call and retry.
    const refused = seen.filter((p) => p.status === 429).length
    expect(refused).toBeGreaterThan(0) // the desk did meet the block
    expect(refused).toBeLessThanOrEqual(limit)
    expect(
      seen.filter((p) => p.method === 'POST' && p.path === '/v2/bookings' && p.status === 201),
    ).toHaveLength(8)
  }, 120_000)
})
