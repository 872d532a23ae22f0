// The outbox and Cal.com OAuth with the sandbox, the relay and the headless desk each in its own
// process, connected through the sandbox's authorize page and the desk's loopback callback: an
// access token that expires mid-queue is refreshed once and the queue goes on; a refused refresh
// token pauses the queue (branch: reconnect needed) without losing or failing anything, and
// connecting again drains it.
import { expect, it } from 'vitest'
import type { Branch, OutboxEntry } from '../../src/shared/api/schemas'
import {
  act,
  book,
  connectWithOAuth,
  deskEventType,
  freeStarts,
  syncedFrom,
} from '../support/desk-client'
import { useProcessWorld } from '../support/process-world'
import { sandboxSlots } from '../support/sandbox-slots'
import { until } from '../support/until'

const w = useProcessWorld({ connect: 'oauth' })

const refreshes = () => w.link.count('POST', '/v2/auth/oauth2/token')
const advanceCalcomClock = (ms: number) => w.control('/clock', { advanceMs: ms })
const connection = async () => (await w.get<Branch>('/api/branch')).connection

it('refreshes an access token that expires mid-queue, once, and the queue goes on', async () => {
  const haircut = await deskEventType(w, 'haircut')
  const [a, b] = await freeStarts(w, haircut, 2)
  const first = await syncedFrom(
    w,
    (await book(w, { eventTypeId: haircut.id, start: a, attendee: { name: 'Lee Moss' } }))
      .outboxId!,
  )
  const before = refreshes()

  // 31 minutes pass at Cal.com: the access token the desk holds is now refused with 401.
  await advanceCalcomClock(31 * 60_000)
  const second = await book(w, {
    eventTypeId: haircut.id,
    start: b,
    attendee: { name: 'Mo Nash' },
  })
  const cancel = await act(w, first.uid, 'cancel', { reason: 'Ill' })
  await syncedFrom(w, second.outboxId!)
  await syncedFrom(w, cancel.outboxId!)
  expect(refreshes() - before).toBe(1)
  expect(await w.get<OutboxEntry[]>('/api/outbox')).toEqual([])
  expect(await connection()).toBe('connected')
})

it('pauses on a refused refresh token, keeps every row, and drains after connecting again', async () => {
  // A month passes at Cal.com: the refresh token has expired too.
  await advanceCalcomClock(31 * 86_400_000)
  const haircut = await deskEventType(w, 'haircut')
  const calcomHaircut = w.account.eventTypes.find((e) => e.slug === 'haircut')!
  // Free times as the public booking page shows them now; every other one, so hosts do not clash.
  const starts = (await sandboxSlots(w.sandbox.url, calcomHaircut.id, 3)).filter(
    (_, i) => i % 4 === 0,
  )
  const creates = w.link.count('POST', '/v2/bookings')

  const queued = await book(w, {
    eventTypeId: haircut.id,
    start: starts[1],
    attendee: { name: 'Ny Oak' },
  })
  expect(queued.appointment.syncState).toBe('pending')
  await until('reconnect needed', async () => (await connection()) === 'reconnect_needed')
  const later = await book(w, {
    eventTypeId: haircut.id,
    start: starts[2],
    attendee: { name: 'Oz Pym' },
  })
  // Paused, not failed: with the branch needing a reconnect the worker has no client, so it
  // claims nothing and the queue stays as it is until the branch
  // connects again; nothing reached Cal.com and nothing needs attention.
  const open = await w.get<OutboxEntry[]>('/api/outbox')
  expect(open.map((e) => [e.id, e.state])).toEqual([
    [queued.outboxId, 'pending'],
    [later.outboxId, 'pending'],
  ])
  expect(w.link.count('POST', '/v2/bookings')).toBe(creates)

  await connectWithOAuth(w, w.account)
  const made = await Promise.all([syncedFrom(w, queued.outboxId!), syncedFrom(w, later.outboxId!)])
  const calcom = new Map((await w.calcomBookings()).map((b) => [b.uid, b.status]))
  expect(made.map((a) => calcom.get(a.uid))).toEqual(['accepted', 'accepted'])
  expect(w.link.count('POST', '/v2/bookings') - creates).toBe(2)
})
