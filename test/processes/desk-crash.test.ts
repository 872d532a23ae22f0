// The headless desk killed with SIGKILL while its outbox drains, then started again on the same
// data directory, with the sandbox and the relay in their own processes: every booking reaches
// Cal.com exactly once.
import { expect, it } from 'vitest'
import type { OutboxEntry } from '../../src/shared/api/schemas'
import { book, deskEventType, freeStarts } from '../support/desk-client'
import { useProcessWorld } from '../support/process-world'
import { until } from '../support/until'

const w = useProcessWorld({ connect: 'apiKey' })

const created = () =>
  w.link.passed.filter((p) => p.method === 'POST' && p.path === '/v2/bookings' && p.status === 201)
    .length

it('loses nothing and duplicates nothing when the desk is killed mid-drain', async () => {
  const haircut = await deskEventType(w, 'haircut')
  const starts = await freeStarts(w, haircut, 10)

  // Every call to Cal.com now takes a while, so the kill lands mid-drain.
  w.link.delay(150)
  for (const [i, start] of starts.entries())
    await book(w, { eventTypeId: haircut.id, start, attendee: { name: `Crash ${i}` } })
  await until('a first few bookings to reach Cal.com', () => created() >= 2)
  await w.restartDesk('SIGKILL')
  expect(created()).toBeLessThan(10)

  w.link.delay(0)
  await until(
    'the outbox to drain after the restart',
    async () => (await w.get<OutboxEntry[]>('/api/outbox')).length === 0,
    30_000,
    () => w.get('/api/outbox'),
  )
  const done = await w.get<OutboxEntry[]>('/api/outbox?state=done')
  expect(done).toHaveLength(10)
  const made = (await w.calcomBookings()).filter((b) => b.metadata?.frontdeskMutationId)
  expect(made).toHaveLength(10)
  expect(new Set(made.map((b) => b.metadata!.frontdeskMutationId))).toEqual(
    new Set(done.map((d) => d.mutationId)),
  )
  expect(new Set(made.map((b) => b.uid))).toEqual(new Set(done.map((d) => d.bookingUid)))
}, 90_000)
