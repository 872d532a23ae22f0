// Cal.com's webhooks misbehaving on their way to the relay — one dropped, two arriving newest
// first, one delivered twice — with the sandbox, the relay and the headless desk each in its own
// process. The desk ends in Cal.com's state every time: by the events' own state and times, and
// by reconciling for what never arrived.
import { expect, it } from 'vitest'
import type { AppointmentDetail } from '../../src/shared/api/schemas'
import { detail, statusAt } from '../support/desk-client'
import { useProcessWorld } from '../support/process-world'
import { sandboxSlots } from '../support/sandbox-slots'
import { until } from '../support/until'

const w = useProcessWorld({ connect: 'apiKey' })

const publicType = () => w.account.eventTypes.find((e) => !e.requiresConfirmation && e.price === 0)!
const flush = () => w.control('/webhooks/flush', {})
const fault = (mode: 'drop' | 'duplicate' | 'reorder', count: number) =>
  w.control('/faults/webhooks', { mode, count })

const used = new Set<string>()
async function freeSlot(): Promise<string> {
  const start = (await sandboxSlots(w.sandbox.url, publicType().id)).find((s) => !used.has(s))!
  used.add(start)
  return start
}

/** Books as a member of the public on the sandbox's booking page, and waits for the desk. */
async function bookPublicly(name: string): Promise<string> {
  const { data } = await w.control<{ data: { uid: string } }>('/book', {
    start: await freeSlot(),
    eventTypeId: publicType().id,
    attendee: {
      name,
      email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
      timeZone: w.account.timeZone,
    },
  })
  await flush()
  await until(`${name} at the desk`, async () => (await statusAt(w, data.uid)) === 'SCHEDULED')
  return data.uid
}

it('a dropped webhook leaves the desk behind until a reconcile heals it', async () => {
  const uid = await bookPublicly('Dana Dropped')
  const seqBefore = (await w.get<{ relay: { cursor: number } }>('/api/sync')).relay.cursor
  await fault('drop', 1)
  await w.control(`/bookings/${uid}/cancel`, { cancellationReason: 'Sick' })
  await flush()
  // Nothing reached the relay, so nothing reached the desk.
  expect((await w.get<{ relay: { cursor: number } }>('/api/sync')).relay.cursor).toBe(seqBefore)
  expect(await statusAt(w, uid)).toBe('SCHEDULED')

  const bad = await w.call('/api/sync/reconcile', { window: 'yes' })
  expect(bad.status).toBe(400)
  expect(await bad.json()).toMatchObject({ error: { code: 'VALIDATION', field: 'window' } })
  // The UI's button sends no body at all.
  const res = await w.request('/api/sync/reconcile', { method: 'POST' })
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ ok: true, trigger: 'demand', mode: 'incremental' })
  const healed = await detail(w, uid)
  expect(healed.appointment).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Sick' })
  expect(healed.history.at(-1)).toMatchObject({ source: 'reconcile' })
})

it('a reschedule and a cancel arriving newest first end rescheduled and cancelled', async () => {
  const first = await bookPublicly('Rey Ordered')
  await fault('reorder', 2)
  const moved = await w.control<{ data: { uid: string } }>(`/bookings/${first}/reschedule`, {
    start: await freeSlot(),
  })
  await w.control(`/bookings/${moved.data.uid}/cancel`, {})
  await flush()
  await until(
    'both reordered events applied',
    async () =>
      (await statusAt(w, first)) === 'RESCHEDULED' &&
      (await statusAt(w, moved.data.uid)) === 'CANCELLED',
  )
  expect((await detail(w, first)).appointment.rescheduledToUid).toBe(moved.data.uid)
  expect((await detail(w, moved.data.uid)).appointment.rescheduledFromUid).toBe(first)
})

it('a webhook delivered twice is applied once', async () => {
  await fault('duplicate', 1)
  const uid = await bookPublicly('Dupe Licate')
  await w.control(`/bookings/${uid}/cancel`, {})
  await flush()
  await until('the cancel applied', async () => (await statusAt(w, uid)) === 'CANCELLED')
  const history: AppointmentDetail['history'] = (await detail(w, uid)).history
  expect(history.map((h) => h.code)).toEqual(['created', 'calcom_changed'])
  expect(history[1]!.params).toMatchObject({ statusFrom: 'SCHEDULED', statusTo: 'CANCELLED' })
})
